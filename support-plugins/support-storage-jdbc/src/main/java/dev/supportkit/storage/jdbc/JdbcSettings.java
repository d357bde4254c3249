package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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

    static final Setting<String> URL = Setting.string("url")
            .description("the JDBC URL (H2, PostgreSQL or MariaDB); leave it out for the embedded H2 database "
                    + "under data-directory").build();
    static final Setting<String> USER = Setting.string("user")
            .description("the database user (sa for the embedded H2 database)").build();
    static final Setting<String> PASSWORD = Setting.string("password").secret()
            .description("the database password, or give it in the URL").build();
    static final Setting<Integer> POOL_SIZE = Setting.integer("pool-size").atLeast(1)
            .defaultValue(DEFAULT_POOL_SIZE).description("the largest number of pooled connections").build();
    static final Setting<SchemaMode> SCHEMA = Setting.choice("schema", SchemaMode.class)
            .defaultValue(SchemaMode.MIGRATE)
            .description("migrate creates or upgrades the schema on start; validate only checks it").build();
    static final Setting<Integer> CONNECTION_TIMEOUT_MS = Setting.integer("connection-timeout-ms")
            .atLeast(MIN_CONNECTION_TIMEOUT_MS).defaultValue(DEFAULT_CONNECTION_TIMEOUT_MS)
            .description("how long to wait for a connection before failing, in milliseconds").build();
    static final Setting<String> DATA_DIRECTORY = Setting.string("data-directory").defaultValue(DEFAULT_DATA_DIRECTORY)
            .description("where the embedded H2 database keeps its files when no url is given").build();

    /** Every setting the provider reads. */
    static final List<Setting<?>> SETTINGS = List.of(URL, USER, PASSWORD, POOL_SIZE, SCHEMA, CONNECTION_TIMEOUT_MS,
            DATA_DIRECTORY);

    /**
     * Reads and checks the settings.
     *
     * @param settings the provider's settings
     * @return the settings
     * @throws ConfigurationException listing every problem found
     */
    static JdbcSettings parse(ProviderSettings settings) {
        SettingsReader reader = SettingsReader.of(PREFIX, settings, SETTINGS);
        List<String> problems = new ArrayList<>();
        Optional<String> rawUrl = settings.get(URL.name());
        Optional<JdbcUrl> url = rawUrl
                .map(raw -> raw.isBlank() ? reportBlankUrl(problems) : JdbcUrl.parse(reader.key(URL), raw, problems))
                .orElseGet(() -> defaultH2(reader.get(DATA_DIRECTORY), problems));
        problems.forEach(reader::report);
        int poolSize = reader.get(POOL_SIZE);
        int timeout = reader.get(CONNECTION_TIMEOUT_MS);
        SchemaMode mode = reader.get(SCHEMA);
        Optional<String> password = settings.get(PASSWORD.name());
        if (password.isPresent() && url.flatMap(JdbcUrl::password).isPresent()) {
            reader.problem(PASSWORD, "the password is given both in the URL and in this setting; keep one");
        }
        Optional<String> user = reader.optional(USER);
        reader.throwIfProblems();
        JdbcUrl jdbcUrl = url.orElseThrow();
        if (jdbcUrl.dialect() == Dialect.H2 && user.isEmpty()) {
            user = Optional.of("sa");
        }
        return new JdbcSettings(jdbcUrl, user, password.or(jdbcUrl::password), poolSize, mode, timeout);
    }

    private static Optional<JdbcUrl> reportBlankUrl(List<String> problems) {
        problems.add(PREFIX + URL.name() + ": must not be blank; leave it out for the embedded H2 database under "
                + PREFIX + DATA_DIRECTORY.name());
        return Optional.empty();
    }

    private static Optional<JdbcUrl> defaultH2(String directory, List<String> problems) {
        try {
            Path path = Path.of(directory.trim()).toAbsolutePath().normalize();
            String url = "jdbc:h2:file:" + path.resolve("supportkit").toString().replace('\\', '/')
                    + H2_FILE_OPTIONS;
            return JdbcUrl.parse(PREFIX + DATA_DIRECTORY.name(), url, problems);
        } catch (InvalidPathException e) {
            problems.add(PREFIX + DATA_DIRECTORY.name() + ": '" + directory + "' is not a valid path: " + e.getReason());
            return Optional.empty();
        }
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
        List<String> secrets = new ArrayList<>(url.secretProps().values());
        password.ifPresent(secrets::add);
        return SettingsReader.mask(text, secrets);
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user.orElse("") + ", password="
                + (password.isPresent() ? "****" : "(none)") + ", poolSize=" + poolSize + ", schema="
                + schemaMode.name().toLowerCase(Locale.ROOT) + ", connectionTimeoutMs="
                + connectionTimeoutMs + "]";
    }
}
