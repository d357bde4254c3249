package dev.supportkit.core.internal.plugin;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderFactory;
import dev.supportkit.spi.SpiVersion;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.search.SearchIndexFactory;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider factories of an engine, from two places, both through
 * {@code META-INF/services/<factory interface>}:
 *
 * <ol>
 *   <li>the application class path, where a plugin jar added as an ordinary dependency lands
 *       ({@link ServiceLoader} on the application class loader);</li>
 *   <li>the plugins directory, when one is configured: every jar (or PF4J-layout directory) in it is
 *       loaded and started as a PF4J plugin, each in its own class loader whose parent is the application
 *       class loader, and {@link ServiceLoader} runs over each plugin's class loader, keeping only the
 *       factories whose class that loader defined (it also sees the class path's service files).</li>
 * </ol>
 *
 * <p>A plugin declares itself in its {@code META-INF/MANIFEST.MF}: {@code Plugin-Id},
 * {@code Plugin-Version}, {@code Plugin-Requires} (the SupportKit SPI versions it works with, e.g.
 * {@code >=1.0.0 & <2.0.0} or {@code ^1.0.0}; checked against {@link SpiVersion#CURRENT}), and optionally
 * {@code Plugin-Class}, {@code Plugin-Provider}, {@code Plugin-Dependencies}.
 *
 * <p>Every problem found (a missing plugins directory, a plugin built for another SPI version, a plugin
 * that cannot be loaded or started, a factory that cannot be created, an invalid factory id) is collected
 * and reported at once as a {@link ConfigurationException}; the plugins already loaded are then unloaded.
 *
 * <p>Nothing is shared between calls: each returns a {@link DiscoveredProviders} that owns its own PF4J
 * plugin manager and must be closed when the engine closes.
 */
public final class ProviderDiscovery {
    /** The configuration key of the plugins directory, named in problems about it. */
    public static final String PLUGINS_DIRECTORY_KEY = "supportkit.plugins.directory";

    /** The factory interfaces discovery looks for. */
    public static final List<Class<? extends ProviderFactory<?>>> FACTORY_TYPES =
            List.of(StorageProviderFactory.class, NotificationChannelFactory.class, CrmAdapterFactory.class,
                    SearchIndexFactory.class, EventSinkFactory.class, InboundSourceFactory.class);

    private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

    /** Stops reading a service file that keeps failing; ServiceLoader skips a broken entry and goes on. */
    private static final int MAX_ERRORS_PER_SERVICE = 20;

    private ProviderDiscovery() {
    }

    /**
     * Discovers the provider factories on the class path and, when a plugins directory is given, in the
     * plugins in it, which are loaded and started.
     *
     * @param pluginsDirectory       the configured plugins directory, if any; it must exist when given
     * @param applicationClassLoader the class loader of the application: searched for class path
     *                               factories, and the parent of every plugin's class loader
     * @return the factories found, owning the plugins; close it when the engine closes
     * @throws ConfigurationException listing every problem found
     */
    public static DiscoveredProviders discover(Optional<Path> pluginsDirectory, ClassLoader applicationClassLoader) {
        Objects.requireNonNull(pluginsDirectory, "pluginsDirectory");
        Objects.requireNonNull(applicationClassLoader, "applicationClassLoader");

        List<String> problems = new ArrayList<>();
        Map<Class<?>, List<DiscoveredFactory<?>>> found = new LinkedHashMap<>();
        for (Class<? extends ProviderFactory<?>> type : FACTORY_TYPES) {
            List<DiscoveredFactory<?>> list = new ArrayList<>();
            found.put(type, list);
            loadFactories(type, applicationClassLoader, null, ProviderSource.classpath(), list, problems);
        }

        SupportKitPluginManager manager = null;
        List<LoadedPlugin> plugins = new ArrayList<>();
        if (pluginsDirectory.isPresent()) {
            Path directory = pluginsDirectory.get();
            if (!Files.isDirectory(directory)) {
                problems.add(PLUGINS_DIRECTORY_KEY + ": '" + directory + "' does not exist or is not a directory");
            } else if (!Files.isReadable(directory)) {
                problems.add(PLUGINS_DIRECTORY_KEY + ": '" + directory + "' is not readable");
            } else {
                manager = new SupportKitPluginManager(directory.toAbsolutePath().normalize(), applicationClassLoader);
                try {
                    loadPlugins(manager, found, plugins, problems);
                } catch (RuntimeException e) {
                    problems.add(PLUGINS_DIRECTORY_KEY + ": plugins in '" + directory + "' cannot be loaded: "
                            + describe(e));
                }
            }
        }

        if (!problems.isEmpty()) {
            if (manager != null) {
                shutDown(manager);
            }
            throw new ConfigurationException(problems);
        }

        for (Map.Entry<Class<?>, List<DiscoveredFactory<?>>> entry : found.entrySet()) {
            for (DiscoveredFactory<?> factory : entry.getValue()) {
                LOG.info("Discovered {} {}", kind(entry.getKey()), factory);
            }
        }
        return new DiscoveredProviders(found, plugins, manager);
    }

    private static void loadPlugins(SupportKitPluginManager manager, Map<Class<?>, List<DiscoveredFactory<?>>> found,
                                    List<LoadedPlugin> plugins, List<String> problems) {
        problems.addAll(manager.loadAll());
        manager.startPlugins();

        List<PluginWrapper> wrappers = new ArrayList<>(manager.getPlugins());
        wrappers.sort(Comparator.comparing(PluginWrapper::getPluginId));
        for (PluginWrapper wrapper : wrappers) {
            PluginDescriptor descriptor = wrapper.getDescriptor();
            String label = "Plugin '" + descriptor.getPluginId() + "' " + descriptor.getVersion();
            if (manager.isRefused(wrapper.getPluginId())) {
                continue; // reported by loadAll()
            }
            PluginState state = wrapper.getPluginState();
            if (state == PluginState.DISABLED) {
                LOG.info("{} at '{}' is disabled (enabled.txt / disabled.txt); its providers are not used", label,
                        wrapper.getPluginPath());
                continue;
            }
            if (state != PluginState.STARTED) {
                Throwable cause = wrapper.getFailedException();
                problems.add(label + " at '" + wrapper.getPluginPath() + "' failed to start: "
                        + (cause == null ? "it is " + state : describe(cause)));
                continue;
            }
            String requires = descriptor.getRequires() == null ? "*" : descriptor.getRequires().trim();
            if (requires.isEmpty() || "*".equals(requires)) {
                LOG.warn("{} declares no SupportKit SPI version (Plugin-Requires missing or '*'); assuming it works "
                        + "with SPI {}", label, SpiVersion.CURRENT);
            }
            plugins.add(new LoadedPlugin(descriptor.getPluginId(), descriptor.getVersion(), requires,
                    descriptor.getProvider(), wrapper.getPluginPath()));
            LOG.info("Loaded {} (requires SPI '{}', provider '{}') from '{}'", label, requires,
                    descriptor.getProvider() == null ? "" : descriptor.getProvider(), wrapper.getPluginPath());

            ClassLoader pluginLoader = wrapper.getPluginClassLoader();
            ProviderSource source = ProviderSource.plugin(descriptor.getPluginId(), descriptor.getVersion());
            int factoriesBefore = count(found);
            int problemsBefore = problems.size();
            for (Class<? extends ProviderFactory<?>> type : FACTORY_TYPES) {
                loadFactories(type, pluginLoader, pluginLoader, source, found.get(type), problems);
            }
            if (count(found) == factoriesBefore && problems.size() == problemsBefore) {
                LOG.warn("{} provides no SupportKit provider factory: none of its classes is listed in "
                        + "META-INF/services/ under {}", label, FACTORY_TYPES.stream().map(Class::getName).toList());
            }
        }
    }

    private static int count(Map<Class<?>, List<DiscoveredFactory<?>>> found) {
        return found.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Loads the factories of one interface listed in {@code META-INF/services}.
     *
     * @param definingLoader when not null, only factories whose class this loader defined are kept
     */
    private static <F extends ProviderFactory<?>> void loadFactories(Class<F> type, ClassLoader loader,
                                                                     ClassLoader definingLoader, ProviderSource source,
                                                                     List<DiscoveredFactory<?>> out,
                                                                     List<String> problems) {
        String where = source.isClasspath() ? "on the class path" : "in " + source;
        String listed = "listed in META-INF/services/" + type.getName() + " " + where;
        Iterator<ServiceLoader.Provider<F>> providers = ServiceLoader.load(type, loader).stream().iterator();
        int errors = 0;
        while (true) {
            ServiceLoader.Provider<F> provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError e) {
                problems.add("A " + kind(type) + " " + listed + " cannot be loaded: " + describe(e));
                if (++errors >= MAX_ERRORS_PER_SERVICE) {
                    break;
                }
                continue;
            }
            Class<? extends F> factoryClass = provider.type();
            if (definingLoader != null && factoryClass.getClassLoader() != definingLoader) {
                continue; // on the class path, seen through the plugin's class loader
            }
            F factory;
            try {
                factory = provider.get();
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                problems.add(capitalize(kind(type)) + " " + factoryClass.getName() + " " + listed
                        + " cannot be created: " + describe(e));
                continue;
            }
            String idProblem = ProviderRegistry.checkId(factory, where);
            if (idProblem != null) {
                problems.add(idProblem);
                continue;
            }
            out.add(new DiscoveredFactory<>(factory, source));
        }
    }

    /**
     * Stops and unloads every plugin of a manager, closing their class loaders; logs what fails.
     *
     * @param manager the plugin manager
     */
    static void shutDown(SupportKitPluginManager manager) {
        // Not PluginManager.stopPlugins(): in PF4J 3.15 it removes from the list it iterates and throws
        // ConcurrentModificationException as soon as one plugin was started (pf4j/pf4j#656).
        List<PluginWrapper> started = new ArrayList<>(manager.getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' could not be stopped: {}", plugin.getPluginId(), describe(e));
            }
        }
        List<String> ids = manager.getPlugins().stream().map(PluginWrapper::getPluginId).sorted().toList();
        for (String id : ids) {
            try {
                manager.unloadPlugin(id);
            } catch (RuntimeException e) {
                LOG.warn("Plugin '{}' could not be unloaded: {}", id, describe(e));
            }
        }
    }

    /**
     * @param factoryType a factory interface
     * @return e.g. {@code notification channel factory}
     */
    static String kind(Class<?> factoryType) {
        if (factoryType == StorageProviderFactory.class) {
            return "storage provider factory";
        }
        if (factoryType == NotificationChannelFactory.class) {
            return "notification channel factory";
        }
        if (factoryType == CrmAdapterFactory.class) {
            return "CRM adapter factory";
        }
        if (factoryType == SearchIndexFactory.class) {
            return "search index factory";
        }
        if (factoryType == EventSinkFactory.class) {
            return "event sink factory";
        }
        if (factoryType == InboundSourceFactory.class) {
            return "inbound source factory";
        }
        return "provider factory";
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * @param error an exception
     * @return its class and message, followed by those of its causes
     */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (text.length() > 0) {
                text.append("; caused by ");
            }
            if (t instanceof PluginRuntimeException && t.getMessage() != null) {
                text.append(t.getMessage()); // our own or PF4J's sentence: the class name adds nothing
                continue;
            }
            text.append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                text.append(": ").append(t.getMessage());
            }
        }
        return text.toString();
    }
}
