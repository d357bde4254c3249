package dev.supportkit.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * The regular working hours of each day of the week: per {@link DayOfWeek} a sorted list of
 * non-overlapping {@link WorkingInterval}s (empty on a day off). Immutable, thread-safe.
 *
 * <p>Intervals stay within a day; {@code 00:00-24:00} is a whole working day. A lunch break is a gap
 * between two intervals, e.g. {@code 09:00-13:00, 14:00-18:00}. At least one day of the week must
 * have working time.
 */
public final class WeeklyHours {
    private static final DayOfWeek[] DAYS = DayOfWeek.values();

    private final List<List<WorkingInterval>> days;

    private WeeklyHours(List<List<WorkingInterval>> days) {
        this.days = days;
    }

    /**
     * Weekly hours from a map of day to intervals; a day missing from the map is a day off. The
     * intervals of a day are sorted; touching intervals ({@code 09:00-13:00, 13:00-18:00}) are merged.
     *
     * @param hours the intervals of each working day
     * @return the weekly hours
     * @throws IllegalArgumentException if the intervals of a day overlap or no day has working time
     */
    public static WeeklyHours of(Map<DayOfWeek, ? extends Collection<WorkingInterval>> hours) {
        Objects.requireNonNull(hours, "hours");
        List<List<WorkingInterval>> days = new ArrayList<>(7);
        boolean any = false;
        for (DayOfWeek day : DAYS) {
            Collection<WorkingInterval> given = hours.get(day);
            List<WorkingInterval> normalized = given == null ? List.of() : normalize(day, given);
            any |= !normalized.isEmpty();
            days.add(normalized);
        }
        if (!any) {
            throw new IllegalArgumentException("weekly hours need working time on at least one day of the week");
        }
        return new WeeklyHours(List.copyOf(days));
    }

    /**
     * The same intervals Monday to Friday; Saturday and Sunday off.
     *
     * @param intervals the intervals of each weekday, e.g. {@code 09:00-13:00} and {@code 14:00-18:00}
     * @return the weekly hours
     * @throws IllegalArgumentException if the intervals overlap or none is given
     */
    public static WeeklyHours mondayToFriday(WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DAYS) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                map.put(day, List.of(intervals));
            }
        }
        return of(map);
    }

    /**
     * The same intervals on every day of the week.
     *
     * @param intervals the intervals of each day
     * @return the weekly hours
     * @throws IllegalArgumentException if the intervals overlap or none is given
     */
    public static WeeklyHours everyDay(WorkingInterval... intervals) {
        Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DAYS) {
            map.put(day, List.of(intervals));
        }
        return of(map);
    }

    /**
     * Round the clock, every day: {@code 00:00-24:00} seven days a week.
     *
     * @return the weekly hours
     */
    public static WeeklyHours allDayEveryDay() {
        return everyDay(WorkingInterval.wholeDay());
    }

    /**
     * The usual Russian office week (40 hours): Monday to Friday 09:00–13:00 and 14:00–18:00.
     *
     * @return the weekly hours
     */
    public static WeeklyHours officeHours() {
        return mondayToFriday(WorkingInterval.of(LocalTime.of(9, 0), LocalTime.of(13, 0)),
                WorkingInterval.of(LocalTime.of(14, 0), LocalTime.of(18, 0)));
    }

    /**
     * A copy with one day's intervals replaced (none: the day becomes a day off).
     *
     * @param day       the day
     * @param intervals its new intervals
     * @return the new weekly hours
     * @throws IllegalArgumentException if the intervals overlap or no day would have working time
     */
    public WeeklyHours with(DayOfWeek day, WorkingInterval... intervals) {
        Objects.requireNonNull(day, "day");
        Map<DayOfWeek, List<WorkingInterval>> map = asMap();
        map.put(day, List.of(intervals));
        return of(map);
    }

    /**
     * The intervals of a day, sorted, non-overlapping and non-touching.
     *
     * @param day the day
     * @return the intervals; empty on a day off
     */
    public List<WorkingInterval> intervals(DayOfWeek day) {
        return days.get(day.ordinal());
    }

    /**
     * The wall-clock working time of a day.
     *
     * @param day the day
     * @return the sum of the day's interval lengths
     */
    public Duration workingTime(DayOfWeek day) {
        Duration total = Duration.ZERO;
        for (WorkingInterval interval : intervals(day)) {
            total = total.plus(interval.length());
        }
        return total;
    }

    /**
     * The wall-clock working time of a whole week.
     *
     * @return the sum over the seven days
     */
    public Duration weeklyTotal() {
        Duration total = Duration.ZERO;
        for (DayOfWeek day : DAYS) {
            total = total.plus(workingTime(day));
        }
        return total;
    }

    /**
     * The hours as a mutable map of every day to its intervals (empty lists on days off).
     *
     * @return a new map
     */
    public Map<DayOfWeek, List<WorkingInterval>> asMap() {
        Map<DayOfWeek, List<WorkingInterval>> map = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DAYS) {
            map.put(day, intervals(day));
        }
        return map;
    }

    private static List<WorkingInterval> normalize(DayOfWeek day, Collection<WorkingInterval> given) {
        List<WorkingInterval> sorted = new ArrayList<>(given);
        sorted.forEach(i -> Objects.requireNonNull(i, "interval"));
        sorted.sort(Comparator.comparingLong(WorkingInterval::startNanoOfDay));
        List<WorkingInterval> merged = new ArrayList<>();
        for (WorkingInterval interval : sorted) {
            if (merged.isEmpty()) {
                merged.add(interval);
                continue;
            }
            WorkingInterval last = merged.get(merged.size() - 1);
            if (interval.startNanoOfDay() < last.endNanoOfDay()) {
                throw new IllegalArgumentException(name(day) + ": intervals " + last + " and " + interval + " overlap");
            }
            if (interval.startNanoOfDay() == last.endNanoOfDay()) {
                merged.set(merged.size() - 1, WorkingInterval.of(last.start(), interval.end()));
            } else {
                merged.add(interval);
            }
        }
        return List.copyOf(merged);
    }

    private static String name(DayOfWeek day) {
        return day.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeeklyHours other && days.equals(other.days);
    }

    @Override
    public int hashCode() {
        return days.hashCode();
    }

    /**
     * The hours as text, e.g. {@code monday=[09:00-13:00, 14:00-18:00], ..., saturday=[], sunday=[]}.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ");
        for (DayOfWeek day : DAYS) {
            joiner.add(name(day) + "=" + Arrays.toString(intervals(day).toArray()));
        }
        return joiner.toString();
    }
}
