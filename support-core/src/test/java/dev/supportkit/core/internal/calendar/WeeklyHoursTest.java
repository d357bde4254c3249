package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.interval;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Working intervals and weekly hours: parsing, validation, normalisation. */
class WeeklyHoursTest {
    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("intervals are read from text and printed back")
    @CsvSource(delimiter = '|', value = {
            "09:00-18:00    | 09:00 | 09:00 | 18:00 | PT9H",
            "9:00-18:00     | 09:00 | 09:00 | 18:00 | PT9H",
            "' 08:30 - 12:15 ' | 08:30 | 08:30 | 12:15 | PT3H45M",
            "00:00-24:00    | 00:00 | 00:00 | 24:00 | PT24H",
            "22:00-24:00:00 | 22:00 | 22:00 | 24:00 | PT2H",
            "10:00:30-11:00 | 10:00:30 | 10:00:30 | 11:00 | PT59M30S",
            "09:00\u201318:00 | 09:00 | 09:00 | 18:00 | PT9H",
    })
    void parse(String text, String start, String printedStart, String printedEnd, Duration length) {
        WorkingInterval i = WorkingInterval.parse(text);
        assertEquals(time(start), i.start());
        assertEquals(printedStart + "-" + printedEnd, i.toString());
        assertEquals(length, i.length());
        assertEquals(i, WorkingInterval.parse(i.toString()));
        assertEquals(printedEnd.equals("24:00"), i.endsAtEndOfDay());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("empty, reversed, cross-midnight and malformed intervals are refused")
    @ValueSource(strings = {"18:00-09:00", "09:00-09:00", "22:00-02:00", "09:00-00:00", "24:00-24:00",
            "25:00-26:00", "09:60-10:00", "9-18", "09:00", "", "09:00-18:00-19:00", "morning"})
    void invalid(String text) {
        assertThrows(IllegalArgumentException.class, () -> WorkingInterval.parse(text));
    }

    @Test
    @DisplayName("LocalTime.MAX is the end of the day; MIDNIGHT is not an end")
    void endOfDay() {
        assertEquals(Duration.ofDays(1), WorkingInterval.of(LocalTime.MIDNIGHT, LocalTime.MAX).length());
        assertEquals(WorkingInterval.wholeDay(), WorkingInterval.parse("00:00-24:00"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkingInterval.of(time("22:00"), LocalTime.MIDNIGHT));
        assertTrue(e.getMessage().contains("24:00"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WorkingInterval.of(LocalTime.MAX, LocalTime.MAX));
        assertThrows(NullPointerException.class, () -> WorkingInterval.of(null, LocalTime.MAX));
    }

    @Test
    @DisplayName("weekly hours: sorted, touching intervals merged, overlaps and empty weeks refused")
    void weeklyHours() {
        WeeklyHours hours = WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY, List.of(interval("14:00-18:00"), interval("09:00-13:00")),
                DayOfWeek.TUESDAY, List.of(interval("09:00-13:00"), interval("13:00-18:00"))));
        assertEquals(List.of(interval("09:00-13:00"), interval("14:00-18:00")), hours.intervals(DayOfWeek.MONDAY));
        assertEquals(List.of(interval("09:00-18:00")), hours.intervals(DayOfWeek.TUESDAY));
        assertEquals(List.of(), hours.intervals(DayOfWeek.SUNDAY));
        assertEquals(Duration.ofHours(8), hours.workingTime(DayOfWeek.MONDAY));
        assertEquals(Duration.ofHours(17), hours.weeklyTotal());

        IllegalArgumentException overlap = assertThrows(IllegalArgumentException.class, () -> WeeklyHours.of(
                Map.of(DayOfWeek.FRIDAY, List.of(interval("09:00-13:00"), interval("12:59-18:00")))));
        assertTrue(overlap.getMessage().contains("friday"), overlap.getMessage());
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.of(Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.mondayToFriday());
        assertThrows(IllegalArgumentException.class,
                () -> WeeklyHours.everyDay(interval("09:00-18:00")).with(DayOfWeek.MONDAY).with(DayOfWeek.TUESDAY)
                        .with(DayOfWeek.WEDNESDAY).with(DayOfWeek.THURSDAY).with(DayOfWeek.FRIDAY)
                        .with(DayOfWeek.SATURDAY).with(DayOfWeek.SUNDAY));
    }

    @Test
    @DisplayName("the ready-made weeks")
    void readyMade() {
        assertEquals(Duration.ofHours(40), WeeklyHours.officeHours().weeklyTotal());
        assertEquals(Duration.ofHours(0), WeeklyHours.officeHours().workingTime(DayOfWeek.SATURDAY));
        assertEquals(Duration.ofHours(24 * 7), WeeklyHours.allDayEveryDay().weeklyTotal());
        WeeklyHours saturdays = WeeklyHours.officeHours().with(DayOfWeek.SATURDAY, interval("10:00-14:00"));
        assertEquals(Duration.ofHours(44), saturdays.weeklyTotal());
        assertEquals(WeeklyHours.officeHours(), WeeklyHours.mondayToFriday(interval("14:00-18:00"),
                interval("09:00-13:00")));
        assertTrue(WeeklyHours.officeHours().toString().startsWith("monday=[09:00-13:00, 14:00-18:00]"));
    }
}
