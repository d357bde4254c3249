package dev.supportkit.storage.jdbc.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.storage.jdbc.JdbcStorageProviderFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * A database server the tests run against, handing out fresh empty databases. Server addresses come
 * from environment variables with loopback defaults; an unreachable server fails the test (never skips
 * it), saying which variable to set.
 */
public enum TestDatabase {
    /** A fresh in-memory H2 database per call; it disappears when its last connection closes. */
    H2 {
        @Override
        public Fresh create() {
            String url = "jdbc:h2:mem:" + randomName();
            return new Fresh(this, url, Map.of("url", url), () -> { });
        }
    },
    /** A fresh schema per call in the PostgreSQL database of {@code SUPPORTKIT_TEST_POSTGRES_URL}. */
    POSTGRES {
        @Override
        public Fresh create() {
            String schema = randomName();
            execute("CREATE SCHEMA " + schema);
            String url = baseUrl() + (baseUrl().contains("?") ? "&" : "?") + "currentSchema=" + schema;
            return new Fresh(this, url, credentials(url), () -> execute("DROP SCHEMA " + schema + " CASCADE"));
        }

        @Override
        public String baseUrl() {
            return env("SUPPORTKIT_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        }

        @Override
        public String user() {
            return env("SUPPORTKIT_TEST_POSTGRES_USER", "postgres");
        }

        @Override
        public String password() {
            return env("SUPPORTKIT_TEST_POSTGRES_PASSWORD", "");
        }
    },
    /** A fresh database per call on the MariaDB server of {@code SUPPORTKIT_TEST_MARIADB_URL}. */
    MARIADB {
        @Override
        public Fresh create() {
            String database = randomName();
            execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
            String url = withDatabase(baseUrl(), database);
            return new Fresh(this, url, credentials(url), () -> execute("DROP DATABASE " + database));
        }

        @Override
        public String baseUrl() {
            return env("SUPPORTKIT_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
        }

        @Override
        public String user() {
            return env("SUPPORTKIT_TEST_MARIADB_USER", "root");
        }

        @Override
        public String password() {
            return env("SUPPORTKIT_TEST_MARIADB_PASSWORD", "");
        }
    };

    /** A fresh database: its provider settings and how to drop it. */
    public record Fresh(TestDatabase server, String url, Map<String, String> settings, Runnable drop) {
        /**
         * Settings that put an engine on this database: the JDBC provider with its settings.
         *
         * @return engine configuration keys and values, to add to (a copy is returned)
         */
        public Map<String, String> engineSettings() {
            Map<String, String> engine = new HashMap<>();
            engine.put("supportkit.storage.provider", "jdbc");
            settings.forEach((key, value) -> engine.put("supportkit.providers.jdbc." + key, value));
            return engine;
        }

        /**
         * Opens a provider on this database.
         *
         * @param nodeId the node id
         * @param extra  more settings
         * @return the provider
         */
        public StorageProvider open(String nodeId, Map<String, String> extra) {
            Map<String, String> all = new HashMap<>(settings);
            all.putAll(extra);
            return new JdbcStorageProviderFactory().create(TestContext.of(nodeId, all));
        }

        /**
         * Opens a provider that drops the database when closed.
         *
         * @return the provider
         */
        public StorageProvider openOwning() {
            StorageProvider provider;
            try {
                provider = open("node-test", Map.of("pool-size", "8"));
            } catch (RuntimeException e) {
                drop.run();
                throw e;
            }
            return new StorageProvider() {
                @Override
                public <T> T inTransaction(Function<StorageTransaction, T> work) {
                    return provider.inTransaction(work);
                }

                @Override
                public <T> T read(Function<StorageTransaction, T> work) {
                    return provider.read(work);
                }

                @Override
                public Optional<BlobStore> blobs() {
                    return provider.blobs();
                }

                @Override
                public void close() {
                    try {
                        provider.close();
                    } finally {
                        drop.run();
                    }
                }

                @Override
                public String toString() {
                    return provider.toString();
                }
            };
        }
    }

    /**
     * Creates a fresh empty database.
     *
     * @return it
     */
    public abstract Fresh create();

    /** @return the server URL the fresh databases are made on */
    public String baseUrl() {
        return "jdbc:h2:mem:";
    }

    /** @return the administrator user */
    public String user() {
        return "sa";
    }

    /** @return the administrator password */
    public String password() {
        return "";
    }

    /**
     * Runs one statement as the administrator, failing the test when the server is unreachable.
     *
     * @param sql the statement
     */
    public void execute(String sql) {
        try (Connection connection = connect(baseUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + baseUrl() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Connects as the administrator, failing the test with a clear message when the server is not there.
     *
     * @param url the URL
     * @return the connection
     */
    public Connection connect(String url) {
        try {
            return DriverManager.getConnection(url, user(), password());
        } catch (SQLException e) {
            fail(name() + " test server is not reachable at " + url + " as '" + user() + "' (" + e.getMessage()
                    + "). Start it, or point SUPPORTKIT_TEST_" + name() + "_URL / _USER / _PASSWORD at one.", e);
            throw new AssertionError("unreachable");
        }
    }

    Map<String, String> credentials(String url) {
        Map<String, String> settings = new HashMap<>();
        settings.put("url", url);
        settings.put("user", user());
        if (!password().isEmpty()) {
            settings.put("password", password());
        }
        return Map.copyOf(settings);
    }

    private static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int query = url.indexOf('?');
        String head = query < 0 ? url : url.substring(0, query);
        String tail = query < 0 ? "" : url.substring(query);
        int slash = head.indexOf('/', hostStart);
        return (slash < 0 ? head : head.substring(0, slash)) + "/" + database + tail;
    }

    /** @return a fresh lower-case name {@code skt_<hex>} */
    public static String randomName() {
        return "skt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
