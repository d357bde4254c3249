package dev.supportkit.core.internal.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.core.internal.calendar.BusinessCalendar;
import dev.supportkit.core.internal.calendar.BusinessCalendars;
import dev.supportkit.core.internal.calendar.CalendarDefinitionException;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.SettingsLoader;
import dev.supportkit.core.internal.intake.QuestionnaireLoader;
import dev.supportkit.core.internal.jobs.DueWorkProcessor;
import dev.supportkit.core.internal.notify.MessageTemplates;
import dev.supportkit.core.internal.notify.NotificationChannels;
import dev.supportkit.core.internal.sla.Calendars;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.work.MicrosecondClock;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.LoadedPlugin;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;
import dev.supportkit.core.internal.plugin.ProviderRegistry;
import dev.supportkit.core.internal.knowledge.DefaultKnowledgeService;
import dev.supportkit.core.internal.knowledge.KnowledgeFiles;
import dev.supportkit.core.internal.search.LuceneSearchIndexFactory;
import dev.supportkit.spi.Provider;
import dev.supportkit.spi.ProviderFactory;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.inbound.InboundSource;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.event.DomainEventListener;
import dev.supportkit.core.internal.events.EventTargets;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.search.SearchIndex;
import dev.supportkit.spi.search.SearchIndexFactory;
import dev.supportkit.core.internal.storage.CatalogFailingContactPoints;
import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.spi.notification.FailingContactPoints;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one engine owns: its settings, plugins, providers and injector. Internal to the engine:
 * applications use {@code SupportEngine}.
 */
