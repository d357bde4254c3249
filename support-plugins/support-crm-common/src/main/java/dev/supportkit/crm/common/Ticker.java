package dev.supportkit.crm.common;

import java.time.Duration;

/** The time the rate limiter and the retries wait on: the system's, or a test's that advances without sleeping. */
public interface Ticker {
    /** The system's monotonic time; pauses sleep the calling thread. */
    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public void pause(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    /**
     * Returns a monotonic time.
     *
     * @return nanoseconds since an arbitrary origin
     */
    long nanos();

    /**
     * Waits.
     *
     * @param duration how long
     * @throws InterruptedException when interrupted
     */
    void pause(Duration duration) throws InterruptedException;
}
