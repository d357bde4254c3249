package dev.supportkit.core.internal.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConcurrencyConflictException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Retrying a transaction that met a concurrent one. */
class ConflictRetryTest {

    private static ConcurrencyConflictException conflict(int n) {
        return new ConcurrencyConflictException("conflict " + n, null);
    }

    @Test
    @DisplayName("work that conflicts is run again until it succeeds")
    void retriesUntilSuccess() {
        AtomicInteger calls = new AtomicInteger();
        String result = new ConflictRetry(5).run(() -> {
            if (calls.incrementAndGet() < 4) {
                throw conflict(calls.get());
            }
            return "done";
        });
        assertEquals("done", result);
        assertEquals(4, calls.get());
    }

    @Test
    @DisplayName("after the last attempt its conflict is thrown; other exceptions are never retried")
    void givesUp() {
        AtomicInteger calls = new AtomicInteger();
        ConflictRetry retry = new ConflictRetry(3);
        ConcurrencyConflictException last = assertThrows(ConcurrencyConflictException.class,
                () -> retry.run(() -> {
                    throw conflict(calls.incrementAndGet());
                }));
        assertEquals("conflict 3", last.getMessage());
        assertEquals(3, calls.get());

        AtomicInteger other = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("not a conflict");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> retry.run(() -> {
            other.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, other.get());
        AtomicInteger once = new AtomicInteger();
        assertThrows(ConcurrencyConflictException.class, () -> new ConflictRetry(1).run(() -> {
            throw conflict(once.incrementAndGet());
        }));
        assertEquals(1, once.get(), "one attempt: the conflict at once");
    }

    @Test
    @DisplayName("retries take turns: no two retries run at once, while first attempts run freely")
    void retriesTakeTurns() throws Exception {
        ConflictRetry retry = new ConflictRetry(4);
        int threads = 6;
        CountDownLatch allFirstAttemptsRunning = new CountDownLatch(threads);
        AtomicInteger retriesRunning = new AtomicInteger();
        AtomicInteger mostRetriesAtOnce = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    int[] attempt = {0};
                    return retry.run(() -> {
                        if (++attempt[0] == 1) {
                            // Every first attempt is running at the same time before any fails.
                            allFirstAttemptsRunning.countDown();
                            awaitQuietly(allFirstAttemptsRunning);
                            throw conflict(1);
                        }
                        int running = retriesRunning.incrementAndGet();
                        mostRetriesAtOnce.accumulateAndGet(running, Math::max);
                        for (int i = 0; i < 1_000; i++) {
                            Thread.yield(); // a window in which an untaken turn would let another retry in
                        }
                        retriesRunning.decrementAndGet();
                        if (attempt[0] == 2) {
                            throw conflict(2);
                        }
                        return "done";
                    });
                }));
            }
            for (Future<String> result : results) {
                assertEquals("done", result.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, mostRetriesAtOnce.get(), "retries ran one at a time");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("an interrupted thread does not wait for its turn: the conflict is thrown and the interrupt kept")
    void interrupted() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThrows(ConcurrencyConflictException.class, () -> new ConflictRetry(5).run(() -> {
                throw conflict(calls.incrementAndGet());
            }));
            assertEquals(1, calls.get());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("fewer than one attempt is refused")
    void atLeastOneAttempt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new ConflictRetry(0));
        assertTrue(error.getMessage().contains("attempts"));
    }
}
