package dev.supportkit.core.internal.plugin;

import dev.supportkit.spi.ProviderFactory;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@link ProviderDiscovery} found: for each factory interface the factories, class path ones
 * first, then each plugin's in plugin order; and the plugins it started. The lists never change.
 *
 * <p>It owns the plugins' PF4J plugin manager: {@link #close()} stops and unloads the plugins and
 * closes their class loaders. Close it when the engine closes, after the providers created from these
 * factories are closed; a plugin factory must not be used after that.
 */
public final class DiscoveredProviders implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveredProviders.class);

    private final Map<Class<?>, List<DiscoveredFactory<?>>> factories;
    private final List<LoadedPlugin> plugins;
    private final SupportKitPluginManager pluginManager;
    private final AtomicBoolean closed = new AtomicBoolean();

    DiscoveredProviders(Map<Class<?>, List<DiscoveredFactory<?>>> factories, List<LoadedPlugin> plugins,
                        SupportKitPluginManager pluginManager) {
        Map<Class<?>, List<DiscoveredFactory<?>>> copy = new LinkedHashMap<>();
        for (Class<?> type : ProviderDiscovery.FACTORY_TYPES) {
            copy.put(type, List.copyOf(factories.getOrDefault(type, List.of())));
        }
        this.factories = Map.copyOf(copy);
        this.plugins = List.copyOf(plugins);
        this.pluginManager = pluginManager;
    }

    /**
     * Returns storage provider factories found.
     *
     * @return storage provider factories found
     */
    public List<DiscoveredFactory<StorageProviderFactory>> storageProviders() {
        return all(StorageProviderFactory.class);
    }

    /**
     * Returns notification channel factories found.
     *
     * @return notification channel factories found
     */
    public List<DiscoveredFactory<NotificationChannelFactory>> notificationChannels() {
        return all(NotificationChannelFactory.class);
    }

    /**
     * Returns CRM adapter factories found.
     *
     * @return CRM adapter factories found
     */
    public List<DiscoveredFactory<CrmAdapterFactory>> crmAdapters() {
        return all(CrmAdapterFactory.class);
    }

    /**
     * @param factoryType one of {@link ProviderDiscovery#FACTORY_TYPES}
     * @param <F>         the factory interface
     * @return the factories of that interface found, each with its source; class path ones first
     * @throws IllegalArgumentException for another type
     */
    @SuppressWarnings("unchecked")
    public <F extends ProviderFactory<?>> List<DiscoveredFactory<F>> all(Class<F> factoryType) {
        List<DiscoveredFactory<?>> found = factories.get(factoryType);
        if (found == null) {
            throw new IllegalArgumentException("Not a provider factory interface discovery looks for: "
                    + factoryType.getName() + "; expected one of " + ProviderDiscovery.FACTORY_TYPES);
        }
        return (List<DiscoveredFactory<F>>) (List<?>) found;
    }

    /**
     * The factory instances alone, in the same order, ready for
     * {@link ProviderRegistry#resolve(List, List)}.
     *
     * @param factoryType one of {@link ProviderDiscovery#FACTORY_TYPES}
     * @param <F>         the factory interface
     * @return the factories
     */
    public <F extends ProviderFactory<?>> List<F> factories(Class<F> factoryType) {
        List<F> result = new ArrayList<>();
        for (DiscoveredFactory<F> found : all(factoryType)) {
            result.add(found.factory());
        }
        return List.copyOf(result);
    }

    /**
     * Returns the plugins loaded and started from the plugins directory; empty without one.
     *
     * @return the plugins loaded and started from the plugins directory; empty without one
     */
    public List<LoadedPlugin> plugins() {
        return plugins;
    }

    /**
     * Returns true once {@link #close()} has been called.
     *
     * @return true once {@link #close()} has been called
     */
    public boolean isClosed() {
        return closed.get();
    }

    /**
     * Stops and unloads every plugin and closes its class loader. Does nothing the second time, and
     * nothing without a plugins directory. Never throws: a plugin that fails to stop is logged.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true) || pluginManager == null) {
            return;
        }
        ProviderDiscovery.shutDown(pluginManager);
        LOG.debug("Unloaded plugins from '{}'", pluginManager.getPluginsRoot());
    }

    @Override
    public String toString() {
        return "DiscoveredProviders[storage=" + factories.get(StorageProviderFactory.class)
                + ", notificationChannels=" + factories.get(NotificationChannelFactory.class)
                + ", crmAdapters=" + factories.get(CrmAdapterFactory.class) + ", plugins=" + plugins + "]";
    }
}
