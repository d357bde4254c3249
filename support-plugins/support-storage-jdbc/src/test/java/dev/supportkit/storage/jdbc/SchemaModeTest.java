package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.request;
import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestContext;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Flyway on start: migrate creates, keeps and upgrades the schema, validate only checks it and fails clearly. */
class SchemaModeTest {
    private final TenantId tenant = StorageFixtures.tenant();

    @Test
    @DisplayName("schema=validate on an empty H2 database fails, naming the problem and the cure")
    void validateOnEmptyH2Fails() {
        String url = "jdbc:h2:mem:" + TestDatabase.randomName();
        ProviderException e = assertThrows(ProviderException.class, () -> open(Map.of("url", url, "schema", "validate")));
        assertValidationFailure(e);
    }

    @Test
    @DisplayName("schema=validate on an empty PostgreSQL schema fails; migrate then validate succeeds")
    void validateOnPostgres() {
        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        try {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> db.open("node-v", Map.of("schema", "validate")));
            assertValidationFailure(e);
            Request stored = request(tenant, requestId());
            try (StorageProvider migrated = db.open("node-m", Map.of("schema", "migrate"))) {
                migrated.inTransaction(tx -> {
                    tx.insertRequest(stored);
                    return null;
                });
            }
            try (StorageProvider validated = db.open("node-v", Map.of("schema", "validate"))) {
                assertEquals(Optional.of(stored), validated.inTransaction(tx -> tx.findRequest(tenant, stored.id())));
            }
        } finally {
            db.drop().run();
        }
    }

    @Test
    @DisplayName("schema=validate fails on a schema whose migration was changed (checksum mismatch)")
    void validateDetectsAChangedSchema(@TempDir Path directory) throws Exception {
        String url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
        open(Map.of("url", url)).close();
        try (Connection connection = TestDatabase.H2.connect(url); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"" + SchemaMigrator.HISTORY_TABLE + "\" SET \"checksum\" = 42");
        }
        ProviderException e = assertThrows(ProviderException.class, () -> open(Map.of("url", url, "schema", "validate")));
        assertValidationFailure(e);
        assertTrue(e.getMessage().toLowerCase().contains("checksum"), e.getMessage());
    }

    @Test
    @DisplayName("the default H2 file database under data-directory keeps data across a restart")
    void restartOverAnExistingFileDatabaseSeesEarlierData(@TempDir Path directory) {
        Path dataDirectory = directory.resolve("nested/data");
        Request stored = request(tenant, requestId());
        try (StorageProvider first = open(Map.of("data-directory", dataDirectory.toString()))) {
            first.inTransaction(tx -> {
                tx.insertRequest(stored);
                return null;
            });
        }
        assertTrue(Files.exists(dataDirectory.resolve("supportkit.mv.db")), "the H2 file under data-directory");
        try (StorageProvider second = open(Map.of("data-directory", dataDirectory.toString()))) {
            assertEquals(Optional.of(stored), second.inTransaction(tx -> tx.findRequest(tenant, stored.id())));
        }
        try (StorageProvider validated = open(Map.of("data-directory", dataDirectory.toString(), "schema", "validate"))) {
            assertEquals(Optional.of(stored), validated.inTransaction(tx -> tx.findRequest(tenant, stored.id())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("a schema at version 2 (before the catalogue table) fails validate; migrate upgrades it, then validate succeeds")
    void upgradesASchemaFromVersion2(TestDatabase server, @TempDir Path directory) {
        String h2Url = "jdbc:h2:file:" + directory.resolve("db").toAbsolutePath();
        TestDatabase.Fresh db = server == TestDatabase.H2
                ? new TestDatabase.Fresh(server, h2Url, Map.of("url", h2Url), () -> { })
                : server.create();
        try {
            Flyway.configure(SchemaModeTest.class.getClassLoader())
                    .dataSource(db.url(), server.user(), server.password())
                    .locations(Dialect.ofUrl(db.url()).orElseThrow().migrationLocation())
                    .table(SchemaMigrator.HISTORY_TABLE)
                    .placeholders(Map.of("binary_collation", "utf8mb4_nopad_bin"))
                    .target("2")
                    .load()
                    .migrate();

            ProviderException e = assertThrows(ProviderException.class,
                    () -> db.open("node-v", Map.of("schema", "validate")));
            assertValidationFailure(e);
            assertTrue(e.getMessage().contains("not applied to database: 3"), e.getMessage());

            Request stored = request(tenant, requestId());
            CatalogRecord article = StorageFixtures.catalogRecord(tenant, "article", StorageFixtures.uniqueId("art"), 1,
                    Optional.of("key"));
            try (StorageProvider migrated = db.open("node-m", Map.of("schema", "migrate"))) {
                migrated.inTransaction(tx -> {
                    tx.insertRequest(stored);
                    tx.insertCatalogRecord(article);
                    return null;
                });
            }
            try (StorageProvider validated = db.open("node-v", Map.of("schema", "validate"))) {
                assertEquals(Optional.of(stored), validated.inTransaction(tx -> tx.findRequest(tenant, stored.id())));
                assertEquals(List.of(article), validated.inTransaction(
                        tx -> tx.listCatalogRecords(tenant, "article", Optional.of("key"))));
            }
        } finally {
            db.drop().run();
        }
    }

    private static void assertValidationFailure(ProviderException e) {
        assertEquals("jdbc", e.providerId());
        assertTrue(e.getMessage().contains("schema=validate"), e.getMessage());
        assertTrue(e.getMessage().contains("missing or outdated"), e.getMessage());
        assertTrue(e.getMessage().contains("supportkit.providers.jdbc.schema=migrate"), e.getMessage());
    }

    private static StorageProvider open(Map<String, String> settings) {
        return new JdbcStorageProviderFactory().create(TestContext.of("node-s", settings));
    }
}
