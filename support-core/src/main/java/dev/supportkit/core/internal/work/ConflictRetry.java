package dev.supportkit.core.internal.work;

import dev.supportkit.api.error.ConcurrencyConflictException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs a transaction again when it meets a concurrent one. The first attempt runs freely; the retries of
 * one kind of work on this node take turns (a fair lock), so writers contending for one document (e.g.
 * many contacts about one failing system model) stop colliding with each other instead of colliding
 * again in step. A conflict is reported only after the other transaction committed, so a retry always
 * reads its result. Each attempt must be a whole transaction: a conflict has rolled back everything it did.
 */
public final class ConflictRetry {
    private final int attempts;
    private final ReentrantLock turns = new ReentrantLock(true);

    /**
     * @param attempts how many times a piece of work is tried in all; at least 1
     */
    public ConflictRetry(int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        this.attempts = attempts;
    }

    /**
     * Runs {@code work} until it does not meet a concurrent transaction, at most the configured number of
     * times.
     *
     * @param work one whole transaction
     * @param <T>  what the work returns
     * @return what the first attempt without a conflict returned
     * @throws ConcurrencyConflictException the last attempt's conflict, when every attempt met one, or the
     *                                      first one's when the thread is interrupted while waiting its turn
     */
    public <T> T run(Supplier<T> work) {
        ConcurrencyConflictException conflict;
        try {
            return work.get();
        } catch (ConcurrencyConflictException e) {
            conflict = e;
        }
        if (attempts == 1) {
            throw conflict;
        }
        try {
            turns.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw conflict;
        }
        try {
            for (int attempt = 2; ; attempt++) {
                try {
                    return work.get();
                } catch (ConcurrencyConflictException e) {
                    if (attempt >= attempts) {
                        throw e;
                    }
                }
            }
        } finally {
            turns.unlock();
        }
    }
}
