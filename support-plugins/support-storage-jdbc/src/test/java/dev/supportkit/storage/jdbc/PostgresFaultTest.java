package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.contact;
import static dev.supportkit.spi.storage.tck.StorageFixtures.journal;
import static dev.supportkit.spi.storage.tck.StorageFixtures.request;
import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TcpProxy;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL reached through a loopback proxy the test cuts: a transaction cut in the middle fails with
 * a ProviderException for 'jdbc' without the password and leaves no rows; while the database is away
 * calls fail fast; when it is back the pool replaces its dead connections and work goes on.
 */
class PostgresFaultTest {
    private final TenantId tenant = StorageFixtures.tenant();

    @Test
    @DisplayName("a transaction cut mid-way writes nothing and fails clearly; the provider recovers")
    void databaseGoesAwayAndReturns() throws Exception {
        TestDatabase.Fresh db = TestDatabase.POSTGRES.create();
        URI server = URI.create(db.url().substring("jdbc:".length()));
        String secret = "pw-" + UUID.randomUUID();
        try (TcpProxy proxy = new TcpProxy(server.getPort() < 0 ? 5432 : server.getPort())) {
            String proxied = db.url().replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
            assertTrue(proxied.contains(":" + proxy.port() + "/"), "the URL must go through the proxy: " + proxied);
            // PostgreSQL trusts local connections, so any password is accepted: it must still never show.
            try (StorageProvider provider = db.open("node-f", Map.of("url", proxied, "password", secret,
                    "connection-timeout-ms", "1000", "pool-size", "3"))) {
                Request before = request(tenant, requestId());
                provider.inTransaction(tx -> {
                    tx.insertRequest(before);
                    return null;
                });

                Request cut = request(tenant, requestId());
                ProviderException lost = assertThrows(ProviderException.class, () -> provider.inTransaction(tx -> {
                    tx.insertRequest(cut);
                    tx.appendJournal(journal(tenant, cut.id(), 1));
                    proxy.sever();
                    tx.insertContact(tenant, contact(cut.id(), Channel.PHONE, StorageFixtures.at(5)));
                    return null;
                }));
                assertEquals("jdbc", lost.providerId());
                assertTrue(lost.getMessage().contains("insertContact lost the connection"), lost.getMessage());
                assertNoSecret(lost, secret);

                long started = System.nanoTime();
                ProviderException away = assertThrows(ProviderException.class,
                        () -> provider.inTransaction(tx -> tx.findRequest(tenant, before.id())));
                Duration waited = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(waited.compareTo(Duration.ofSeconds(10)) < 0, "a dead database must fail fast: " + waited);
                assertTrue(away.getMessage().contains("Provider 'jdbc' failed"), away.getMessage());
                assertNoSecret(away, secret);

                assertEquals(0, countRows(db, "sk_requests", cut), "a request row of the cut transaction");
                assertEquals(0, countRows(db, "sk_journal", cut), "a journal row of the cut transaction");

                proxy.restore();
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                        .until(() -> provider.inTransaction(tx -> tx.findRequest(tenant, before.id())).isPresent());
                assertEquals(Optional.empty(), provider.inTransaction(tx -> tx.findRequest(tenant, cut.id())));
                assertEquals(List.of(), provider.inTransaction(tx -> tx.findJournal(tenant, cut.id())));
                assertEquals(List.of(), provider.inTransaction(tx -> tx.findContacts(tenant, cut.id())));

                Request after = request(tenant, requestId());
                provider.inTransaction(tx -> {
                    tx.insertRequest(after);
                    tx.appendJournal(journal(tenant, after.id(), 1));
                    return null;
                });
                assertEquals(Optional.of(after), provider.inTransaction(tx -> tx.findRequest(tenant, after.id())));
            }
        } finally {
            db.drop().run();
        }
    }

    private static void assertNoSecret(Throwable error, String secret) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), "the password leaked in " + t);
        }
        assertFalse(error.toString().contains(secret));
    }

    /** Counts a request's rows directly on the server, not through the proxy or the provider. */
    private static int countRows(TestDatabase.Fresh db, String table, Request request) throws Exception {
        String idColumn = table.equals("sk_requests") ? "id" : "request_id";
        try (Connection connection = TestDatabase.POSTGRES.connect(db.url());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + table + " WHERE tenant = ? AND " + idColumn + " = ?")) {
            statement.setString(1, request.tenant().value());
            statement.setString(2, request.id().value());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
