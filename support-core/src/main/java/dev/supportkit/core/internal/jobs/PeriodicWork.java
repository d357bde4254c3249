package dev.supportkit.core.internal.jobs;

/**
 * Work the due-work pass runs besides timers and the outbox (e.g. scheduled digests). Each engine runs it on
 * every pass; the work itself makes sure it happens once across engines.
 */
public interface PeriodicWork {
    /**
     * Does whatever is due now.
     *
     * @return how many items were done
     */
    int runDue();
}
