package dev.supportkit.core.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConcurrencyConflictException;
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
        String result = ConflictRetry.run(5, () -> {
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
        ConcurrencyConflictException last = assertThrows(ConcurrencyConflictException.class,
                () -> ConflictRetry.run(3, () -> {
                    throw conflict(calls.incrementAndGet());
                }));
        assertEquals("conflict 3", last.getMessage());
        assertEquals(3, calls.get());

        AtomicInteger other = new AtomicInteger();
        IllegalStateException failure = new IllegalStateException("not a conflict");
        assertSame(failure, assertThrows(IllegalStateException.class, () -> ConflictRetry.run(3, () -> {
            other.incrementAndGet();
            throw failure;
        })));
        assertEquals(1, other.get());
    }

    @Test
    @DisplayName("an interrupted thread stops retrying with the conflict and keeps its interrupt")
    void interrupted() {
        AtomicInteger calls = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            assertThrows(ConcurrencyConflictException.class, () -> ConflictRetry.run(5, () -> {
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
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ConflictRetry.run(0, () -> "never"));
        assertTrue(error.getMessage().contains("attempts"));
    }
}
