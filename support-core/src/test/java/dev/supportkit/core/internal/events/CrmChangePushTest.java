package dev.supportkit.core.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.crm.CrmChange;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.storage.OutboxMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the engine hands a CRM adapter: the kinds of each change, its customer-visible entries, the customer. */
class CrmChangePushTest {
    private final List<CrmChange> changes = new CopyOnWriteArrayList<>();
    private volatile boolean reject;

    private final CrmAdapterFactory factory = new CrmAdapterFactory() {
        @Override
        public String id() {
            return "capturing-crm";
        }

        @Override
        public CrmAdapter create(ProviderContext context) {
            return new CrmAdapter() {
                @Override
                public void pushRequest(Request request, String idempotencyKey) {
                    throw new AssertionError("push(CrmChange) is called, not pushRequest");
                }

                @Override
                public void push(CrmChange change) {
                    if (reject) {
                        throw new CrmRejectedException("400 stage 'X' is not valid");
                    }
                    changes.add(change);
                }
            };
        }
    };

    private static void drain(EngineFixture fx) {
        for (int pass = 0; pass < 50 && !fx.engine.runDueWork().idle(); pass++) {
            fx.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    @DisplayName("each change says what changed, carries the entries the customer sees, the customer and assignee")
    void changesCarryWhatChanged() {
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, Map.of(),
                b -> b.storage(new SharedStorageFactory()).crmAdapter(factory))) {
            Request r = fx.registered();
            r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
            r = fx.engine.work().reply(fx.operator, r.ref(), "Перезагрузите АТС");
            fx.requestIn(RequestStatus.CLOSED, dev.supportkit.api.directory.SupportLine.FIRST_LINE);
            drain(fx);
            Request first = r;
            List<CrmChange> mine = changes.stream().filter(c -> c.request().id().equals(first.id())).toList();
            assertEquals(3, mine.size(), mine.toString());
            assertTrue(mine.get(0).kinds().contains(CrmChange.Kind.CREATED), mine.get(0).kinds().toString());
            assertEquals(Optional.of("Romashka LLC"), mine.get(0).customer().companyName());
            assertEquals(Optional.of("7701234567"), mine.get(0).customer().taxNumber());
            assertEquals(Optional.of("Irina Petrova"), mine.get(0).customer().contactName());
            assertTrue(mine.get(1).kinds().containsAll(Set.of(CrmChange.Kind.STATUS, CrmChange.Kind.ASSIGNEE)),
                    mine.get(1).kinds().toString());
            assertEquals(Optional.of("Anna Operator"), mine.get(1).assigneeName());
            CrmChange reply = mine.get(2);
            assertEquals(Set.of(CrmChange.Kind.COMMENT), reply.kinds());
            assertEquals(1, reply.entries().size());
            assertTrue(reply.entries().get(0).text().endsWith("Перезагрузите АТС"), reply.entries().get(0).text());
            assertEquals("Anna Operator", reply.entries().get(0).author());
            assertEquals(fx.tenant.value() + ":" + r.id().value() + ":v" + r.version(), reply.idempotencyKey());
            assertTrue(changes.stream().anyMatch(c -> c.kinds().contains(CrmChange.Kind.CLOSED)), "a closing");
        }
    }

    @Test
    @DisplayName("a CrmRejectedException dead-letters the push at once with the CRM's text")
    void rejectedIsDead() {
        SharedStorageFactory storage = new SharedStorageFactory();
        reject = true;
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, Map.of(),
                b -> b.storage(storage).crmAdapter(factory))) {
            Request r = fx.registered();
            fx.engine.runDueWork();
            List<OutboxMessage> pushes = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, r.id())).stream()
                    .filter(m -> m.topic().equals(EventOutbox.CRM_TOPIC)).toList();
            assertEquals(OutboxMessage.Status.DEAD, pushes.get(0).status());
            assertEquals(1, pushes.get(0).attempts());
            assertTrue(pushes.get(0).toString().contains("stage 'X' is not valid"), pushes.get(0).toString());
        }
    }
}
