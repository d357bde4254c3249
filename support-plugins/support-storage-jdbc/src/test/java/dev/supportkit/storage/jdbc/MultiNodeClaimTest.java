package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.at;
import static dev.supportkit.spi.storage.tck.StorageFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.TimerRecord;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three providers ("nodes") on one database claim due timers and outbox messages concurrently; every
 * item is completed exactly once. Then node A claims a batch and dies; B and C take A's items over once
 * its lease has ended.
 */
abstract class MultiNodeClaimTest {
    private static final int ITEMS = 320;
    private static final int ORPHANS = 40;
    private static final Instant FAR_LATER = at(100_000);

    abstract TestDatabase database();

    private final TenantId tenant = StorageFixtures.tenant();

    @Test
    @DisplayName("three nodes complete 320 timers and 320 messages once each, then take over a dead node's claims")
    void threeNodesClaimWithoutOverlapAndTakeOver() throws Exception {
        TestDatabase.Fresh db = database().create();
        try (StorageProvider a = db.open("node-a", Map.of("pool-size", "4"));
             StorageProvider b = db.open("node-b", Map.of("pool-size", "4"));
             StorageProvider c = db.open("node-c", Map.of("pool-size", "4"))) {
            List<Node> nodes = List.of(new Node("node-a", a), new Node("node-b", b), new Node("node-c", c));

            // Phase 1: everyone claims and completes, concurrently, at one fixed time after every due time.
            Set<String> timers = seed(a, "t1", ITEMS);
            Map<String, AtomicInteger> claimed = new ConcurrentHashMap<>();
            runConcurrently(nodes, FAR_LATER, 7, claimed);
            assertEquals(2 * ITEMS, claimed.size(), "every item claimed");
            assertTrue(claimed.values().stream().allMatch(n -> n.get() == 1),
                    "claimed twice: " + claimed.entrySet().stream().filter(e -> e.getValue().get() > 1)
                            .map(Map.Entry::getKey).toList());
            assertTrue(claimed.keySet().containsAll(timers));
            assertNothingLeft(a);

            // Phase 2: A claims a batch and dies; while its lease runs nobody else gets those items.
            Instant t0 = FAR_LATER.plusSeconds(1000);
            Set<String> orphanTimers = seed(a, "t2", ORPHANS);
            Lease leaseA = new Lease("node-a", t0, t0.plusSeconds(30), 25);
            List<TimerRecord> deadTimers = a.inTransaction(tx -> tx.claimDueTimers(leaseA));
            List<OutboxMessage> deadMessages = a.inTransaction(tx -> tx.claimDueOutbox(leaseA));
            assertEquals(25, deadTimers.size());
            assertEquals(25, deadMessages.size());
            Set<String> heldByA = new HashSet<>(ids(deadTimers, TimerRecord::id));
            heldByA.addAll(ids(deadMessages, OutboxMessage::id));

            Lease early = new Lease("node-b", t0.plusSeconds(10), t0.plusSeconds(20), 1000);
            Set<String> takenEarly = new HashSet<>(ids(b.inTransaction(tx -> tx.claimDueTimers(early)), TimerRecord::id));
            takenEarly.addAll(ids(b.inTransaction(tx -> tx.claimDueOutbox(early)), OutboxMessage::id));
            assertEquals(2 * (ORPHANS - 25), takenEarly.size(), "B gets only what A does not hold");
            assertTrue(takenEarly.stream().noneMatch(heldByA::contains), "A's running lease was ignored");

            // B and C, at a time past both leases, take everything over and complete it.
            Map<String, AtomicInteger> takenOver = new ConcurrentHashMap<>();
            runConcurrently(nodes.subList(1, 3), t0.plusSeconds(31), 5, takenOver);
            assertEquals(2 * ORPHANS, takenOver.size(), "every orphan claimed again");
            assertTrue(takenOver.keySet().containsAll(heldByA));
            assertTrue(takenOver.keySet().containsAll(orphanTimers));
            assertTrue(takenOver.values().stream().allMatch(n -> n.get() == 1), "an orphan was claimed twice");

            // A wakes up: its claims are gone.
            TimerRecord stale = deadTimers.get(0);
            assertThrows(ConcurrencyConflictException.class,
                    () -> a.inTransaction(tx -> {
                        tx.completeTimer(stale.id(), "node-a");
                        return null;
                    }));
            OutboxMessage staleMessage = deadMessages.get(0);
            assertThrows(ConcurrencyConflictException.class, () -> a.inTransaction(tx -> {
                tx.updateOutbox(delivered(staleMessage), "node-a");
                return null;
            }));
            assertNothingLeft(c);
        } finally {
            db.drop().run();
        }
    }

