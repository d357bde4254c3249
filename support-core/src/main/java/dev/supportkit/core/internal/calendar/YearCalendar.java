package dev.supportkit.core.internal.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One year of a production calendar: which dates differ from the regular weekly hours. Immutable.
 *
 * <p>A date in {@code holidays} or {@code daysOff} has no working time. A date in
 * {@code workingWeekendDays} is worked with the regular hours of the weekday it maps to (a
 * transferred working Saturday usually takes the hours of the weekday it was swapped with). A date
 * in {@code shortenedDays} (a pre-holiday day) ends earlier by the calendar's shortening, one hour
 * by default.
 *
 * @param year               the year every date belongs to
 * @param holidays           the non-working public holidays falling in the year
 * @param daysOff            the other non-working days: weekend days transferred onto working days
 * @param workingWeekendDays dates normally off that are worked, each with the weekday whose hours apply
 * @param shortenedDays      working days that end early (pre-holiday days)
 * @param provisional        {@code true} if the data is not (yet) backed by an official act
 * @param source             where the data comes from, e.g. the Government decree
 */
public record YearCalendar(int year, SortedSet<LocalDate> holidays, SortedSet<LocalDate> daysOff,
                           SortedMap<LocalDate, DayOfWeek> workingWeekendDays, SortedSet<LocalDate> shortenedDays,
                           boolean provisional, String source) {
    /**
     * Checks and copies the data.
     *
     * @param year               the year every date belongs to
     * @param holidays           the non-working public holidays falling in the year
     * @param daysOff            the other non-working days
     * @param workingWeekendDays dates normally off that are worked, with the weekday whose hours apply
     * @param shortenedDays      working days that end early
     * @param provisional        whether the data is provisional
     * @param source             where the data comes from
     * @throws IllegalArgumentException if a date is outside {@code year}, a date is both worked and
     *                                  off, or a shortened day is a day off
     */
    public YearCalendar {
        Objects.requireNonNull(source, "source");
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        daysOff = Collections.unmodifiableSortedSet(new TreeSet<>(daysOff));
        workingWeekendDays = Collections.unmodifiableSortedMap(new TreeMap<>(workingWeekendDays));
        shortenedDays = Collections.unmodifiableSortedSet(new TreeSet<>(shortenedDays));
        for (Set<LocalDate> set : List.of(holidays, daysOff, workingWeekendDays.keySet(), shortenedDays)) {
            for (LocalDate date : set) {
                if (date.getYear() != year) {
                    throw new IllegalArgumentException(date + " is not in " + year);
                }
            }
        }
        for (Map.Entry<LocalDate, DayOfWeek> e : workingWeekendDays.entrySet()) {
            Objects.requireNonNull(e.getValue(), "weekday of " + e.getKey());
            if (holidays.contains(e.getKey()) || daysOff.contains(e.getKey())) {
                throw new IllegalArgumentException(e.getKey() + " is both a working day and a day off");
            }
        }
        for (LocalDate date : shortenedDays) {
            if (holidays.contains(date) || daysOff.contains(date)) {
                throw new IllegalArgumentException(date + " is both a shortened day and a day off");
            }
        }
    }

    /**
     * The dates without working time: holidays and days off together.
     *
     * @return a new sorted set
     */
    public SortedSet<LocalDate> nonWorkingDays() {
        SortedSet<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(daysOff);
        return Collections.unmodifiableSortedSet(all);
    }

    /**
     * Whether a date has no working time whatever the weekly hours say.
     *
     * @param date the date
     * @return {@code true} for a holiday or a day off
     */
    public boolean isNonWorking(LocalDate date) {
        return holidays.contains(date) || daysOff.contains(date);
    }
}
