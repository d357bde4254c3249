package dev.supportkit.crm.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A token bucket on the engine's clock: at most {@code permits} calls in any window of {@code per}, refilled
 * evenly, so a burst up to the bucket's size passes and a steady rate never exceeds the vendor's limit. It never
 * waits: a call finding the bucket empty learns when the next permit frees, and the push is held until then.
 * Thread-safe.
 */
public final class RateLimiter {
    private final double capacity;
    private final double perNano;
    private final Clock clock;
    private double tokens;
    private Instant last;

    /**
     * Creates a full bucket.
     *
     * @param permits calls allowed per window, at least 1
     * @param per     the window, positive
     * @param clock   the engine's clock
     */
    public RateLimiter(int permits, Duration per, Clock clock) {
        if (permits < 1 || per.isZero() || per.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per positive window, got "
                    + permits + " per " + per);
        }
        this.capacity = permits;
        this.perNano = permits / (double) per.toNanos();
        this.clock = clock;
        this.tokens = permits;
        this.last = clock.instant();
    }

    /**
     * Takes a permit when one is free.
     *
     * @return empty when taken; otherwise when the next permit frees
     */
    public synchronized Optional<Instant> tryAcquire() {
        Instant now = clock.instant();
        long elapsed = Duration.between(last, now).toNanos();
        if (elapsed > 0) {
            tokens = Math.min(capacity, tokens + elapsed * perNano);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Optional.empty();
        }
        return Optional.of(now.plusNanos(Math.max(1, (long) Math.ceil((1 - tokens) / perNano))));
    }
}
