package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.storage.OutboxMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract every CRM adapter keeps, without a database: extend it, hand it the adapter's factory, its
 * settings and a way to read back what the CRM holds. The kit runs an engine on in-memory storage, drives a
 * request through its whole life and checks that the CRM holds every version once, in order, also when the
 * engine pushes a version again with the same idempotency key (as it may after a crash).
 */
public abstract class CrmAdapterContract {

    /**
     * Returns the factory under test.
     *
     * @return the factory
     */
    protected abstract CrmAdapterFactory factory();

    /**
     * Returns the adapter's settings, without the {@code supportkit.providers.<id>.} prefix.
     *
     * @return the settings
     */
    protected abstract Map<String, String> settings();

    /**
     * Reads back the versions of a request the CRM holds, in the order it received them, one per distinct
     * change (a repeated push with the same key must not add one).
     *
     * @param tenant  the tenant
     * @param request the request's id
     * @return the versions held
     */
    protected abstract List<Long> receivedVersions(TenantId tenant, String request);

    @Test
    @DisplayName("the CRM holds every version of a request once, in order, also after a repeated push")
    void everyVersionOnceInOrder() {
        SharedStorageFactory storage = new SharedStorageFactory();
        String prefix = "supportkit.providers." + factory().id() + ".";
        Map<String, String> configured = new HashMap<>();
        settings().forEach((key, value) -> configured.put(prefix + key, value));
        configured.put(prefix + "enabled", "true");
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, configured,
                builder -> builder.storage(storage).crmAdapter(factory()))) {
            Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
            drain(fx);
            List<Long> expected = LongStream.rangeClosed(1, closed.version()).boxed().toList();
            assertEquals(expected, receivedVersions(fx.tenant, closed.id().value()), "every version, in order");

            List<OutboxMessage> pushes = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, closed.id()))
                    .stream().filter(m -> m.idempotencyKey().endsWith(":v" + closed.version())).toList();
            assertEquals(1, pushes.size(), "one push of the last version");
            boolean reset = storage.store.inTransaction(tx -> tx.resetOutbox(fx.tenant, pushes.get(0).id(),
                    fx.clock.instant()));
            assertTrue(reset, "the push is repeated");
            drain(fx);
            assertEquals(expected, receivedVersions(fx.tenant, closed.id().value()), "a repeated push is dropped");
        }
    }

    private static void drain(EngineFixture fx) {
        for (int pass = 0; pass < 100 && !fx.engine.runDueWork().idle(); pass++) {
            fx.clock.advance(Duration.ofMinutes(1));
        }
    }
}
