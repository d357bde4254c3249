package dev.supportkit.core.internal.config;

import dev.supportkit.spi.ProviderSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.configuration2.CompositeConfiguration;
import org.apache.commons.configuration2.Configuration;
import org.apache.commons.configuration2.FileBasedConfiguration;
import org.apache.commons.configuration2.MapConfiguration;
import org.apache.commons.configuration2.PropertiesConfiguration;
import org.apache.commons.configuration2.YAMLConfiguration;
import org.apache.commons.configuration2.builder.FileBasedConfigurationBuilder;
import org.apache.commons.configuration2.builder.fluent.Parameters;
import org.apache.commons.configuration2.ex.ConfigurationException;

/**
 * Reads the engine's configuration with Apache Commons Configuration 2 from three layers, highest
 * first: values set on the builder, environment variables, and a properties or YAML file. Every
 * problem is collected; none stops the reading of the rest.
 *
 * <p>Environment variables: a key is overridden by the variable named like it in upper case with
 * dots and hyphens as underscores ({@code supportkit.storage.provider} →
 * {@code SUPPORTKIT_STORAGE_PROVIDER}). A provider setting that appears in no other layer is taken
 * from {@code SUPPORTKIT_PROVIDERS_<ID>_<KEY>}, read as {@code supportkit.providers.<id>.<key>} with
 * the key's underscores as hyphens.
 */
public final class SettingsLoader {
    /** Key: this node's id. */
    public static final String NODE_ID = "supportkit.node-id";
    /** Key: the storage provider id. */
    public static final String STORAGE_PROVIDER = "supportkit.storage.provider";
    /** Key: the search index provider id. */
    public static final String SEARCH_PROVIDER = "supportkit.search.provider";
    /** Key: a directory of solution-base files, one subdirectory per tenant, loaded at start. */
    public static final String KNOWLEDGE_DIRECTORY = "supportkit.knowledge.directory";
    /** Key: the PF4J plugins directory. */
    public static final String PLUGINS_DIRECTORY = "supportkit.plugins.directory";
    /** Key: milliseconds between background passes over due timers; 0 turns the worker off. */
    public static final String JOBS_POLL_INTERVAL = "supportkit.jobs.poll-interval-ms";
    /** Key: seconds a claim on due timers holds. */
    public static final String JOBS_LEASE = "supportkit.jobs.lease-seconds";
    /** Key: timers claimed per pass. */
    public static final String JOBS_BATCH_SIZE = "supportkit.jobs.batch-size";
    /** Key: claims of one timer before it is given up. */
    public static final String JOBS_MAX_ATTEMPTS = "supportkit.jobs.max-attempts";
    /** Key: seconds directory entries read on this node are reused; 0 turns the cache off. */
    public static final String DIRECTORY_CACHE = "supportkit.directory.cache-seconds";
    /** Key: a directory of templates overriding the shipped ones. */
    public static final String TEMPLATES_DIRECTORY = "supportkit.templates.directory";
    /** Key: delivery attempts before a message is dead-lettered. */
    public static final String NOTIFY_MAX_ATTEMPTS = "supportkit.notifications.max-attempts";
    /** Key: seconds to wait after the first temporary delivery failure (doubled after each further one). */
    public static final String NOTIFY_BACKOFF_INITIAL = "supportkit.notifications.backoff-initial-seconds";
    /** Key: the longest wait between delivery attempts, in seconds. */
    public static final String NOTIFY_BACKOFF_MAX = "supportkit.notifications.backoff-max-seconds";
    /** Key: the time zone for times in messages when the recipient names none. */
    public static final String NOTIFY_ZONE = "supportkit.notifications.zone";
    /** Which webhook URLs customers may set: {@code public} (default) or {@code any}. */
    public static final String NOTIFY_CUSTOMER_WEBHOOKS = "supportkit.notifications.customer-webhooks";
    /** Prefix of provider settings. */
    public static final String PROVIDERS_PREFIX = "supportkit.providers.";

