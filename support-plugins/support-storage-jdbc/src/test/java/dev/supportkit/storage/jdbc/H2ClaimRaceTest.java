package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.at;
import static dev.supportkit.spi.storage.tck.StorageFixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.TimerRecord;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * H2 claims with an optimistic conditional update. Two claimers whose transactions overlap never get
 * the same item, and the second is not held up by the first one's uncommitted claims.
 */
class H2ClaimRaceTest {
    private static final Instant NOW = at(1000);

    private final TenantId tenant = StorageFixtures.tenant();
    private StorageProvider provider;

    @BeforeEach
    void open() {
        provider = TestDatabase.H2.create().openOwning();
    }

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    @DisplayName("a claim overlapping an uncommitted claim gets other timers, without waiting for a lock")
    void overlappingTimerClaimsAreDisjoint() throws Exception {
        provider.inTransaction(tx -> {
            for (int i = 0; i < 20; i++) {
                tx.scheduleTimer(new TimerRecord(uniqueId("tmr"), tenant, null, "race", at(i), "{}", 0));
            }
            return null;
        });
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CompletableFuture<List<TimerRecord>> first = CompletableFuture.supplyAsync(() -> provider.inTransaction(tx -> {
            List<TimerRecord> claimed = tx.claimDueTimers(new Lease("node-1", NOW, NOW.plusSeconds(60), 5));
            firstClaimed.countDown();
            await(secondDone);
            return claimed;
        }));
        assertTrue(firstClaimed.await(30, TimeUnit.SECONDS), "the first claim did not happen");
        long started = System.nanoTime();
        List<TimerRecord> second = provider.inTransaction(
                tx -> tx.claimDueTimers(new Lease("node-2", NOW, NOW.plusSeconds(60), 5)));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        secondDone.countDown();
        List<TimerRecord> firstClaims = first.get(30, TimeUnit.SECONDS);

        assertEquals(5, firstClaims.size());
        assertEquals(5, second.size(), "the second claimer fills its batch with the next due timers");
        Set<String> overlap = new HashSet<>(ids(firstClaims));
        overlap.retainAll(ids(second));
        assertEquals(Set.of(), overlap, "both claimers got these timers");
        assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, "the second claim waited " + took + " for locks");
    }

    @Test
    @DisplayName("two threads claiming outbox messages in loops deliver each of 200 exactly once")
    void twoThreadsNeverShareAMessage() throws Exception {
        List<String> all = new ArrayList<>();
        provider.inTransaction(tx -> {
            for (int i = 0; i < 200; i++) {
                String id = uniqueId("msg");
                all.add(id);
                tx.enqueueOutbox(OutboxMessage.builder().id(id).tenant(tenant).topic("race").recipient("rep")
                        .payload("{}").idempotencyKey("idem-" + id).createdAt(at(0)).nextAttemptAt(at(i)).build());
            }
            return null;
        });
        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<List<String>> one = CompletableFuture.supplyAsync(() -> deliverAll("node-1", start));
        CompletableFuture<List<String>> two = CompletableFuture.supplyAsync(() -> deliverAll("node-2", start));
        start.countDown();
        List<String> delivered = new ArrayList<>(one.get(2, TimeUnit.MINUTES));
        delivered.addAll(two.get(2, TimeUnit.MINUTES));

        assertEquals(200, delivered.size(), "every message delivered once, none twice");
        assertEquals(Set.copyOf(all), Set.copyOf(delivered));
    }

    private List<String> deliverAll(String node, CountDownLatch start) {
        await(start);
        Lease lease = new Lease(node, NOW, NOW.plusSeconds(60), 4);
        List<String> delivered = new ArrayList<>();
        for (List<OutboxMessage> batch; !(batch = provider.inTransaction(tx -> tx.claimDueOutbox(lease))).isEmpty(); ) {
            for (OutboxMessage m : batch) {
                provider.inTransaction(tx -> {
                    tx.updateOutbox(m.withOutcome(OutboxMessage.Status.DELIVERED, m.attempts() + 1, m.nextAttemptAt(),
                            0, null), node);
                    return null;
                });
                delivered.add(m.id());
            }
        }
        return delivered;
    }

    private static List<String> ids(List<TimerRecord> timers) {
        return timers.stream().map(TimerRecord::id).toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
