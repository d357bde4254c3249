package dev.supportkit.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A calendar made of weekly hours, the calendar's own date exceptions and, optionally, the shipped
 * Russian production calendar as a base. Walks day by day over working intervals.
 */
final class ScheduledBusinessCalendar implements BusinessCalendar {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBusinessCalendar.class);
    private static final long[] NO_TIME = new long[0];
    private static final Instant[] NO_SPANS = new Instant[0];
    /** Consecutive days without working time after which a walk gives up. */
    static final int MAX_IDLE_DAYS = 3_660;

    private final String id;
    private final ZoneId zone;
    private final WeeklyHours hours;
    private final DayRules own;
    private final RussianProductionData base;
    private final Duration shortenedBy;
    private final long[][] weekly = new long[7][];
    private final long[][] weeklyShortened = new long[7][];
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    ScheduledBusinessCalendar(String id, ZoneId zone, WeeklyHours hours, DayRules own, RussianProductionData base,
                              Duration shortenedBy) {
        this.id = Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a calendar id must not be blank");
        }
        this.zone = Objects.requireNonNull(zone, "zone");
        this.hours = Objects.requireNonNull(hours, "hours");
        this.own = Objects.requireNonNull(own, "own");
        this.base = base;
        this.shortenedBy = Objects.requireNonNull(shortenedBy, "shortenedBy");
        if (shortenedBy.isNegative() || shortenedBy.isZero() || shortenedBy.compareTo(Duration.ofDays(1)) >= 0) {
            throw new IllegalArgumentException("the shortening of a pre-holiday day must be positive and under a day");
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingInterval> intervals = hours.intervals(day);
            long[] flat = new long[intervals.size() * 2];
            for (int i = 0; i < intervals.size(); i++) {
                flat[2 * i] = intervals.get(i).startNanoOfDay();
                flat[2 * i + 1] = intervals.get(i).endNanoOfDay();
            }
            weekly[day.ordinal()] = flat;
            weeklyShortened[day.ordinal()] = shorten(flat, shortenedBy.toNanos());
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ZoneId zone() {
        return zone;
    }

    WeeklyHours hours() {
        return hours;
    }

    @Override
    public boolean isWorkingTime(Instant t) {
        Objects.requireNonNull(t, "t");
        Instant[] spans = spans(LocalDate.ofInstant(t, zone));
        for (int i = 0; i < spans.length; i += 2) {
            if (!t.isBefore(spans[i]) && t.isBefore(spans[i + 1])) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Instant addWorkingTime(Instant start, Duration amount) {
        BusinessCalendar.requireAddable(start, amount);
        Duration remaining = amount;
        LocalDate date = LocalDate.ofInstant(start, zone);
        int idleDays = 0;
        while (true) {
            Instant[] spans = spans(date);
            boolean worked = false;
            for (int i = 0; i < spans.length; i += 2) {
                Instant end = spans[i + 1];
                if (!end.isAfter(start)) {
                    continue;
                }
                worked = true;
                Instant from = spans[i].isAfter(start) ? spans[i] : start;
                Duration available = Duration.between(from, end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
            idleDays = worked ? 0 : idleDays + 1;
            if (idleDays > MAX_IDLE_DAYS) {
                throw new IllegalStateException("business calendar '" + id + "' has no working time in the "
                        + MAX_IDLE_DAYS + " days before " + date);
            }
            date = date.plusDays(1);
        }
    }

    @Override
    public Duration workingTimeBetween(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to.minusNanos(1), zone);
        for (LocalDate date = LocalDate.ofInstant(from, zone); !date.isAfter(last); date = date.plusDays(1)) {
            Instant[] spans = spans(date);
            for (int i = 0; i < spans.length; i += 2) {
                Instant s = spans[i].isAfter(from) ? spans[i] : from;
                Instant e = spans[i + 1].isBefore(to) ? spans[i + 1] : to;
                if (e.isAfter(s)) {
                    total = total.plus(Duration.between(s, e));
                }
            }
        }
        return total;
    }

    /**
     * The working intervals of a local date as instants {@code [s0, e0, s1, e1, ...]}, sorted, within
     * the date's own day. A local time in a daylight-saving gap moves forward by the gap; an ambiguous
     * one takes the earlier offset.
     */
    Instant[] spans(LocalDate date) {
        long[] local = localIntervals(date);
        if (local.length == 0) {
            return NO_SPANS;
        }
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        Instant[] out = new Instant[local.length];
        int n = 0;
        Instant previousEnd = dayStart;
        for (int i = 0; i < local.length; i += 2) {
            Instant s = instant(date, local[i], dayStart, dayEnd);
            Instant e = instant(date, local[i + 1], dayStart, dayEnd);
            if (s.isBefore(previousEnd)) {
                s = previousEnd;
            }
            if (e.isAfter(s)) {
                out[n++] = s;
                out[n++] = e;
                previousEnd = e;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private Instant instant(LocalDate date, long nanoOfDay, Instant dayStart, Instant dayEnd) {
        if (nanoOfDay == 0) {
            return dayStart;
        }
        if (nanoOfDay >= WorkingInterval.NANOS_PER_DAY) {
            return dayEnd;
        }
        Instant t = date.atTime(LocalTime.ofNanoOfDay(nanoOfDay)).atZone(zone).toInstant();
        return t.isAfter(dayEnd) ? dayEnd : t;
    }

    /** The working intervals of a local date as nano-of-day pairs, after every rule of the calendar. */
    long[] localIntervals(LocalDate date) {
        DayOfWeek hoursOf = date.getDayOfWeek();
        boolean shortened = own.shortened().contains(date);
        DayOfWeek ownAs = own.workingAs().get(date);
        if (ownAs != null) {
            hoursOf = ownAs;
        } else if (own.nonWorking().contains(date) || own.annualHolidays().contains(MonthDay.from(date))) {
            return NO_TIME;
        }
        if (base != null) {
            YearCalendar year = base.year(date.getYear());
            if (year == null) {
                warnOnce(date.getYear(), "Business calendar '{}' has no production-calendar data for {}: using "
                        + "the weekly hours and the fixed federal holidays only (no day transfers, no shortened days)");
                if (ownAs == null && RussianProductionData.FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
                    return NO_TIME;
                }
            } else {
                if (year.provisional()) {
                    warnOnce(date.getYear(), "Business calendar '{}' uses provisional production-calendar data for {}"
                            + " (" + year.source() + ")");
                }
                if (ownAs == null) {
                    if (year.isNonWorking(date)) {
                        return NO_TIME;
                    }
                    DayOfWeek baseAs = year.workingWeekendDays().get(date);
                    if (baseAs != null) {
                        hoursOf = baseAs;
                    }
                }
                shortened |= year.shortenedDays().contains(date);
            }
        }
        return shortened ? weeklyShortened[hoursOf.ordinal()] : weekly[hoursOf.ordinal()];
    }

    private void warnOnce(int year, String message) {
        if (warnedYears.add(year)) {
            LOG.warn(message, id, year);
        }
    }

    /** Removes {@code cut} nanoseconds of working time from the end of a day's intervals. */
    static long[] shorten(long[] intervals, long cut) {
        long[] out = intervals.clone();
        int n = out.length;
        long left = cut;
        while (n > 0 && left > 0) {
            long length = out[n - 1] - out[n - 2];
            if (length > left) {
                out[n - 1] -= left;
                left = 0;
            } else {
                left -= length;
                n -= 2;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[id=" + id + ", zone=" + zone + (base != null ? ", base=ru-production" : "")
                + ", hours={" + hours + "}]";
    }
}