public final class EngineAssembly implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineAssembly.class);

    private final Clock clock;
    private final EngineSettings settings;
    private final DiscoveredProviders discovered;
    private final Injector injector;
    private final Map<String, NotificationChannel> channels;
    private final Map<String, CrmAdapter> crmAdapters;
    private final Map<String, InboundSource> inboundSources;
    private final Deque<AutoCloseable> closeOrder;

    private EngineAssembly(Clock clock, EngineSettings settings, DiscoveredProviders discovered, Injector injector,
                           Map<String, NotificationChannel> channels, Map<String, CrmAdapter> crmAdapters,
                           Map<String, InboundSource> inboundSources, Deque<AutoCloseable> closeOrder) {
        this.clock = clock;
        this.settings = settings;
        this.discovered = discovered;
        this.injector = injector;
        this.channels = channels;
        this.crmAdapters = crmAdapters;
        this.inboundSources = inboundSources;
        this.closeOrder = closeOrder;
    }

    /**
     * As {@link #assemble(Clock, EngineSettings, List, ClassLoader, List, List, List, List, List, List, List)}
     * without inbound sources registered on the builder (discovered ones still start when configured).
     *
     * @param clock       the engine's clock
     * @param settings    the configuration read
     * @param problems    configuration problems found so far
     * @param classLoader where classpath factories are looked for
     * @param storage     storage factories registered on the builder
     * @param channels    channel factories registered on the builder
     * @param crm         CRM factories registered on the builder
     * @param search      search index factories registered on the builder
     * @param sinks       event sink factories registered on the builder
     * @param listeners   in-process event listeners registered on the builder
     * @return the assembly
     * @throws ConfigurationException listing every problem
     */
    public static EngineAssembly assemble(Clock clock, EngineSettings settings, List<String> problems,
                                          ClassLoader classLoader, List<StorageProviderFactory> storage,
                                          List<NotificationChannelFactory> channels, List<CrmAdapterFactory> crm,
                                          List<SearchIndexFactory> search, List<EventSinkFactory> sinks,
                                          List<DomainEventListener> listeners) {
        return assemble(clock, settings, problems, classLoader, storage, channels, crm, search, sinks, listeners,
                List.of());
    }

    /**
     * Discovers and selects providers, reports every problem at once, creates the providers and wires
     * the services.
     *
     * @param clock         the engine's clock
     * @param settings      the configuration read
     * @param problems      configuration problems found so far
     * @param classLoader   where classpath factories are looked for
     * @param storage       storage factories registered on the builder
     * @param channels      channel factories registered on the builder
     * @param crm           CRM factories registered on the builder
     * @param search        search index factories registered on the builder
     * @param sinks         event sink factories registered on the builder
     * @param listeners     in-process event listeners registered on the builder
     * @param inbound       inbound source factories registered on the builder
     * @return the assembly
     * @throws ConfigurationException listing every problem
     */
    public static EngineAssembly assemble(Clock clock, EngineSettings settings, List<String> problems,
                                          ClassLoader classLoader, List<StorageProviderFactory> storage,
                                          List<NotificationChannelFactory> channels, List<CrmAdapterFactory> crm,
                                          List<SearchIndexFactory> search, List<EventSinkFactory> sinks,
                                          List<DomainEventListener> listeners, List<InboundSourceFactory> inbound) {
        // Every instant the engine stores is at the precision every store keeps, so the journal's hashes hold.
        clock = MicrosecondClock.of(clock);
        List<String> all = new ArrayList<>(problems);
        boolean badDirectory = problems.stream().anyMatch(p -> p.startsWith(SettingsLoader.PLUGINS_DIRECTORY));
        DiscoveredProviders discovered = null;
        try {
            discovered = ProviderDiscovery.discover(badDirectory ? java.util.Optional.empty()
                    : settings.pluginsDirectory(), classLoader);
        } catch (ConfigurationException e) {
            all.addAll(e.problems());
        }
        Map<String, StorageProviderFactory> storages = Map.of();
        Map<String, NotificationChannelFactory> channelFactories = Map.of();
        Map<String, CrmAdapterFactory> crmFactories = Map.of();
        Map<String, SearchIndexFactory> searchFactories = Map.of();
        Map<String, EventSinkFactory> sinkFactories = Map.of();
        Map<String, InboundSourceFactory> inboundFactories = Map.of();
        if (discovered != null) {
            storages = resolve(storage, discovered.factories(StorageProviderFactory.class), all);
            channelFactories = resolve(channels, discovered.factories(NotificationChannelFactory.class), all);
            crmFactories = resolve(crm, discovered.factories(CrmAdapterFactory.class), all);
            sinkFactories = resolve(sinks, discovered.factories(EventSinkFactory.class), all);
            inboundFactories = resolve(inbound, discovered.factories(InboundSourceFactory.class), all);
            if (!storages.containsKey(settings.storageProvider())) {
                all.add(SettingsLoader.STORAGE_PROVIDER + ": no storage provider '" + settings.storageProvider()
                        + "' is available (available: " + String.join(", ", storages.keySet()) + ")");
            }
            // The built-in index is always there (also when a class loader hides core's service file); a
            // discovered factory with its id outranks it (order -100).
            List<SearchIndexFactory> searchCandidates = new ArrayList<>(discovered.factories(SearchIndexFactory.class));
            if (searchCandidates.stream().noneMatch(LuceneSearchIndexFactory.class::isInstance)) {
                searchCandidates.add(new LuceneSearchIndexFactory());
            }
            searchFactories = resolve(search, searchCandidates, all);
            if (!searchFactories.containsKey(settings.searchProvider())) {
                all.add(SettingsLoader.SEARCH_PROVIDER + ": no search index provider '" + settings.searchProvider()
                        + "' is available (available: " + String.join(", ", searchFactories.keySet()) + ")");
            }
        }
        Calendars calendars = calendars(settings, all);
        MessageTemplates templates = null;
        try {
            templates = MessageTemplates.load(settings.notifications().templatesDirectory());
        } catch (ConfigurationException e) {
            all.addAll(e.problems());
        }
        QuestionnaireLoader.Pending questionnaires = QuestionnaireLoader.read(
                settings.intake().questionnaireDirectory(), all);
        if (!all.isEmpty()) {
            closeQuietly(discovered);
            throw new ConfigurationException(all);
        }

        Deque<AutoCloseable> closeOrder = new ArrayDeque<>();
        closeOrder.push(discovered);
        try {
            JacksonCodec codec = new JacksonCodec();
            StorageProvider store = new GuardedStorage(settings.storageProvider(), create(
                    storages.get(settings.storageProvider()), clock, settings, codec, null),
                    new DirectoryCache(clock, settings.directoryCacheTtl()));
            closeOrder.push(store);
            // Closed after everything that may use it (the worker, channels, CRM) and before storage.
            SearchIndex searchIndex = new GuardedSearchIndex(settings.searchProvider(),
                    create(searchFactories.get(settings.searchProvider()), clock, settings, codec, null));
            closeOrder.push(searchIndex);
            Map<String, NotificationChannel> startedChannels = start("Notification channel", channelFactories,
                    channels, clock, settings, codec, store, closeOrder);
            Map<String, CrmAdapter> startedCrm = start("CRM adapter", crmFactories, crm, clock, settings, codec,
                    store, closeOrder);
            Map<String, EventSink> startedSinks = start("Event sink", sinkFactories, sinks, clock, settings, codec,
                    store, closeOrder);
            Injector injector = Guice.createInjector(Stage.PRODUCTION, new EngineModule(clock, settings, codec, store,
                    new NotificationChannels(startedChannels), templates, calendars, searchIndex,
                    new EventTargets(listeners, startedSinks, startedCrm)));
            injector.getInstance(QuestionnaireLoader.class).store(questionnaires);
            settings.knowledgeDirectory().ifPresent(directory ->
                    loadKnowledge(directory, injector.getInstance(DefaultKnowledgeService.class)));
            // Its look-up threads stop before the CRM adapters they call close.
            closeOrder.push(injector.getInstance(dev.supportkit.core.internal.intake.CallerLookup.class));
            // The dispatcher's storage thread stops after the worker that runs its passes.
            closeOrder.push(injector.getInstance(dev.supportkit.core.internal.notify.OutboxDispatcher.class));
            startBackgroundWorker(settings, injector.getInstance(DueWorkProcessor.class), closeOrder);
            // Created last, so closed first: a source stops taking contacts before anything it uses closes.
            Map<String, InboundSource> startedInbound = start("Inbound source", inboundFactories, inbound, clock,
                    settings, codec, store, closeOrder);
            LOG.info("SupportKit engine '{}' started: storage '{}', search '{}', channels {}, CRM adapters {}, "
                    + "event sinks {}, inbound sources {}, plugins {}", settings.nodeId(), settings.storageProvider(),
                    settings.searchProvider(), startedChannels.keySet(), startedCrm.keySet(), startedSinks.keySet(),
                    startedInbound.keySet(), discovered.plugins().stream().map(LoadedPlugin::id).toList());
            return new EngineAssembly(clock, settings, discovered, injector, startedChannels, startedCrm,
                    startedInbound, closeOrder);
        } catch (RuntimeException e) {
            closeAll(closeOrder);
            throw e;
        }
    }

    /** Starts the configured providers of one kind (those registered on the builder, or enabled), by id. */
    private static <P extends Provider, F extends ProviderFactory<P>> Map<String, P> start(
            String kind, Map<String, F> factories, List<F> registered, Clock clock, EngineSettings settings,
            JacksonCodec codec, StorageProvider store, Deque<AutoCloseable> closeOrder) {
        Map<String, P> started = new TreeMap<>();
        for (F factory : factories.values()) {
            if (!settings.shouldStart(factory.id(), registered.contains(factory))) {
                LOG.info("{} '{}' is available but not configured; not started", kind, factory.id());
                continue;
            }
            P provider = create(factory, clock, settings, codec, store);
            closeOrder.push(provider);
            started.put(factory.id(), provider);
        }
        return started;
    }

    /**
     * Loads every tenant's solution-base files ({@code <directory>/<tenant-id>/*.yaml}); every problem of
     * every tenant is reported at once.
     */
    private static void loadKnowledge(Path directory, DefaultKnowledgeService knowledge) {
        List<String> problems = new ArrayList<>();
        List<Path> tenants;
        try (java.util.stream.Stream<Path> list = java.nio.file.Files.list(directory)) {
            tenants = list.filter(java.nio.file.Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new ConfigurationException(List.of(SettingsLoader.KNOWLEDGE_DIRECTORY + ": '" + directory
                    + "' cannot be listed: " + e.getMessage()));
        }
        for (Path tenantDirectory : tenants) {
            String tenant = tenantDirectory.getFileName().toString();
            try {
                knowledge.importFiles(TenantId.of(tenant), KnowledgeFiles.read(tenantDirectory));
            } catch (ConfigurationException e) {
                e.problems().forEach(p -> problems.add(SettingsLoader.KNOWLEDGE_DIRECTORY + " " + tenant + "/" + p));
            } catch (IllegalArgumentException e) {
                problems.add(SettingsLoader.KNOWLEDGE_DIRECTORY + ": '" + tenant + "' is not a tenant id: "
                        + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
    }

    /**
     * The business calendars: {@code 24x7} and {@code ru-production-5x8} (in the notification zone) and a
     * vendor's own from {@code supportkit.sla.calendars-file}; checks that every SLA policy names a known one.
     */
    private static Calendars calendars(EngineSettings settings, List<String> problems) {
        ZoneId zone = settings.notifications().zone();
        BusinessCalendars known = BusinessCalendars.of(BusinessCalendars.twentyFourSeven(zone),
                BusinessCalendars.russianProduction(zone));
        if (settings.sla().calendarsFile().isPresent()) {
            Path file = settings.sla().calendarsFile().get();
            try {
                known = known.plus(BusinessCalendars.load(file));
            } catch (CalendarDefinitionException e) {
                e.problems().forEach(p -> problems.add("supportkit.sla.calendars-file '" + file + "': " + p));
            } catch (IOException | RuntimeException e) {
                problems.add("supportkit.sla.calendars-file: '" + file + "' cannot be read: " + e.getMessage());
            }
        }
        Map<String, BusinessCalendar> byId = new TreeMap<>();
        known.all().forEach(c -> byId.put(c.id(), c));
        settings.sla().policies().values().forEach(policy -> {
            if (!policy.calendar().isBlank() && !byId.containsKey(policy.calendar())) {
                problems.add("supportkit.sla.policies." + policy.name() + ".calendar: no business calendar '"
                        + policy.calendar() + "' (known: " + String.join(", ", byId.keySet()) + ")");
            }
        });
        return new Calendars(byId);
    }

    /** Runs the due-work processor every poll interval on a daemon thread, stopped first on close. */
    private static void startBackgroundWorker(EngineSettings settings, DueWorkProcessor processor,
                                              Deque<AutoCloseable> closeOrder) {
        long interval = settings.jobs().pollInterval().toMillis();
        if (interval == 0) {
            return;
        }
        ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "supportkit-jobs-" + settings.nodeId());
            thread.setDaemon(true);
            return thread;
        });
        worker.scheduleWithFixedDelay(() -> {
            try {
                processor.runOnce();
            } catch (RuntimeException e) {
                LOG.warn("Due-work pass on node {} failed; retrying in {} ms: {}", settings.nodeId(), interval,
                        e.toString());
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        closeOrder.push(() -> {
            worker.shutdownNow();
            if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Due-work worker of node {} did not stop within 10 s", settings.nodeId());
            }
        });
    }

    private static <F extends ProviderFactory<?>> Map<String, F> resolve(List<F> explicit, List<F> discovered,
                                                                        List<String> problems) {
        try {
            return ProviderRegistry.resolve(explicit, discovered);
        } catch (ConfigurationException e) {
            problems.addAll(e.problems());
            return Map.of();
        }
    }

    /** Creates a provider; {@code store} is null for those created before storage exists (they keep no state). */
    private static <P extends Provider> P create(ProviderFactory<P> factory, Clock clock, EngineSettings settings,
                                                 JacksonCodec codec, StorageProvider store) {
        Optional<ProviderStateStore> state = Optional.ofNullable(store)
                .map(s -> new CatalogProviderState(s, factory.id(), clock));
        Optional<FailingContactPoints> failing = Optional.ofNullable(store)
                .map(s -> new CatalogFailingContactPoints(s, codec, factory.id(), clock));
        Supplier<P> create = () -> factory.create(new EngineProviderContext(clock, settings.nodeId(),
                settings.settingsFor(factory.id()), codec, state, failing));
        try {
            P provider = create.get();
            if (provider == null) {
                throw new ProviderException(factory.id(), "the factory returned no provider", null);
            }
            return provider;
        } catch (SupportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(factory.id(), "could not be created: " + e.getMessage(), e);
        }
    }

    /**
     * Returns the injector holding the services.
     *
     * @return the injector holding the services
     */
    public Injector injector() {
        return injector;
    }

    /**
     * Returns the engine's clock.
     *
     * @return the engine's clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * Returns the configuration.
     *
     * @return the configuration
     */
    public EngineSettings settings() {
        return settings;
    }

    /**
     * Returns the ids of the started notification channels.
     *
     * @return the ids of the started notification channels
     */
    public Set<String> notificationChannelIds() {
        return Set.copyOf(channels.keySet());
    }

    /**
     * Returns the ids of the started CRM adapters.
     *
     * @return the ids of the started CRM adapters
     */
    public Set<String> crmAdapterIds() {
        return Set.copyOf(crmAdapters.keySet());
    }

    /**
     * Returns the ids of the started inbound sources.
     *
     * @return the ids of the started inbound sources
     */
    public Set<String> inboundSourceIds() {
        return Set.copyOf(inboundSources.keySet());
    }

    /**
     * Starts every inbound source with the engine's public services; called once the engine exists.
     *
     * @param services the engine's services, as applications see them
     * @throws ProviderException naming the source that failed to start
     */
    public void startInboundSources(SupportServices services) {
        inboundSources.forEach((id, source) -> {
            try {
                source.start(services);
            } catch (SupportException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ProviderException(id, "could not be started: " + e.getMessage(), e);
            }
        });
    }

    /**
     * Stops every inbound source while the services they call are still open; closing the assembly closes them
     * again, which they take as a no-op.
     */
    public void stopInboundSources() {
        inboundSources.values().forEach(EngineAssembly::closeQuietly);
    }

    /**
     * Returns a started CRM adapter.
     *
     * @param id the adapter's provider id
     * @return the adapter, when one with this id is started
     */
    public java.util.Optional<CrmAdapter> crmAdapter(String id) {
        return java.util.Optional.ofNullable(crmAdapters.get(id));
    }

    /**
     * Returns the loaded plugins as {@code id@version}.
     *
     * @return the loaded plugins as {@code id@version}
     */
    public List<String> plugins() {
        return discovered.plugins().stream().map(p -> p.id() + "@" + p.version()).toList();
    }

    /** Closes providers in reverse creation order, then unloads plugins. */
    @Override
    public void close() {
        closeAll(closeOrder);
    }

    private static void closeAll(Deque<AutoCloseable> closeables) {
        while (!closeables.isEmpty()) {
            closeQuietly(closeables.pop());
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable, e.toString());
        }
    }
}