    private static final String PREFIX = "supportkit.";
    private static final Set<String> ENGINE_KEYS = Set.of(NODE_ID, STORAGE_PROVIDER, SEARCH_PROVIDER, KNOWLEDGE_DIRECTORY,
            PLUGINS_DIRECTORY,
            JOBS_POLL_INTERVAL, JOBS_LEASE, JOBS_BATCH_SIZE, JOBS_MAX_ATTEMPTS, DIRECTORY_CACHE, TEMPLATES_DIRECTORY,
            NOTIFY_CUSTOMER_WEBHOOKS,
            NOTIFY_MAX_ATTEMPTS, NOTIFY_BACKOFF_INITIAL, NOTIFY_BACKOFF_MAX, NOTIFY_ZONE);
    private static final Pattern NODE_ID_FORMAT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern PROVIDER_KEY = Pattern.compile("supportkit\\.providers\\.([a-z0-9][a-z0-9-]*)\\.(.+)");

    /** The outcome: settings, valid when {@code problems} is empty. */
    public record Result(EngineSettings settings, List<String> problems) {
    }

    private SettingsLoader() {
    }

    /**
     * Reads and validates the configuration.
     *
     * @param file         a {@code .properties}, {@code .yaml} or {@code .yml} file, if any
     * @param environment  the environment variables
     * @param programmatic values set on the builder
     * @return the settings and every problem found
     */
    public static Result load(Optional<Path> file, Map<String, String> environment, Map<String, String> programmatic) {
        List<String> problems = new ArrayList<>();
        CompositeConfiguration config = new CompositeConfiguration();
        config.addConfiguration(new MapConfiguration(new HashMap<>(programmatic)));
        Configuration fileConfig = file.map(f -> readFile(f, problems)).orElseGet(() -> new MapConfiguration(Map.of()));
        config.addConfiguration(new MapConfiguration(environmentOverrides(environment, programmatic, fileConfig)));
        config.addConfiguration(fileConfig);

        Map<String, Map<String, String>> providers = new TreeMap<>();
        // the sections each parsed as a whole: their keys, by section prefix
        Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
        for (String prefix : List.of(SlaSettings.PREFIX, RoutingSettings.PREFIX, IntakeSettings.PREFIX,
                JournalSettings.PREFIX, WorkSettings.PREFIX, QualitySettings.PREFIX)) {
            sections.put(prefix, new TreeMap<>());
        }
        for (Iterator<String> keys = config.getKeys(); keys.hasNext(); ) {
            String key = keys.next();
            if (!key.startsWith(PREFIX) || ENGINE_KEYS.contains(key)) {
                continue;
            }
            Optional<String> section = sections.keySet().stream().filter(key::startsWith).findFirst();
            if (section.isPresent()) {
                sections.get(section.get()).put(key, config.getList(String.class, key, List.of()));
                continue;
            }
            var matcher = PROVIDER_KEY.matcher(key);
            if (matcher.matches()) {
                providers.computeIfAbsent(matcher.group(1), id -> new TreeMap<>()).put(matcher.group(2), value(config, key, problems));
            } else {
                problems.add(key + ": unknown configuration key (known keys: "
                        + String.join(", ", new java.util.TreeSet<>(ENGINE_KEYS)) + ", and " + PROVIDERS_PREFIX
                        + "<id>.<key>)");
            }
        }

        String nodeId = Optional.ofNullable(value(config, NODE_ID, problems))
                .orElseGet(() -> "node-" + UUID.randomUUID().toString().substring(0, 8));
        if (!NODE_ID_FORMAT.matcher(nodeId).matches()) {
            problems.add(NODE_ID + ": must be 1 to 64 letters, digits, dots, hyphens or underscores (was '" + nodeId + "')");
        }
        String storage = Optional.ofNullable(value(config, STORAGE_PROVIDER, problems)).orElse("memory").trim();
        String search = Optional.ofNullable(value(config, SEARCH_PROVIDER, problems)).orElse(EngineSettings.DEFAULT_SEARCH_PROVIDER).trim();
        Optional<Path> knowledge = Optional.ofNullable(value(config, KNOWLEDGE_DIRECTORY, problems))
                .filter(v -> !v.isBlank()).map(v -> Path.of(v.trim()));
        knowledge.filter(p -> !Files.isDirectory(p)).ifPresent(p ->
                problems.add(KNOWLEDGE_DIRECTORY + ": '" + p + "' does not exist or is not a directory"));
        Optional<Path> plugins = Optional.ofNullable(value(config, PLUGINS_DIRECTORY, problems))
                .filter(v -> !v.isBlank()).map(v -> Path.of(v.trim()));
        plugins.filter(p -> !Files.isDirectory(p)).ifPresent(p ->
                problems.add(PLUGINS_DIRECTORY + ": '" + p + "' does not exist or is not a directory"));

        JobSettings defaults = JobSettings.DEFAULTS;
        JobSettings jobs = new JobSettings(
                Duration.ofMillis(integer(config, JOBS_POLL_INTERVAL, defaults.pollInterval().toMillis(), 0, problems)),
                Duration.ofSeconds(integer(config, JOBS_LEASE, defaults.lease().toSeconds(), 1, problems)),
                (int) integer(config, JOBS_BATCH_SIZE, defaults.batchSize(), 1, problems),
                (int) integer(config, JOBS_MAX_ATTEMPTS, defaults.maxAttempts(), 1, problems));
        if (jobs.batchSize() > 10_000) {
            problems.add(JOBS_BATCH_SIZE + ": must be at most 10000 (was " + jobs.batchSize() + ")");
        }

        Map<String, ProviderSettings> providerSettings = new TreeMap<>();
        providers.forEach((id, values) -> providerSettings.put(id, new ProviderSettings(values)));
        Duration directoryCache = Duration.ofSeconds(integer(config, DIRECTORY_CACHE, 30, 0, problems));
        NotificationSettings notifications = notifications(config, problems);
        SlaSettings slaSettings = SlaSettings.parse(sections.get(SlaSettings.PREFIX), problems);
        RoutingSettings routingSettings = RoutingSettings.parse(sections.get(RoutingSettings.PREFIX), problems);
        IntakeSettings intakeSettings = IntakeSettings.parse(sections.get(IntakeSettings.PREFIX), problems);
        JournalSettings journalSettings = JournalSettings.parse(sections.get(JournalSettings.PREFIX), problems);
        WorkSettings workSettings = WorkSettings.parse(sections.get(WorkSettings.PREFIX), problems);
        QualitySettings qualitySettings = QualitySettings.parse(sections.get(QualitySettings.PREFIX), problems);
        return new Result(EngineSettings.builder().nodeId(nodeId).storageProvider(storage)
                .pluginsDirectory(plugins.orElse(null)).providerSettings(providerSettings).jobs(jobs)
                .directoryCacheTtl(directoryCache).notifications(notifications).sla(slaSettings)
                .routing(routingSettings).searchProvider(search).knowledgeDirectory(knowledge.orElse(null))
                .intake(intakeSettings).journal(journalSettings).work(workSettings).quality(qualitySettings).build(),
                List.copyOf(problems));
    }