    /** Seeds timers and pending messages due at spread times; returns the timer ids. */
    private Set<String> seed(StorageProvider provider, String prefix, int count) {
        Set<String> timerIds = new HashSet<>();
        provider.inTransaction(tx -> {
            for (int i = 0; i < count; i++) {
                TimerRecord timer = new TimerRecord(uniqueId(prefix), tenant, null, "bulk", at(i), "{}", 0);
                tx.scheduleTimer(timer);
                timerIds.add(timer.id());
                String id = uniqueId(prefix + "m");
                tx.enqueueOutbox(OutboxMessage.builder().id(id).tenant(tenant).topic("bulk").recipient("rep-1")
                        .payload("{}").idempotencyKey("idem-" + id).createdAt(at(0)).nextAttemptAt(at(i)).build());
            }
            return null;
        });
        return timerIds;
    }

    /** A provider and the node id it claims as. */
    private record Node(String id, StorageProvider provider) {
    }

    /** Each node runs a timer worker and an outbox worker until a claim comes back empty. */
    private static void runConcurrently(List<Node> nodes, Instant now, int batch,
                                        Map<String, AtomicInteger> claimed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size() * 2);
        CyclicBarrier start = new CyclicBarrier(nodes.size() * 2);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (Node each : nodes) {
                StorageProvider node = each.provider();
                String nodeId = each.id();
                Lease lease = new Lease(nodeId, now, now.plusSeconds(30), batch);
                workers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (List<TimerRecord> got; !(got = node.inTransaction(tx -> tx.claimDueTimers(lease))).isEmpty(); ) {
                        for (TimerRecord timer : got) {
                            count(claimed, timer.id());
                            node.inTransaction(tx -> {
                                tx.completeTimer(timer.id(), nodeId);
                                return null;
                            });
                        }
                    }
                    return null;
                }));
                workers.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    for (List<OutboxMessage> got; !(got = node.inTransaction(tx -> tx.claimDueOutbox(lease))).isEmpty(); ) {
                        for (OutboxMessage message : got) {
                            count(claimed, message.id());
                            node.inTransaction(tx -> {
                                tx.updateOutbox(delivered(message), nodeId);
                                return null;
                            });
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void count(Map<String, AtomicInteger> claimed, String id) {
        claimed.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
    }

    private static OutboxMessage delivered(OutboxMessage m) {
        return m.withOutcome(OutboxMessage.Status.DELIVERED, m.attempts() + 1, m.nextAttemptAt(), 0, null);
    }

    private void assertNothingLeft(StorageProvider provider) {
        Lease everything = new Lease("node-check", at(10_000_000), at(10_000_001), 10_000);
        assertEquals(List.of(), provider.inTransaction(tx -> tx.claimDueTimers(everything)), "timers left");
        assertEquals(List.of(), provider.inTransaction(tx -> tx.claimDueOutbox(everything)), "messages left");
        assertEquals(List.of(), provider.inTransaction(tx -> tx.findOutboxByStatus(tenant, OutboxMessage.Status.PENDING,
                1000)), "pending messages left");
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toList());
    }
}

class PostgresMultiNodeClaimTest extends MultiNodeClaimTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

class MariaDbMultiNodeClaimTest extends MultiNodeClaimTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}

class H2MultiNodeClaimTest extends MultiNodeClaimTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
