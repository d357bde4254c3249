package dev.supportkit.storage.jdbc;

import static dev.supportkit.spi.storage.tck.StorageFixtures.journal;
import static dev.supportkit.spi.storage.tck.StorageFixtures.nextVersion;
import static dev.supportkit.spi.storage.tck.StorageFixtures.request;
import static dev.supportkit.spi.storage.tck.StorageFixtures.requestId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Many threads read one request and update it with the version they read, appending the matching
 * journal record in the same transaction: losers get ConcurrencyConflictException, and at the end the
 * version counts the successes and the journal holds one record per success, without gaps or duplicates.
 */
abstract class ConcurrentUpdatesTest {
    private static final int THREADS = 8;
    private static final int ROUNDS = 30;

    abstract TestDatabase database();

    @Test
    @DisplayName("versioned updates with journal appends from 8 threads: version = 1 + successes, journal 1..n")
    void concurrentUpdatesWithJournal() throws Exception {
        TenantId tenant = StorageFixtures.tenant();
        Request initial = request(tenant, requestId());
        try (StorageProvider provider = database().create().openOwning()) {
            provider.inTransaction(tx -> {
                tx.insertRequest(initial);
                tx.appendJournal(journal(tenant, initial.id(), 1));
                return null;
            });
            AtomicInteger successes = new AtomicInteger();
            AtomicInteger conflicts = new AtomicInteger();
            Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            CyclicBarrier start = new CyclicBarrier(THREADS);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int thread = t;
                    workers.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        for (int round = 0; round < ROUNDS; round++) {
                            String description = "thread " + thread + " round " + round;
                            try {
                                provider.inTransaction(tx -> {
                                    Request current = tx.findRequest(tenant, initial.id()).orElseThrow();
                                    Request next = nextVersion(current, description);
                                    tx.updateRequest(next, current.version());
                                    tx.appendJournal(journal(tenant, initial.id(), next.journalSequence()));
                                    return null;
                                });
                                successes.incrementAndGet();
                            } catch (ConcurrencyConflictException e) {
                                conflicts.incrementAndGet();
                            } catch (RuntimeException | Error e) {
                                unexpected.add(e);
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

            assertTrue(unexpected.isEmpty(), () -> unexpected.size() + " unexpected failure(s), first: "
                    + unexpected.peek());
            assertEquals(THREADS * ROUNDS, successes.get() + conflicts.get());
            assertTrue(conflicts.get() > 0, "no update conflicted: the threads never ran concurrently");
            Request last = provider.inTransaction(tx -> tx.findRequest(tenant, initial.id())).orElseThrow();
            assertEquals(1L + successes.get(), last.version(), "version after " + successes + " successes");
            List<JournalRecord> records = provider.inTransaction(tx -> tx.findJournal(tenant, initial.id()));
            assertEquals(LongStream.rangeClosed(1, 1L + successes.get()).boxed().toList(),
                    records.stream().map(JournalRecord::sequence).toList(),
                    "one journal record for the registration and one per successful update, in sequence");
            assertEquals(last.journalSequence(), records.get(records.size() - 1).sequence());
        }
    }
}

class PostgresConcurrentUpdatesTest extends ConcurrentUpdatesTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }
}

class MariaDbConcurrentUpdatesTest extends ConcurrentUpdatesTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }
}

class H2ConcurrentUpdatesTest extends ConcurrentUpdatesTest {
    @Override
    TestDatabase database() {
        return TestDatabase.H2;
    }
}
