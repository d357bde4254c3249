package dev.supportkit.core.internal.work;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The engine's clock: the embedding application's clock with every instant truncated to microseconds, the
 * finest precision every store keeps (PostgreSQL, MariaDB and H2 timestamps). What the journal hashes is
 * therefore exactly what a store gives back, and a request reads back as it was returned.
 */
public final class MicrosecondClock extends Clock {
    private final Clock delegate;

    private MicrosecondClock(Clock delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps a clock; a clock that is already a {@code MicrosecondClock} is returned as it is.
     *
     * @param clock the application's clock
     * @return a clock giving the same instants, truncated to microseconds
     */
    public static MicrosecondClock of(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        return clock instanceof MicrosecondClock micro ? micro : new MicrosecondClock(clock);
    }

    @Override
    public ZoneId getZone() {
        return delegate.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(delegate.withZone(zone));
    }

    @Override
    public Instant instant() {
        return delegate.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return delegate.millis();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MicrosecondClock that && delegate.equals(that.delegate);
    }

    @Override
    public int hashCode() {
        return delegate.hashCode() * 31 + 1;
    }

    @Override
    public String toString() {
        return "MicrosecondClock[" + delegate + "]";
    }
}
