package dev.supportkit.core.internal.calendar;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A half-open interval {@code [start, end)} of local time within one day, e.g. 09:00–18:00.
 * Intervals never cross midnight: a night shift is two intervals on two days. The end of the day
 * (24:00) is written {@link LocalTime#MAX} (or {@code "24:00"} in text); {@link LocalTime#MIDNIGHT}
 * is not accepted as an end.
 *
 * @param start the first working moment, inclusive; not {@link LocalTime#MAX}
 * @param end   the end, exclusive, after {@code start}; {@link LocalTime#MAX} means 24:00
 */
public record WorkingInterval(LocalTime start, LocalTime end) {
    /** Nanoseconds in a day: the nano-of-day of 24:00. */
    static final long NANOS_PER_DAY = 86_400_000_000_000L;

    private static final Pattern TEXT = Pattern.compile(
            "\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*[-\u2013]\\s*(\\d{1,2}:\\d{2}(?::\\d{2})?)\\s*");

    /**
     * Checks the interval.
     *
     * @param start the first working moment, inclusive
     * @param end   the end, exclusive; {@link LocalTime#MAX} means 24:00
     * @throws IllegalArgumentException if {@code end} is not after {@code start} or {@code start} is
     *                                  {@link LocalTime#MAX}
     * @throws NullPointerException     if an argument is null
     */
    public WorkingInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(LocalTime.MAX)) {
            throw new IllegalArgumentException("an interval cannot start at the end of the day");
        }
        if (end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException(
                    "an interval ending at midnight must end at 24:00 (LocalTime.MAX), not 00:00");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("the end " + format(end) + " is not after the start " + format(start)
                    + " (intervals stay within one day)");
        }
    }

    /**
     * An interval from {@code start} to {@code end}.
     *
     * @param start the first working moment, inclusive
     * @param end   the end, exclusive; {@link LocalTime#MAX} means 24:00
     * @return the interval
     * @throws IllegalArgumentException if {@code end} is not after {@code start}
     */
    public static WorkingInterval of(LocalTime start, LocalTime end) {
        return new WorkingInterval(start, end);
    }

    /**
     * The whole day, 00:00–24:00.
     *
     * @return the interval
     */
    public static WorkingInterval wholeDay() {
        return new WorkingInterval(LocalTime.MIDNIGHT, LocalTime.MAX);
    }

    /**
     * Reads {@code "HH:mm-HH:mm"} (seconds optional, an en dash accepted), e.g. {@code "09:00-18:00"}
     * or {@code "00:00-24:00"}.
     *
     * @param text the text
     * @return the interval
     * @throws IllegalArgumentException if the text is not of that form or the interval is empty
     */
    public static WorkingInterval parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an interval like 09:00-18:00");
        }
        return new WorkingInterval(time(m.group(1), false, text), time(m.group(2), true, text));
    }

    private static LocalTime time(String value, boolean end, String text) {
        String padded = value.indexOf(':') == 1 ? "0" + value : value;
        if (end && (padded.equals("24:00") || padded.equals("24:00:00"))) {
            return LocalTime.MAX;
        }
        try {
            return LocalTime.parse(padded);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' has an invalid time '" + value + "'", e);
        }
    }

    /**
     * Whether the interval ends at the end of the day (24:00).
     *
     * @return {@code true} if {@code end} is {@link LocalTime#MAX}
     */
    public boolean endsAtEndOfDay() {
        return end.equals(LocalTime.MAX);
    }

    /**
     * The wall-clock length of the interval (24:00 counted as a full day's end).
     *
     * @return the length
     */
    public Duration length() {
        return Duration.ofNanos(endNanoOfDay() - startNanoOfDay());
    }

    /**
     * The start as nanoseconds since midnight.
     *
     * @return the start's nano-of-day
     */
    public long startNanoOfDay() {
        return start.toNanoOfDay();
    }

    /**
     * The end as nanoseconds since midnight; 24:00 is {@code 86_400_000_000_000}.
     *
     * @return the end's nano-of-day
     */
    public long endNanoOfDay() {
        return endsAtEndOfDay() ? NANOS_PER_DAY : end.toNanoOfDay();
    }

    /**
     * The interval as {@code "HH:mm-HH:mm"}, the form {@link #parse(String)} reads.
     *
     * @return the text
     */
    @Override
    public String toString() {
        return format(start) + "-" + format(end);
    }

    private static String format(LocalTime t) {
        if (t.equals(LocalTime.MAX)) {
            return "24:00";
        }
        return t.getSecond() == 0 && t.getNano() == 0 ? String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute())
                : t.toString();
    }
}
