package dev.supportkit.core;

import com.google.inject.Injector;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.work.WorkService;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.SettingsLoader;
import dev.supportkit.core.internal.engine.ArgumentGuard;
import dev.supportkit.core.internal.security.CustomerView;
import dev.supportkit.core.internal.engine.EngineAssembly;
import dev.supportkit.core.internal.jobs.DueWorkProcessor;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.api.event.DomainEventListener;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.search.SearchIndexFactory;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A running SupportKit engine: the services of professional standard 06.024 over one storage
 * provider. Build it with {@link #builder()}, close it when done. Engines are independent: two in one
 * JVM share nothing unless they are given the same storage.
 *
 * <pre>{@code
 * try (SupportEngine engine = SupportEngine.builder().configFile(Path.of("supportkit.yaml")).build()) {
 *     Request request = engine.intake().registerContact(operator, draft);
 * }
 * }</pre>
 */
public final class SupportEngine implements SupportServices, AutoCloseable {
    private final EngineAssembly assembly;
    private final Injector injector;
    /** Each service as callers get it: missing arguments refused before any work starts. */
    private final Map<Class<?>, Object> services = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    private SupportEngine(EngineAssembly assembly) {
        this.assembly = assembly;
        this.injector = assembly.injector();
    }

    /**
     * Returns a builder with the defaults: system UTC clock, in-memory storage, no plugins directory.
     *
     * @return a builder with the defaults: system UTC clock, in-memory storage, no plugins directory
     */
    public static Builder builder() {
        return new Builder();
    }

    private <T> T service(Class<T> type) {
        if (closed) {
            throw new IllegalStateException("The SupportKit engine is closed");
        }
        if (!type.isInterface()) {
            return injector.getInstance(type);
        }
        return type.cast(services.computeIfAbsent(type, t -> ArgumentGuard.wrap(type, injector.getInstance(type),
                injector.getInstance(CustomerView.class))));
    }

    @Override
    public IntakeService intake() {
        return service(IntakeService.class);
    }

    @Override
    public ConsultingService consulting() {
        return service(ConsultingService.class);
    }

    @Override
    public KnowledgeService knowledge() {
        return service(KnowledgeService.class);
    }

    @Override
    public EscalationService escalation() {
        return service(EscalationService.class);
    }

    @Override
    public WorkService work() {
        return service(WorkService.class);
    }

    @Override
    public SchedulingService scheduling() {
        return service(SchedulingService.class);
    }

    @Override
    public ResolutionService resolution() {
        return service(ResolutionService.class);
    }

    @Override
    public QualityService quality() {
        return service(QualityService.class);
    }

    @Override
    public JournalService journal() {
        return service(JournalService.class);
    }

    @Override
    public ReportService reports() {
        return service(ReportService.class);
    }

    @Override
    public DirectoryService directory() {
        return service(DirectoryService.class);
    }

    /**
     * What one pass of due work did.
     *
     * @param timers   due timers handled (executors' deadlines and the like)
     * @param messages outbox messages attempted (delivered, retried later, postponed or dead-lettered)
     */
    public record DueWork(int timers, int messages) {
        /** @return whether the pass found nothing to do */
        public boolean idle() {
            return timers == 0 && messages == 0;
        }
    }

    /**
     * Works off what is due now on this node: one batch of due timers, the scheduled digests that are due
     * (sent once across engines), then one batch of due outbox messages. The background worker does this every {@code supportkit.jobs.poll-interval-ms}; an
     * application that turns it off, or a test that drives the clock, calls this instead.
     *
     * @return what was done
     */
    public DueWork runDueWork() {
        DueWorkProcessor processor = service(DueWorkProcessor.class);
        int timers = processor.runTimers();
        processor.runPeriodic();
        return new DueWork(timers, processor.runOutbox());
    }

    /**
     * Returns this node's id.
     *
     * @return this node's id
     */
    public String nodeId() {
        return assembly.settings().nodeId();
    }

    /**
     * Returns the engine's clock: the builder's clock, truncated to microseconds.
     *
     * @return the engine's clock
     */
    public Clock clock() {
        return assembly.clock();
    }

    /**
     * Returns the id of the storage provider in use.
     *
     * @return the id of the storage provider in use
     */
    public String storageProviderId() {
        return assembly.settings().storageProvider();
    }

    /**
     * Returns ids of the notification channels started.
     *
     * @return ids of the notification channels started
     */
    public Set<String> notificationChannelIds() {
        return assembly.notificationChannelIds();
    }

    /**
     * Returns ids of the CRM adapters started.
     *
     * @return ids of the CRM adapters started
     */
    public Set<String> crmAdapterIds() {
        return assembly.crmAdapterIds();
    }

    /**
     * Returns ids of the inbound sources started (contacts by e-mail, fax, ...).
     *
     * @return ids of the inbound sources started
     */
    public Set<String> inboundSourceIds() {
        return assembly.inboundSourceIds();
    }

    /**
     * Returns a started CRM adapter, for what the engine does not call by itself: recognising a caller
     * ({@link dev.supportkit.spi.crm.CrmAdapter#findCaller}) and importing the CRM's directory
     * ({@link dev.supportkit.spi.crm.CrmDirectorySync}).
     *
     * @param id the adapter's provider id, e.g. {@code hubspot}
     * @return the adapter, when one with this id is started
     */
    public java.util.Optional<dev.supportkit.spi.crm.CrmAdapter> crmAdapter(String id) {
        return assembly.crmAdapter(id);
    }

    /**
     * Returns the PF4J plugins loaded, as {@code id@version}.
     *
     * @return the PF4J plugins loaded, as {@code id@version}
     */
    public List<String> plugins() {
        return assembly.plugins();
    }

    /** Closes the providers and unloads the plugins. Safe to call twice. */
    @Override
    public void close() {
        if (!closed) {
            assembly.stopInboundSources(); // before the services refuse calls: a source finishes its message
            closed = true;
            assembly.close();
        }
    }

    /**
     * Builds a {@link SupportEngine}. Configuration comes from three layers, highest first: values set
     * here, environment variables, a configuration file. Every configuration problem is reported at
     * once by {@link #build()} as a {@link ConfigurationException}.
     */
    public static final class Builder {
        private Clock clock = Clock.systemUTC(); // the one place the system clock is chosen: the default
        private Path configFile;
        private Map<String, String> environment = System.getenv();
        private final Map<String, String> values = new LinkedHashMap<>();
        private final List<StorageProviderFactory> storage = new ArrayList<>();
        private final List<NotificationChannelFactory> channels = new ArrayList<>();
        private final List<CrmAdapterFactory> crm = new ArrayList<>();
        private final List<SearchIndexFactory> search = new ArrayList<>();
        private final List<EventSinkFactory> sinks = new ArrayList<>();
        private final List<InboundSourceFactory> inbound = new ArrayList<>();
        private final List<DomainEventListener> listeners = new ArrayList<>();
        private ClassLoader classLoader = SupportEngine.class.getClassLoader();

        private Builder() {
        }

        /**
         * The only source of time for the engine and its providers. The engine reads it truncated to
         * microseconds, the precision every store keeps, so stored times and the journal's hashes read back
         * exactly; {@link SupportEngine#clock()} returns that truncating clock.
         *
         * @param value the clock; tests pass a fixed or adjustable one
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * A configuration file: {@code .properties}, {@code .yaml} or {@code .yml}.
         *
         * @param value the file
         * @return this builder
         */
        public Builder configFile(Path value) {
            this.configFile = Objects.requireNonNull(value, "configFile");
            return this;
        }

        /**
         * Sets one configuration value; it beats the environment and the file.
         *
         * @param key   e.g. {@code supportkit.node-id}
         * @param value the value
         * @return this builder
         */
        public Builder set(String key, String value) {
            values.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * The environment variables to read overrides from; {@link System#getenv()} by default.
         *
         * @param value the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> value) {
            this.environment = Map.copyOf(value);
            return this;
        }

        /**
         * Loads PF4J plugin jars from a directory; the same as setting {@code supportkit.plugins.directory}.
         *
         * @param value the directory
         * @return this builder
         */
        public Builder pluginsDirectory(Path value) {
            return set(SettingsLoader.PLUGINS_DIRECTORY, value.toString());
        }

        /**
         * Registers a storage factory and selects it (unless {@code supportkit.storage.provider} is set on
         * this builder). It wins over a discovered factory with the same id.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder storage(StorageProviderFactory factory) {
            storage.add(Objects.requireNonNull(factory, "factory"));
            values.putIfAbsent(SettingsLoader.STORAGE_PROVIDER, factory.id());
            return this;
        }

        /**
         * Registers a search index factory and selects it (unless {@code supportkit.search.provider} is set
         * on this builder). It wins over a discovered factory, and over the built-in {@code lucene} index,
         * with the same id.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder searchIndex(SearchIndexFactory factory) {
            search.add(Objects.requireNonNull(factory, "factory"));
            values.putIfAbsent(SettingsLoader.SEARCH_PROVIDER, factory.id());
            return this;
        }

        /**
         * Registers a notification channel factory; it wins over a discovered one with the same id.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder notificationChannel(NotificationChannelFactory factory) {
            channels.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers a CRM adapter factory; it wins over a discovered one with the same id.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder crmAdapter(CrmAdapterFactory factory) {
            crm.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers an event sink factory; it wins over a discovered one with the same id, and its sink is started.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder eventSink(EventSinkFactory factory) {
            sinks.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers an inbound source factory (contacts arriving by e-mail, fax, ...); it wins over a discovered
         * one with the same id, and its source is started with the engine's services once the engine is built.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder inboundSource(InboundSourceFactory factory) {
            inbound.add(Objects.requireNonNull(factory, "factory"));
            return this;
        }

        /**
         * Registers an in-process listener of the domain events: every journalled change of every request,
         * after commit, at least once, in order per request.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder eventListener(DomainEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The class loader to discover classpath factories with; the engine's own by default.
         *
         * @param value the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader value) {
            this.classLoader = Objects.requireNonNull(value, "classLoader");
            return this;
        }

        /**
         * Reads the configuration, discovers and selects providers, creates them and wires the engine.
         *
         * @return the running engine
         * @throws ConfigurationException listing every configuration problem
         * @throws dev.supportkit.api.error.ProviderException when a provider cannot be created
         */
        public SupportEngine build() {
            SettingsLoader.Result loaded = SettingsLoader.load(Optional.ofNullable(configFile), environment, values);
            EngineSettings settings = loaded.settings();
            SupportEngine engine = new SupportEngine(EngineAssembly.assemble(clock, settings, loaded.problems(),
                    classLoader, List.copyOf(storage), List.copyOf(channels), List.copyOf(crm), List.copyOf(search),
                    List.copyOf(sinks), List.copyOf(listeners), List.copyOf(inbound)));
            try {
                engine.assembly.startInboundSources(engine);
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
            return engine;
        }
    }
}
