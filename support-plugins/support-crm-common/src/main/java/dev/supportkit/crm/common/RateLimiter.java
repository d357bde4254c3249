package dev.supportkit.crm.common;

import java.time.Duration;

/**
 * A token bucket: at most {@code permits} calls in any window of {@code per}, refilled evenly, so a burst up to
 * the bucket's size passes and a steady rate never exceeds the vendor's limit. Thread-safe; callers wait in turn.
 */
public final class RateLimiter {
    private final double capacity;
    private final double perNano;
    private final Ticker ticker;
    private double tokens;
    private long last;

    /**
     * Creates a full bucket.
     *
     * @param permits calls allowed per window, at least 1
     * @param per     the window, positive
     * @param ticker  the time waited on
     */
    public RateLimiter(int permits, Duration per, Ticker ticker) {
        if (permits < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per positive window, got "
                    + permits + " per " + per);
        }
        this.capacity = permits;
        this.perNano = permits / (double) per.toNanos();
        this.ticker = ticker;
        this.tokens = permits;
        this.last = ticker.nanos();
    }

    /**
     * Takes a permit, waiting until one is free.
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            long now = ticker.nanos();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return;
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perNano);
            ticker.pause(Duration.ofNanos(Math.max(1, waitNanos)));
        }
    }
}
