package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A read runs without a transaction of its own, so the store refuses any write in it. */
class ReadOnlyWorkTest {
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("a read refuses writes and leaves the pooled connection as it found it")
    void aReadMayNotWrite(TestDatabase server) {
        try (StorageProvider provider = server.create().openOwning()) {
            TenantId tenant = StorageFixtures.tenant();
            Request request = StorageFixtures.request(tenant, StorageFixtures.requestId());
            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> provider.read(tx -> {
                        tx.insertRequest(request);
                        return null;
                    }));
            assertEquals("insertRequest writes, but it runs in a read-only unit of work", refused.getMessage());
            assertEquals(Optional.empty(), provider.read(tx -> tx.findRequest(tenant, request.id())));
            provider.inTransaction(tx -> {
                tx.insertRequest(request);
                return null;
            });
            assertEquals(Optional.of(request), provider.read(tx -> tx.findRequest(tenant, request.id())),
                    "a read sees what a transaction wrote, and the connection went back to the pool usable");
        }
    }
}
