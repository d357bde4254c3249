package dev.supportkit.core.internal.jobs;

import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Instant;

/**
 * Does what a due timer of one kind stands for. Runs inside the transaction that completes the
 * timer, so its writes (journal entries, outbox rows, new timers) commit exactly when the timer is
 * marked done: if the claim was lost to another node meanwhile, everything rolls back.
 */
public interface TimerHandler {
    /** @return the timer kinds handled, e.g. {@code executor.deadline} */
    java.util.Set<String> kinds();

    /**
     * Handles one due timer.
     *
     * @param tx    the open transaction
     * @param timer the timer
     * @param now   the engine's current time
     */
    void handle(StorageTransaction tx, TimerRecord timer, Instant now);
}
