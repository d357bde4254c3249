package dev.supportkit.core.internal.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.spi.storage.OutboxMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One command is one unit of work: all of it commits, or none of it; stale copies are refused. */
class AtomicityAndConcurrencyTest {
    private final InterceptingStorageFactory storage = new InterceptingStorageFactory();
    private EngineFixture fx;

    @BeforeEach
    void setUp() {
        SupportEngine engine = SupportEngine.builder().clock(new MutableClock(EngineFixture.START))
                .environment(Map.of()).storage(storage).build();
        fx = new EngineFixture(TenantId.of("acme"), engine);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private int journalLength(Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id()).size();
    }

    @Test
    @DisplayName("a stale version is refused with ConcurrencyConflictException and changes nothing")
    void staleVersion() {
        Request registered = fx.registered();
        Request taken = fx.engine.intake().takeIntoWork(fx.operator, registered.ref());
        int entries = journalLength(taken);

        ConcurrencyConflictException error = assertThrows(ConcurrencyConflictException.class,
                () -> fx.engine.escalation().redirect(fx.operator, registered.ref(),
                        RedirectTarget.secondLine(fx.telephony), "stale copy"));
        assertTrue(error.getMessage().contains("expected version " + registered.version()));
        assertEquals(taken, fx.engine.quality().request(fx.auditor, taken.id()));
        assertEquals(entries, journalLength(taken));
    }

    @Test
    @DisplayName("when the outbox write fails, the new request and its journal entry are not stored either")
    void failingOutboxRollsBackRegistration() {
        int before = fx.engine.quality().requests(fx.auditor, RequestQuery.all()).size();
        storage.outboxFailure = new IllegalStateException("disk full");

        ProviderException error = assertThrows(ProviderException.class, fx::registered);
        assertEquals("intercepting", error.providerId());
        assertTrue(error.getMessage().contains("disk full"));
        assertEquals(before, fx.engine.quality().requests(fx.auditor, RequestQuery.all()).size());
    }

    @Test
    @DisplayName("when the outbox write fails on an update, the snapshot and journal stay as they were")
    void failingOutboxRollsBackUpdate() {
        Request atSecondLine = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        int entries = journalLength(atSecondLine);
        storage.outboxFailure = new IllegalStateException("connection reset");

        assertThrows(ProviderException.class, () -> fx.engine.resolution().requestClarification(fx.engineer,
                atSecondLine.ref(), "Which extension?"));
        storage.outboxFailure = null;
        assertEquals(atSecondLine, fx.engine.quality().request(fx.auditor, atSecondLine.id()));
        assertEquals(entries, journalLength(atSecondLine));
        assertEquals(1, storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, atSecondLine.id())).size(),
                "only the registration message, none from the failed command");
    }

    @Test
    @DisplayName("a command's snapshot, journal entry and outbox row are committed together")
    void committedTogether() {
        Request registered = fx.registered();
        var outbox = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, registered.id()));
        assertEquals(1, outbox.size());
        assertEquals("request.registered", outbox.get(0).topic());
        assertEquals(registered.id().value() + ":1:request.registered:" + fx.rep.value(), outbox.get(0).idempotencyKey());
        assertEquals(fx.rep.value(), outbox.get(0).recipient());
        assertEquals(1, journalLength(registered));
        assertEquals(1, registered.journalSequence());
    }

    private long deliveryEntries(Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id()).stream()
                .filter(e -> e.event() instanceof RequestEvent.DeliveryAttempted).count();
    }

    @Test
    @DisplayName("the engine's delivery bookkeeping between a command's read and its write is not the caller's conflict")
    void bookkeepingDuringCommand() {
        Request registered = fx.registered();
        assertEquals(0, deliveryEntries(registered));
        // the registration message is delivered (and its attempt journalled) just before the take stores its entry
        storage.beforeNextJournalAppend = fx.engine::runDueWork;

        Request taken = fx.engine.intake().takeIntoWork(fx.operator, registered.ref());

        assertNull(storage.beforeNextJournalAppend, "the delivery ran inside the take");
        assertEquals(registered.version() + 1, taken.version());
        assertEquals(RequestStatus.IN_PROGRESS_FIRST_LINE, taken.status());
        // the fixture installs no channel: the attempt fails and the message ends dead, each journalled once
        assertEquals(2, deliveryEntries(taken));
        assertEquals(taken, fx.engine.quality().request(fx.auditor, taken.id()));
        assertTrue(fx.engine.journal().verify(fx.auditor, taken.id()).intact());
    }

    @Test
    @DisplayName("a command between the delivery's read and its outcome's write does not leave the message to be sent again")
    void commandDuringBookkeeping() {
        Request registered = fx.registered();
        Request[] taken = new Request[1];
        // the take commits just before the delivery journals its attempt on the same request
        storage.beforeNextJournalAppend = () -> taken[0] = fx.engine.intake().takeIntoWork(fx.operator,
                registered.ref());

        fx.engine.runDueWork();

        assertEquals(registered.version() + 1, taken[0].version());
        var outbox = storage.store.inTransaction(tx -> tx.findOutbox(fx.tenant, registered.id()));
        // the fixture installs no channel: the message ends dead (not pending, to be sent again), journalled once
        assertEquals(List.of(OutboxMessage.Status.DEAD), outbox.stream()
                .filter(m -> m.topic().equals("request.registered")).map(OutboxMessage::status).toList());
        assertEquals(2, deliveryEntries(taken[0]));
        assertEquals(taken[0].version(), fx.engine.quality().request(fx.auditor, taken[0].id()).version());
        assertTrue(fx.engine.journal().verify(fx.auditor, taken[0].id()).intact());
    }
}