    private static NotificationSettings notifications(Configuration config, List<String> problems) {
        NotificationSettings defaults = NotificationSettings.DEFAULTS;
        Optional<Path> templates = Optional.ofNullable(value(config, TEMPLATES_DIRECTORY, problems))
                .filter(v -> !v.isBlank()).map(v -> Path.of(v.trim()));
        templates.filter(p -> !Files.isDirectory(p)).ifPresent(p ->
                problems.add(TEMPLATES_DIRECTORY + ": '" + p + "' does not exist or is not a directory"));
        ZoneId zone = defaults.zone();
        String zoneText = value(config, NOTIFY_ZONE, problems);
        if (zoneText != null && !zoneText.isBlank()) {
            try {
                zone = ZoneId.of(zoneText.trim());
            } catch (java.time.DateTimeException e) {
                problems.add(NOTIFY_ZONE + ": '" + zoneText + "' is not a time zone (e.g. Europe/Moscow)");
            }
        }
        Duration initial = Duration.ofSeconds(integer(config, NOTIFY_BACKOFF_INITIAL,
                defaults.backoffInitial().toSeconds(), 1, problems));
        Duration max = Duration.ofSeconds(integer(config, NOTIFY_BACKOFF_MAX, defaults.backoffMax().toSeconds(), 1,
                problems));
        if (max.compareTo(initial) < 0) {
            problems.add(NOTIFY_BACKOFF_MAX + ": must not be shorter than " + NOTIFY_BACKOFF_INITIAL);
        }
        NotificationSettings.WebhookTargets webhooks = defaults.customerWebhooks();
        String webhookText = value(config, NOTIFY_CUSTOMER_WEBHOOKS, problems);
        if (webhookText != null && !webhookText.isBlank()) {
            switch (webhookText.strip().toLowerCase(Locale.ROOT)) {
                case "public" -> webhooks = NotificationSettings.WebhookTargets.PUBLIC;
                case "any" -> webhooks = NotificationSettings.WebhookTargets.ANY;
                default -> problems.add(NOTIFY_CUSTOMER_WEBHOOKS + ": must be public or any, was '" + webhookText
                        + "'");
            }
        }
        return new NotificationSettings(templates.filter(Files::isDirectory),
                (int) integer(config, NOTIFY_MAX_ATTEMPTS, defaults.maxAttempts(), 1, problems), initial, max, zone,
                webhooks);
    }

