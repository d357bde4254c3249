package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestContext;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The password never appears in an exception message, a toString or a log line, whether configured as
 * a setting or inside the URL. Logs are read from the file slf4j-simple writes during the tests
 * (HikariCP logs its configuration at DEBUG there).
 */
class SecretMaskingTest {
    private final String secret = "s3cret-" + UUID.randomUUID();
    private final TenantId tenant = StorageFixtures.tenant();

    @Test
    @DisplayName("MariaDB refusing a wrong password: ProviderException names jdbc and the URL, never the password")
    void refusedPasswordIsNotShown() throws IOException {
        TestDatabase.Fresh db = TestDatabase.MARIADB.create();
        try {
            ProviderException e = assertThrows(ProviderException.class,
                    () -> db.open("node-p", Map.of("password", secret, "connection-timeout-ms", "2000")));
            assertEquals("jdbc", e.providerId());
            assertTrue(e.getMessage().contains("cannot connect to " + db.url() + " as user 'root'"), e.getMessage());
            assertTrue(e.getMessage().contains("Access denied"), e.getMessage());
            assertNotShown(e);
            assertLogMentionsButHidesSecret(db.url());
        } finally {
            db.drop().run();
        }
    }

    @Test
    @DisplayName("PostgreSQL with the password in the URL: toString, logs and a failing operation never show it; the message says what failed, not where")
    void passwordInUrlIsNotShown() throws Exception {
        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        try (StorageProvider provider = db.open("node-p", Map.of("url", db.url() + "&password=" + secret))) {
            assertFalse(provider.toString().contains(secret), provider.toString());
            assertTrue(provider.toString().contains(db.url()), provider.toString());
            try (Connection connection = TestDatabase.POSTGRES.connect(db.url());
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE sk_journal");
            }
            ProviderException e = assertThrows(ProviderException.class,
                    () -> provider.inTransaction(tx -> tx.findJournal(tenant, requestId())));
            assertEquals("jdbc", e.providerId());
            assertEquals("Provider 'jdbc' failed: findJournal failed in the database [SQLState 42P01]",
                    e.getMessage(), "what failed, not where the database lives");
            assertFalse(e.getMessage().contains("jdbc:") || e.getMessage().contains("sk_journal"), e.getMessage());
            assertTrue(String.valueOf(e.getCause().getMessage()).contains("sk_journal"), "the cause keeps the detail");
            assertNotShown(e);
        } finally {
            db.drop().run();
        }
        assertLogMentionsButHidesSecret(db.url());
    }

    @Test
    @DisplayName("H2 with PASSWORD in the URL: the database is protected by it, and it shows nowhere")
    void h2PasswordInUrlIsNotShown() throws IOException {
        String url = "jdbc:h2:mem:" + TestDatabase.randomName();
        try (StorageProvider provider = new JdbcStorageProviderFactory().create(
                TestContext.of("node-p", Map.of("url", url + ";PASSWORD=" + secret)))) {
            assertFalse(provider.toString().contains(secret));
            provider.inTransaction(tx -> tx.findRequest(tenant, requestId()));
        }
        assertLogMentionsButHidesSecret(url);
    }

    private void assertNotShown(Throwable error) {
        assertFalse(error.toString().contains(secret), error.toString());
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "password in the message of " + t);
        }
    }

    /** The log must have recorded this database (so logging was captured) but never the password. */
    private void assertLogMentionsButHidesSecret(String url) throws IOException {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the test log " + log + " (set by Surefire) is missing");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains(url), "nothing was logged about " + url);
        assertFalse(text.contains(secret), "the password was logged");
    }
}
