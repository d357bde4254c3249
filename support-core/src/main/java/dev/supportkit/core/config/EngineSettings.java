package dev.supportkit.core.config;

import dev.supportkit.spi.ProviderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's validated configuration, read once when the engine is built.
 *
 * @param nodeId            this node's id ({@code supportkit.node-id})
 * @param storageProvider   the id of the storage provider to use ({@code supportkit.storage.provider})
 * @param pluginsDirectory  where PF4J plugin jars are loaded from ({@code supportkit.plugins.directory})
 * @param providerSettings  each provider's own settings ({@code supportkit.providers.<id>.*}), by provider id
 * @param jobs              how due timers are worked off ({@code supportkit.jobs.*})
 * @param directoryCacheTtl how long directory entries read on this node are reused
 *                          ({@code supportkit.directory.cache-seconds}); zero turns the cache off
 * @param notifications     how messages are delivered ({@code supportkit.notifications.*}, templates)
 * @param sla               service-level policies and calendars ({@code supportkit.sla.*})
 * @param routing           routing rules for redirects to second line ({@code supportkit.routing.*})
 * @param searchProvider    the id of the search index provider to use ({@code supportkit.search.provider})
 */
public record EngineSettings(String nodeId, String storageProvider, Optional<Path> pluginsDirectory,
                             Map<String, ProviderSettings> providerSettings, JobSettings jobs,
                             Duration directoryCacheTtl, NotificationSettings notifications, SlaSettings sla,
                             RoutingSettings routing, String searchProvider) {
    /** The search index provider used when none is configured. */
    public static final String DEFAULT_SEARCH_PROVIDER = "lucene";

    /**
     * Freezes the map.
     *
     * @param nodeId this node's id ({@code supportkit.node-id})
     * @param storageProvider the id of the storage provider to use ({@code supportkit.storage.provider})
     * @param pluginsDirectory where PF4J plugin jars are loaded from ({@code supportkit.plugins.directory})
     * @param providerSettings each provider's own settings ({@code supportkit.providers.<id>.*}), by provider id
     * @param jobs how due timers are worked off ({@code supportkit.jobs.*})
     * @param directoryCacheTtl how long directory entries read on this node are reused
     * @param notifications how messages are delivered
     * @param sla service-level policies and calendars
     * @param routing routing rules for redirects to second line; null means none
     * @param searchProvider the id of the search index provider to use; null means {@code lucene}
     */
    public EngineSettings {
        providerSettings = Map.copyOf(providerSettings);
        routing = routing == null ? RoutingSettings.NONE : routing;
        searchProvider = searchProvider == null ? DEFAULT_SEARCH_PROVIDER : searchProvider;
    }

    /**
     * Settings with the default search index provider.
     *
     * @param nodeId this node's id
     * @param storageProvider the id of the storage provider to use
     * @param pluginsDirectory where PF4J plugin jars are loaded from
     * @param providerSettings each provider's own settings, by provider id
     * @param jobs how due timers are worked off
     * @param directoryCacheTtl how long directory entries read on this node are reused
     * @param notifications how messages are delivered
     * @param sla service-level policies and calendars
     * @param routing routing rules for redirects to second line; null means none
     */
    public EngineSettings(String nodeId, String storageProvider, Optional<Path> pluginsDirectory,
                          Map<String, ProviderSettings> providerSettings, JobSettings jobs, Duration directoryCacheTtl,
                          NotificationSettings notifications, SlaSettings sla, RoutingSettings routing) {
        this(nodeId, storageProvider, pluginsDirectory, providerSettings, jobs, directoryCacheTtl, notifications, sla,
                routing, DEFAULT_SEARCH_PROVIDER);
    }

    /**
     * Settings without routing rules.
     *
     * @param nodeId this node's id
     * @param storageProvider the id of the storage provider to use
     * @param pluginsDirectory where PF4J plugin jars are loaded from
     * @param providerSettings each provider's own settings, by provider id
     * @param jobs how due timers are worked off
     * @param directoryCacheTtl how long directory entries read on this node are reused
     * @param notifications how messages are delivered
     * @param sla service-level policies and calendars
     */
    public EngineSettings(String nodeId, String storageProvider, Optional<Path> pluginsDirectory,
                          Map<String, ProviderSettings> providerSettings, JobSettings jobs, Duration directoryCacheTtl,
                          NotificationSettings notifications, SlaSettings sla) {
        this(nodeId, storageProvider, pluginsDirectory, providerSettings, jobs, directoryCacheTtl, notifications, sla,
                RoutingSettings.NONE);
    }

    /**
     * @param providerId a provider factory id
     * @return its settings, empty when none are configured
     */
    public ProviderSettings settingsFor(String providerId) {
        Map<String, String> values = new java.util.TreeMap<>(providerSettings.getOrDefault(providerId,
                ProviderSettings.empty()).asMap());
        values.remove(ENABLED);
        return new ProviderSettings(values);
    }

    /** The engine's own key under a provider's settings; it is not passed to the provider. */
    public static final String ENABLED = "enabled";

    /**
     * Whether a discovered notification channel or CRM adapter is to be started: when
     * {@code supportkit.providers.<id>.enabled} says so, or else when any other key is configured for it.
     * (An explicitly registered factory is always started unless disabled.)
     *
     * @param providerId the factory id
     * @param explicit   whether the factory was registered on the builder
     * @return whether to start it
     */
    public boolean shouldStart(String providerId, boolean explicit) {
        Map<String, String> values = providerSettings.getOrDefault(providerId, ProviderSettings.empty()).asMap();
        String enabled = values.get(ENABLED);
        if (enabled != null) {
            return Boolean.parseBoolean(enabled.trim());
        }
        return explicit || !values.isEmpty();
    }
}
