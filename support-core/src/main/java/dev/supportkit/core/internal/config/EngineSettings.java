package dev.supportkit.core.internal.config;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param knowledgeDirectory where solution-base files are loaded from at start, one subdirectory per tenant
 *                          ({@code supportkit.knowledge.directory}), if anywhere
 * @param intake            questionnaire files, attaching, emergency rules and mass-incident detection
 *                          ({@code supportkit.intake.*})
 * @param journal           the keys that seal the journal ({@code supportkit.journal.*})
 * @param work              day-to-day work: who sees the work plan ({@code supportkit.work.*})
 * @param quality           quality control: evaluation weights ({@code supportkit.quality.*})
 */
public record EngineSettings(String nodeId, String storageProvider, Optional<Path> pluginsDirectory,
                             Map<String, ProviderSettings> providerSettings, JobSettings jobs,
                             Duration directoryCacheTtl, NotificationSettings notifications, SlaSettings sla,
                             RoutingSettings routing, String searchProvider, Optional<Path> knowledgeDirectory,
                             IntakeSettings intake, JournalSettings journal, WorkSettings work,
                             QualitySettings quality) {
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
     * @param knowledgeDirectory where solution-base files are loaded from; null means nowhere
     * @param intake intake settings; null means the defaults
     * @param journal the journal's sealing keys; null means none
     * @param work day-to-day work settings; null means the defaults
     * @param quality quality-control settings; null means the defaults
     */
    public EngineSettings {
        intake = intake == null ? IntakeSettings.DEFAULTS : intake;
        journal = journal == null ? JournalSettings.NONE : journal;
        work = work == null ? WorkSettings.DEFAULTS : work;
        quality = quality == null ? QualitySettings.DEFAULTS : quality;
        knowledgeDirectory = knowledgeDirectory == null ? Optional.empty() : knowledgeDirectory;
        providerSettings = Map.copyOf(providerSettings);
        routing = routing == null ? RoutingSettings.NONE : routing;
        searchProvider = searchProvider == null ? DEFAULT_SEARCH_PROVIDER : searchProvider;
    }

    /**
     * Returns a builder with the defaults: no plugins directory, no provider settings, default jobs,
     * notifications and intake, a 30-second directory cache, no SLA policies, no routing rules, the
     * {@value #DEFAULT_SEARCH_PROVIDER} search provider and no knowledge directory.
     *
     * @return a builder; node id and storage provider must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding every component of these settings, to copy them with some changed.
     *
     * @return a builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder().nodeId(nodeId).storageProvider(storageProvider)
                .pluginsDirectory(pluginsDirectory.orElse(null)).providerSettings(providerSettings).jobs(jobs)
                .directoryCacheTtl(directoryCacheTtl)
                .notifications(notifications).sla(sla).routing(routing).searchProvider(searchProvider)
                .knowledgeDirectory(knowledgeDirectory.orElse(null)).intake(intake).journal(journal).work(work)
                .quality(quality);
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

    /** Builds {@link EngineSettings}; {@link #build()} names every missing setting at once. */
    public static final class Builder {
        private String nodeId;
        private String storageProvider;
        private Optional<Path> pluginsDirectory = Optional.empty();
        private Map<String, ProviderSettings> providerSettings = Map.of();
        private JobSettings jobs = JobSettings.DEFAULTS;
        private Duration directoryCacheTtl = Duration.ofSeconds(30);
        private NotificationSettings notifications = NotificationSettings.DEFAULTS;
        private SlaSettings sla = SlaSettings.NONE;
        private RoutingSettings routing = RoutingSettings.NONE;
        private String searchProvider = DEFAULT_SEARCH_PROVIDER;
        private Optional<Path> knowledgeDirectory = Optional.empty();
        private IntakeSettings intake = IntakeSettings.DEFAULTS;
        private JournalSettings journal = JournalSettings.NONE;
        private WorkSettings work = WorkSettings.DEFAULTS;
        private QualitySettings quality = QualitySettings.DEFAULTS;

        private Builder() {
        }

        /**
         * Sets this node's id ({@code supportkit.node-id}).
         *
         * @param value the node id
         * @return this builder
         */
        public Builder nodeId(String value) {
            nodeId = value;
            return this;
        }

        /**
         * Sets the storage provider id ({@code supportkit.storage.provider}).
         *
         * @param value the provider id
         * @return this builder
         */
        public Builder storageProvider(String value) {
            storageProvider = value;
            return this;
        }

        /**
         * Sets where PF4J plugin jars are loaded from ({@code supportkit.plugins.directory}).
         *
         * @param value the directory, or null for none
         * @return this builder
         */
        public Builder pluginsDirectory(Path value) {
            pluginsDirectory = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets each provider's own settings ({@code supportkit.providers.<id>.*}).
         *
         * @param value the settings by provider id
         * @return this builder
         */
        public Builder providerSettings(Map<String, ProviderSettings> value) {
            providerSettings = value;
            return this;
        }

        /**
         * Sets how due timers are worked off ({@code supportkit.jobs.*}).
         *
         * @param value the job settings
         * @return this builder
         */
        public Builder jobs(JobSettings value) {
            jobs = value;
            return this;
        }

        /**
         * Sets how long directory entries are reused ({@code supportkit.directory.cache-seconds}).
         *
         * @param value the time to live; zero turns the cache off
         * @return this builder
         */
        public Builder directoryCacheTtl(Duration value) {
            directoryCacheTtl = value;
            return this;
        }

        /**
         * Sets how messages are delivered ({@code supportkit.notifications.*}).
         *
         * @param value the notification settings
         * @return this builder
         */
        public Builder notifications(NotificationSettings value) {
            notifications = value;
            return this;
        }

        /**
         * Sets the service-level policies and calendars ({@code supportkit.sla.*}).
         *
         * @param value the SLA settings
         * @return this builder
         */
        public Builder sla(SlaSettings value) {
            sla = value;
            return this;
        }

        /**
         * Sets the routing rules ({@code supportkit.routing.*}).
         *
         * @param value the rules, or null for none
         * @return this builder
         */
        public Builder routing(RoutingSettings value) {
            routing = value;
            return this;
        }

        /**
         * Sets the search index provider id ({@code supportkit.search.provider}).
         *
         * @param value the provider id, or null for {@value #DEFAULT_SEARCH_PROVIDER}
         * @return this builder
         */
        public Builder searchProvider(String value) {
            searchProvider = value;
            return this;
        }

        /**
         * Sets where solution-base files are loaded from ({@code supportkit.knowledge.directory}).
         *
         * @param value the directory, or null for nowhere
         * @return this builder
         */
        public Builder knowledgeDirectory(Path value) {
            knowledgeDirectory = Optional.ofNullable(value);
            return this;
        }

        /**
         * Sets the intake settings ({@code supportkit.intake.*}).
         *
         * @param value the intake settings, or null for the defaults
         * @return this builder
         */
        public Builder intake(IntakeSettings value) {
            intake = value;
            return this;
        }

        /**
         * Sets the journal's sealing keys ({@code supportkit.journal.*}).
         *
         * @param value the settings; null means none
         * @return this builder
         */
        public Builder journal(JournalSettings value) {
            journal = value;
            return this;
        }

        /**
         * Sets the day-to-day work settings ({@code supportkit.work.*}).
         *
         * @param value the settings; null means the defaults
         * @return this builder
         */
        public Builder work(WorkSettings value) {
            work = value;
            return this;
        }

        /**
         * Sets the quality-control settings ({@code supportkit.quality.*}).
         *
         * @param value the settings; null means the defaults
         * @return this builder
         */
        public Builder quality(QualitySettings value) {
            quality = value;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         * @throws ConfigurationException naming every setting that is null, by its key
         */
        public EngineSettings build() {
            List<String> problems = new ArrayList<>();
            Map<String, Object> parts = new LinkedHashMap<>();
            parts.put("supportkit.node-id", nodeId);
            parts.put("supportkit.storage.provider", storageProvider);
            parts.put("supportkit.providers", providerSettings);
            parts.put("supportkit.jobs", jobs);
            parts.put("supportkit.directory.cache-seconds", directoryCacheTtl);
            parts.put("supportkit.notifications", notifications);
            parts.put("supportkit.sla", sla);
            parts.forEach((key, value) -> {
                if (value == null) {
                    problems.add(key + ": is required");
                }
            });
            if (!problems.isEmpty()) {
                throw new ConfigurationException(problems);
            }
            return new EngineSettings(nodeId, storageProvider, pluginsDirectory, providerSettings, jobs,
                    directoryCacheTtl, notifications, sla, routing, searchProvider, knowledgeDirectory, intake,
                    journal, work, quality);
        }
    }
}
