package dev.supportkit.core.request;

import dev.supportkit.api.error.ConcurrencyConflictException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it meets a concurrent one, after a short random pause that grows with
 * each attempt (exponential back-off with full jitter), so that writers contending for one document
 * (e.g. many contacts about one failing system model) spread out instead of colliding again in step.
 * Each attempt must be a whole transaction: a conflict has rolled back everything it did.
 */
public final class ConflictRetry {
    private static final long FIRST_PAUSE_MILLIS = 2;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private ConflictRetry() {
    }

    /**
     * Runs {@code work} until it does not meet a concurrent transaction, at most {@code attempts} times.
     *
     * @param attempts how many times to try; at least 1
     * @param work     one whole transaction
     * @param <T>      what the work returns
     * @return what the first attempt without a conflict returned
     * @throws ConcurrencyConflictException the last attempt's conflict, when every attempt met one, or when
     *                                      the thread is interrupted while pausing
     */
    public static <T> T run(int attempts, Supplier<T> work) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ConcurrencyConflictException e) {
                if (attempt >= attempts) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    /** Sleeps a random time up to {@code 2 ms * 2^(attempt - 1)}, at most 200 ms. */
    private static void pause(int attempt, ConcurrencyConflictException conflict) {
        long ceiling = Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt - 1, 16));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
    }
}
