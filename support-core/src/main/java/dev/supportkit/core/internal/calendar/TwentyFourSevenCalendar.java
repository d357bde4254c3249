package dev.supportkit.core.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Every instant is working time: working-time arithmetic is plain duration arithmetic.
 *
 * @param id   the calendar's id
 * @param zone the zone its days are in
 */
record TwentyFourSevenCalendar(String id, ZoneId zone) implements BusinessCalendar {
    TwentyFourSevenCalendar {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(zone, "zone");
    }

    @Override
    public boolean isWorkingTime(Instant t) {
        Objects.requireNonNull(t, "t");
        return true;
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration amount) {
        BusinessCalendar.requireAddable(start, amount);
        return start.plus(amount);
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public String toString() {
        return "BusinessCalendar[id=" + id + ", zone=" + zone + ", 24x7]";
    }
}
