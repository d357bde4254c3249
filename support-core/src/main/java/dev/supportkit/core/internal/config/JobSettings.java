package dev.supportkit.core.internal.config;

import java.time.Duration;

/**
 * How the engine works off due timers.
 *
 * @param pollInterval how often the background worker looks for due timers; zero turns the background
 *                     worker off (then the application calls {@code SupportEngine.runDueWork()})
 * @param lease        how long a claim holds before another node may take the timer over
 * @param batchSize    how many timers one pass claims at most
 * @param maxAttempts  after this many failed claims a timer is given up (logged as an error)
 */
public record JobSettings(Duration pollInterval, Duration lease, int batchSize, int maxAttempts) {
    /** The defaults: poll every second, 60-second leases, batches of 100, 5 attempts. */
    public static final JobSettings DEFAULTS = new JobSettings(Duration.ofSeconds(1), Duration.ofSeconds(60), 100, 5);
}
