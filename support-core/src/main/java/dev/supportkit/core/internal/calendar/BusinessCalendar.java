package dev.supportkit.core.internal.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Working time of one business calendar. Immutable, thread-safe.
 *
 * <p>Working time is a set of half-open intervals {@code [start, end)} on the time line: an
 * interval's start is working time, its end is not. Durations are elapsed (physical) time, so a
 * working interval that spans a daylight-saving change is one hour shorter or longer than its
 * wall-clock length.
 *
 * <p>Every method takes the time it works on as an argument; no implementation reads a clock.
 */
public interface BusinessCalendar {
    /**
     * The calendar's id, e.g. {@code "ru-production-5x8"} or {@code "24x7"}.
     *
     * @return the id, never blank
     */
    String id();

    /**
     * The time zone in which the calendar's local working hours and dates are read.
     *
     * @return the zone
     */
    ZoneId zone();

    /**
     * Whether an instant lies inside working time.
     *
     * @param t the instant
     * @return {@code true} if a working interval contains {@code t} ({@code start <= t < end})
     * @throws NullPointerException if {@code t} is null
     */
    boolean isWorkingTime(Instant t);

    /**
     * The instant at which {@code amount} of working time has passed since {@code start}.
     *
     * <p>Counting begins at the <em>first working moment</em>: {@code start} itself if it is working
     * time, otherwise the start of the next working interval after {@code start}. The result is the
     * earliest instant {@code r} at or after the first working moment such that the working time in
     * {@code [first working moment, r)} equals {@code amount}. Consequently:
     * <ul>
     *   <li>a zero amount returns {@code start} if {@code start} is working time, and the start of the
     *       next working interval otherwise;</li>
     *   <li>a positive amount that uses up a working interval exactly returns that interval's end
     *       (e.g. 17:00 plus one hour in a 09:00–18:00 calendar is 18:00 the same day, not 09:00 the
     *       next working day);</li>
     *   <li>for every {@code amount >= 0},
     *       {@code workingTimeBetween(start, addWorkingTime(start, amount)).equals(amount)}.</li>
     * </ul>
     *
     * @param start  where counting starts; may lie outside working time
     * @param amount the working time to add; zero or positive
     * @return the instant at which the working time has passed
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws NullPointerException     if an argument is null
     * @throws IllegalStateException    if the calendar has no working time for ten years after a moment
     *                                  the walk reaches (a definition that declares everything a day off)
     */
    Instant addWorkingTime(Instant start, Duration amount);

    /**
     * The working time inside {@code [from, to)}.
     *
     * @param from the start of the range, inclusive
     * @param to   the end of the range, exclusive
     * @return the working time in the range; zero if {@code to} is not after {@code from}
     * @throws NullPointerException if an argument is null
     */
    Duration workingTimeBetween(Instant from, Instant to);

    /**
     * Checks the arguments of {@link #addWorkingTime}, as every calendar does first.
     *
     * @param start  where counting starts
     * @param amount the working time to add
     * @throws IllegalArgumentException if {@code amount} is negative
     * @throws NullPointerException     if an argument is null
     */
    static void requireAddable(Instant start, Duration amount) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the working time to add must not be negative (was " + amount + ")");
        }
    }
}
