package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The provider's validated settings (keys {@code supportkit.providers.jdbc.*}). {@link #toString()}
 * never shows the password.
 *
 * @param url                 the database URL without secrets
 * @param user                the user, if any
 * @param password            the password, if any
 * @param poolSize            the largest number of pooled connections
 * @param schemaMode          what to do with the schema on start
 * @param connectionTimeoutMs how long to wait for a connection before failing
 */
record JdbcSettings(JdbcUrl url, Optional<String> user, Optional<String> password, int poolSize,
                    SchemaMode schemaMode, int connectionTimeoutMs) {

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + JdbcStorageProviderFactory.ID + ".";

    static final String URL = "url";
    static final String USER = "user";
    static final String PASSWORD = "password";
    static final String POOL_SIZE = "pool-size";
    static final String SCHEMA = "schema";
    static final String CONNECTION_TIMEOUT_MS = "connection-timeout-ms";
    static final String DATA_DIRECTORY = "data-directory";

    static final Set<String> KEYS = Set.of(URL, USER, PASSWORD, POOL_SIZE, SCHEMA, CONNECTION_TIMEOUT_MS,
            DATA_DIRECTORY);

    static final int DEFAULT_POOL_SIZE = 10;
    static final int DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
    /** HikariCP refuses less. */
    static final int MIN_CONNECTION_TIMEOUT_MS = 250;
    static final String DEFAULT_DATA_DIRECTORY = "./data";
    /** Options of the default H2 file database: the pool, not a JVM shutdown hook, closes it. */
    static final String H2_FILE_OPTIONS = ";DB_CLOSE_ON_EXIT=FALSE";

    /** What the provider does with the schema on start. */
    enum SchemaMode {
        /** Flyway creates or upgrades the schema. */
        MIGRATE,
        /** Flyway only checks that the schema is complete and current. */
        VALIDATE
    }

    /**
     * Reads and checks the settings.
     *
     * @param settings the provider's settings
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static JdbcSettings parse(ProviderSettings settings) {
        Map<String, String> values = settings.asMap();
        List<String> problems = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(KEYS);
        for (String key : unknown) {
            problems.add(PREFIX + key + ": unknown setting (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
        }

        Optional<JdbcUrl> url = Optional.ofNullable(values.get(URL))
                .map(raw -> raw.isBlank() ? reportBlankUrl(problems) : JdbcUrl.parse(PREFIX + URL, raw, problems))
                .orElseGet(() -> defaultH2(values.getOrDefault(DATA_DIRECTORY, DEFAULT_DATA_DIRECTORY), problems));

        int poolSize = positiveInt(values, POOL_SIZE, DEFAULT_POOL_SIZE, 1, problems);
        int timeout = positiveInt(values, CONNECTION_TIMEOUT_MS, DEFAULT_CONNECTION_TIMEOUT_MS,
                MIN_CONNECTION_TIMEOUT_MS, problems);

        SchemaMode mode = SchemaMode.MIGRATE;
        String schema = values.getOrDefault(SCHEMA, "migrate").trim();
        if (schema.equalsIgnoreCase("migrate") || schema.equalsIgnoreCase("validate")) {
            mode = SchemaMode.valueOf(schema.toUpperCase(Locale.ROOT));
        } else {
            problems.add(PREFIX + SCHEMA + ": must be 'migrate' or 'validate', was '" + schema + "'");
        }

        Optional<String> password = Optional.ofNullable(values.get(PASSWORD));
        if (password.isPresent() && url.flatMap(JdbcUrl::password).isPresent()) {
            problems.add(PREFIX + PASSWORD + ": the password is given both in the URL and in this setting; "
                    + "keep one");
        }
        Optional<String> user = Optional.ofNullable(values.get(USER)).map(String::trim).filter(u -> !u.isEmpty());

        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        JdbcUrl jdbcUrl = url.orElseThrow();
        if (jdbcUrl.dialect() == Dialect.H2 && user.isEmpty()) {
            user = Optional.of("sa");
        }
        return new JdbcSettings(jdbcUrl, user, password.or(jdbcUrl::password), poolSize, mode, timeout);
    }

    private static Optional<JdbcUrl> reportBlankUrl(List<String> problems) {
        problems.add(PREFIX + URL + ": must not be blank; leave it out for the embedded H2 database under "
                + PREFIX + DATA_DIRECTORY);
        return Optional.empty();
    }

    private static Optional<JdbcUrl> defaultH2(String directory, List<String> problems) {
        try {
            Path path = Path.of(directory.trim()).toAbsolutePath().normalize();
            String url = "jdbc:h2:file:" + path.resolve("supportkit").toString().replace('\\', '/')
                    + H2_FILE_OPTIONS;
            return JdbcUrl.parse(PREFIX + DATA_DIRECTORY, url, problems);
        } catch (InvalidPathException e) {
            problems.add(PREFIX + DATA_DIRECTORY + ": '" + directory + "' is not a valid path: " + e.getReason());
            return Optional.empty();
        }
    }

    private static int positiveInt(Map<String, String> values, String key, int defaultValue, int min,
                                   List<String> problems) {
        String value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(PREFIX + key + ": must be an integer of at least " + min + ", was '" + value + "'");
        return defaultValue;
    }

    /** The directory of the default H2 file database, if that is the database. */
    Optional<Path> h2FileDirectory() {
        String prefix = "jdbc:h2:file:";
        if (!url.url().startsWith(prefix)) {
            return Optional.empty();
        }
        String file = url.url().substring(prefix.length());
        int options = file.indexOf(';');
        Path path = Path.of(options < 0 ? file : file.substring(0, options));
        return Optional.ofNullable(path.toAbsolutePath().getParent());
    }

    /**
     * Removes the password from a text (a driver's message, say) before it is logged or thrown.
     *
     * @param text any text, or null
     * @return the text with every occurrence of the password replaced by {@code ****}
     */
    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets()) {
            result = result.replace(secret, "****");
        }
        return result;
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        password.filter(p -> p.length() >= 3).ifPresent(secrets::add);
        url.secretProps().values().stream().filter(p -> p.length() >= 3).forEach(secrets::add);
        return secrets;
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "****" : "(none)") + ", poolSize=" + poolSize + ", schema="
                + schemaMode.name().toLowerCase(Locale.ROOT) + ", connectionTimeoutMs="
                + connectionTimeoutMs + "]";
    }
}
