package dev.supportkit.examples.quickstart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** A clock the demo moves forward between steps, so the journal shows a believable day. */
final class DemoClock extends Clock {
    private final ZoneId zone;
    private Instant now;

    DemoClock(Instant start, ZoneId zone) {
        this.now = start;
        this.zone = zone;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return new DemoClock(now, newZone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
