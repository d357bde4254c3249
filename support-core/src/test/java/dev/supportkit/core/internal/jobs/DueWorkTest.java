package dev.supportkit.core.internal.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Executors' deadlines fire through the due-work processor: once each, whichever of several engines
 * on one store gets them, and a dead node's claims are taken over after the lease.
 */
class DueWorkTest {
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final InMemoryStorageProvider shared = storage.store;
    private final List<SupportEngine> engines = new ArrayList<>();

    private SupportEngine node(String id) {
        SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .set("supportkit.node-id", id).set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.jobs.lease-seconds", "60").set("supportkit.jobs.batch-size", "7").build();
        engines.add(engine);
        return engine;
    }

    @AfterEach
    void closeEngines() {
        engines.forEach(SupportEngine::close);
    }

    private static ExecutorDeadline deadline(EngineFixture fx, Duration in) {
        return new ExecutorDeadline(SpecialistId.of("spc-viktor"), fx.clock.instant().plus(in), "Replace the PSU");
    }

    private static long missedEntries(EngineFixture fx, Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id()).stream()
                .filter(e -> e.event() instanceof RequestEvent.ExecutorDeadlineMissed).count();
    }

    @Test
    @DisplayName("a missed deadline is journalled once (D/01.7, by the system) and the executor is notified")
    void missedDeadlineIsJournalled() {
        try (EngineFixture fx = new EngineFixture()) {
            Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
            r = fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(), deadline(fx, Duration.ofHours(2)));

            assertEquals(0, fx.engine.runDueWork().timers(), "nothing is due before the deadline");
            fx.clock.advance(Duration.ofHours(2));
            assertEquals(1, fx.engine.runDueWork().timers());
            assertEquals(0, fx.engine.runDueWork().timers(), "a handled timer never fires again");

            List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, r.id());
            JournalEntry missed = journal.stream().filter(e -> e.event() instanceof RequestEvent.ExecutorDeadlineMissed)
                    .findFirst().orElseThrow();
            assertEquals(LaborFunction.D_01_7, missed.function());
            assertEquals(Role.SYSTEM, missed.actorRole());
            assertTrue(fx.engine.journal().verify(fx.auditor, r.id()).intact());
            Request current = fx.engine.quality().request(fx.auditor, r.id());
            assertEquals(r.version() + 1, current.version());
        }
    }

    @Test
    @DisplayName("a timer whose handling meets a concurrent transaction is retried in the same pass, not left until its lease ends")
    void conflictIsRetriedInThePass() {
        InterceptingStorageFactory store = new InterceptingStorageFactory();
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), nodeOn(store));
        Request r = missedDeadline(fx);
        store.timerCompletionConflicts.set(2);

        assertEquals(1, fx.engine.runDueWork().timers(), "handled in the same pass, on the third attempt");
        assertEquals(0, store.timerCompletionConflicts.get(), "both conflicts were met");
        assertEquals(1, missedEntries(fx, r), "the conflicting attempts were rolled back");
        assertTrue(fx.engine.journal().verify(fx.auditor, r.id()).intact());
        assertEquals(List.of(), store.store.inTransaction(tx -> tx.findTimers(fx.tenant, r.id())));
    }

    @Test
    @DisplayName("a timer that keeps meeting concurrent transactions waits for its lease, then is handled once")
    void persistentConflictWaitsForTheLease() {
        InterceptingStorageFactory store = new InterceptingStorageFactory();
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), nodeOn(store));
        Request r = missedDeadline(fx);
        store.timerCompletionConflicts.set(3);

        assertEquals(0, fx.engine.runDueWork().timers(), "three conflicts in a row: left for the lease");
        assertEquals(0, fx.engine.runDueWork().timers(), "still claimed by this node");
        clock.advance(Duration.ofSeconds(61));
        assertEquals(1, fx.engine.runDueWork().timers());
        assertEquals(1, missedEntries(fx, r));
    }

    /** A request at second line whose executor deadline passed half an hour ago. */
    private Request missedDeadline(EngineFixture fx) {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(), deadline(fx, Duration.ofMinutes(30)));
        clock.advance(Duration.ofHours(1));
        return r;
    }

    private SupportEngine nodeOn(InterceptingStorageFactory store) {
        SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of()).storage(store)
                .set("supportkit.jobs.poll-interval-ms", "0").set("supportkit.jobs.lease-seconds", "60").build();
        engines.add(engine);
        return engine;
    }

    @Test
    @DisplayName("a deadline met by resolving in time fires silently")
    void metDeadlineDoesNothing() {
        try (EngineFixture fx = new EngineFixture()) {
            Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
            r = fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(), deadline(fx, Duration.ofHours(2)));
            r = fx.engine.resolution().resolve(fx.engineer, r.ref(), ResolutionReport.of("Fixed", "PSU"));
            fx.clock.advance(Duration.ofHours(3));

            assertEquals(1, fx.engine.runDueWork().timers());
            assertEquals(0, missedEntries(fx, r));
            assertEquals(r.version(), fx.engine.quality().request(fx.auditor, r.id()).version(),
                    "nothing changed on the request (delivery bookkeeping may have been journalled)");
        }
    }

    @Test
    @DisplayName("three engines on one store fire each deadline once, and a dead node's claims are taken over")
    void severalNodesFireEachTimerOnce() throws Exception {
        SupportEngine a = node("node-a");
        SupportEngine b = node("node-b");
        SupportEngine c = node("node-c");
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), a);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
            requests.add(fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(),
                    deadline(fx, Duration.ofMinutes(30 + i))));
        }
        clock.advance(Duration.ofHours(2));

        // A fourth node claims a batch and dies before handling it.
        List<TimerRecord> orphaned = shared.inTransaction(tx -> tx.claimDueTimers(
                new Lease("node-dead", clock.instant(), clock.instant().plus(Duration.ofSeconds(60)), 9)));
        assertEquals(9, orphaned.size());

        int handledBeforeLeaseEnds = drainConcurrently(List.of(a, b, c));
        assertEquals(40 - 9, handledBeforeLeaseEnds, "the dead node's claims wait for its lease to end");

        clock.advance(Duration.ofSeconds(61));
        int handledAfter = drainConcurrently(List.of(b, c));
        assertEquals(9, handledAfter);

        for (Request r : requests) {
            assertEquals(1, missedEntries(fx, r), "exactly one missed-deadline entry for " + r.id());
            assertEquals(List.of(), shared.inTransaction(tx -> tx.findTimers(fx.tenant, r.id())));
            assertTrue(fx.engine.journal().verify(fx.auditor, r.id()).intact());
        }
    }

    /** Runs the engines' due work in parallel until none of them finds anything. */
    private static int drainConcurrently(List<SupportEngine> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (SupportEngine node : nodes) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    for (int handled = node.runDueWork().timers(); handled > 0; handled = node.runDueWork().timers()) {
                        total += handled;
                    }
                    return total;
                };
                results.add(pool.submit(drain));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