    private static long integer(Configuration config, String key, long defaultValue, long min, List<String> problems) {
        String text = value(config, key, problems);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(text.trim());
            if (parsed < min || parsed > Integer.MAX_VALUE) {
                problems.add(key + ": must be a whole number of at least " + min + " (was '" + text + "')");
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(key + ": must be a whole number (was '" + text + "')");
            return defaultValue;
        }
    }

    private static String value(Configuration config, String key, List<String> problems) {
        try {
            return config.getString(key);
        } catch (RuntimeException e) {
            problems.add(key + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
    }

    private static Configuration readFile(Path file, List<String> problems) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Class<? extends FileBasedConfiguration> type;
        if (name.endsWith(".properties")) {
            type = PropertiesConfiguration.class;
        } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            type = YAMLConfiguration.class;
        } else {
            problems.add("configuration file '" + file + "': must end in .properties, .yaml or .yml");
            return new MapConfiguration(Map.of());
        }
        if (!Files.isRegularFile(file)) {
            problems.add("configuration file '" + file + "': does not exist or is not a file");
            return new MapConfiguration(Map.of());
        }
        try {
            return new FileBasedConfigurationBuilder<>(type)
                    .configure(new Parameters().fileBased().setFile(file.toFile()).setEncoding("UTF-8"))
                    .getConfiguration();
        } catch (ConfigurationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            problems.add("configuration file '" + file + "': cannot be parsed (" + cause.getMessage() + ")");
            return new MapConfiguration(Map.of());
        }
    }

    private static Map<String, Object> environmentOverrides(Map<String, String> environment,
                                                            Map<String, String> programmatic, Configuration file) {
        Map<String, Object> overrides = new HashMap<>();
        Map<String, String> byVariable = new HashMap<>();
        ENGINE_KEYS.forEach(key -> byVariable.put(variableName(key), key));
        programmatic.keySet().forEach(key -> byVariable.put(variableName(key), key));
        file.getKeys().forEachRemaining(key -> byVariable.put(variableName(key), key));
        String providerVariables = variableName(PROVIDERS_PREFIX);
        environment.forEach((variable, value) -> {
            String key = byVariable.get(variable);
            if (key != null) {
                overrides.put(key, value);
            } else if (variable.startsWith(providerVariables)) {
                String rest = variable.substring(providerVariables.length()).toLowerCase(Locale.ROOT);
                int split = rest.indexOf('_');
                if (split > 0 && split < rest.length() - 1) {
                    overrides.put(PROVIDERS_PREFIX + rest.substring(0, split) + "." + rest.substring(split + 1).replace('_', '-'),
                            value);
                }
            }
        });
        return overrides;
    }

    /**
     * @param key a configuration key
     * @return the environment variable that overrides it
     */
    public static String variableName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
