package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.MOSCOW;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.local;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.msk;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.nineToSix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Adding and measuring working time in plain weekly calendars (Moscow; 16–20 March 2026 is Monday to
 * Friday, 21–22 March a weekend).
 */
class WorkingTimeArithmeticTest {
    private static final BusinessCalendar NINE_TO_SIX = nineToSix(MOSCOW);
    private static final BusinessCalendar WITH_LUNCH = BusinessCalendars.weekly("office", MOSCOW,
            WeeklyHours.officeHours());

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @DisplayName("9-18 calendar: start + working time = deadline")
    @CsvSource({
            // overnight: 30 minutes today, 30 minutes tomorrow
            "2026-03-17T17:30, PT1H,      2026-03-18T09:30",
            // weekend: Friday 17:00 + 2h goes over Saturday and Sunday
            "2026-03-20T17:00, PT2H,      2026-03-23T10:00",
            "2026-03-17T10:00, PT1H,      2026-03-17T11:00",
            // exactly using up the day ends at closing time, not at the next opening
            "2026-03-17T17:00, PT1H,      2026-03-17T18:00",
            "2026-03-17T17:00, PT1H1S,    2026-03-18T09:00:01",
            // start before opening, after closing, on a weekend
            "2026-03-17T08:00, PT1H,      2026-03-17T10:00",
            "2026-03-17T20:00, PT1H,      2026-03-18T10:00",
            "2026-03-21T12:00, PT1H,      2026-03-23T10:00",
            "2026-03-22T23:59, PT9H,      2026-03-23T18:00",
            // whole weeks
            "2026-03-16T09:00, PT45H,     2026-03-20T18:00",
            "2026-03-16T09:00, PT45H1M,   2026-03-23T09:01",
            "2026-03-16T09:00, PT90H,     2026-03-27T18:00",
            "2026-03-16T13:00, PT450H,    2026-05-25T13:00",
            // zero: the start itself if working, else the next working moment
            "2026-03-17T10:00, PT0S,      2026-03-17T10:00",
            "2026-03-17T09:00, PT0S,      2026-03-17T09:00",
            "2026-03-17T18:00, PT0S,      2026-03-18T09:00",
            "2026-03-17T08:00, PT0S,      2026-03-17T09:00",
            "2026-03-21T12:00, PT0S,      2026-03-23T09:00",
            "2026-03-17T10:00, PT0.001S,  2026-03-17T10:00:00.001",
    })
    void nineToSixDeadlines(LocalDateTime start, Duration amount, LocalDateTime expected) {
        Instant due = NINE_TO_SIX.addWorkingTime(start.atZone(MOSCOW).toInstant(), amount);
        assertEquals(expected, local(due, MOSCOW));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @DisplayName("calendar with a lunch break 13:00-14:00: the break is not working time")
    @CsvSource({
            "2026-03-17T12:30, PT1H,   2026-03-17T14:30",
            "2026-03-17T12:30, PT30M,  2026-03-17T13:00",
            "2026-03-17T13:30, PT0S,   2026-03-17T14:00",
            "2026-03-17T13:30, PT1H,   2026-03-17T15:00",
            "2026-03-17T17:30, PT1H,   2026-03-18T09:30",
            "2026-03-20T17:00, PT2H,   2026-03-23T10:00",
            "2026-03-16T09:00, PT40H,  2026-03-20T18:00",
            "2026-03-16T09:00, PT8H,   2026-03-16T18:00",
    })
    void lunchBreakDeadlines(LocalDateTime start, Duration amount, LocalDateTime expected) {
        Instant due = WITH_LUNCH.addWorkingTime(start.atZone(MOSCOW).toInstant(), amount);
        assertEquals(expected, local(due, MOSCOW));
    }

    @ParameterizedTest(name = "[{index}] [{0}, {1}) = {2}")
    @DisplayName("working time between two instants")
    @CsvSource({
            "2026-03-17T08:00, 2026-03-17T10:00, PT1H",
            "2026-03-20T17:00, 2026-03-23T10:00, PT2H",
            "2026-03-16T00:00, 2026-03-23T00:00, PT45H",
            "2026-03-21T00:00, 2026-03-23T00:00, PT0S",
            "2026-03-17T17:30, 2026-03-18T09:30, PT1H",
            "2026-03-17T10:00, 2026-03-17T10:00, PT0S",
            // reversed range
            "2026-03-18T10:00, 2026-03-17T10:00, PT0S",
            "2026-03-01T00:00, 2026-04-01T00:00, PT198H",
    })
    void between(LocalDateTime from, LocalDateTime to, Duration expected) {
        assertEquals(expected, NINE_TO_SIX.workingTimeBetween(from.atZone(MOSCOW).toInstant(),
                to.atZone(MOSCOW).toInstant()));
    }

    @ParameterizedTest(name = "[{index}] {0} working: {1}")
    @DisplayName("working intervals are half-open: the opening is working time, the closing is not")
    @CsvSource({
            "2026-03-17T09:00, true",
            "2026-03-17T08:59:59.999999999, false",
            "2026-03-17T17:59:59.999999999, true",
            "2026-03-17T18:00, false",
            "2026-03-21T12:00, false",
            "2026-03-22T10:00, false",
            "2026-03-23T10:00, true",
    })
    void halfOpen(LocalDateTime t, boolean working) {
        assertEquals(working, NINE_TO_SIX.isWorkingTime(t.atZone(MOSCOW).toInstant()));
    }

    static Stream<Arguments> calendars() {
        return Stream.of(Arguments.of(NINE_TO_SIX), Arguments.of(WITH_LUNCH),
                Arguments.of(BusinessCalendars.russianProduction(MOSCOW)),
                Arguments.of(BusinessCalendars.twentyFourSeven(MOSCOW)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calendars")
    @DisplayName("a negative amount is refused; null arguments are refused")
    void negativeAndNull(BusinessCalendar calendar) {
        Instant start = msk("2026-03-17T10:00");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> calendar.addWorkingTime(start, Duration.ofMinutes(-1)));
        assertTrue(e.getMessage().contains("negative"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingTime(start, Duration.ofNanos(-1)));
        assertThrows(NullPointerException.class, () -> calendar.addWorkingTime(null, Duration.ZERO));
        assertThrows(NullPointerException.class, () -> calendar.addWorkingTime(start, null));
        assertThrows(NullPointerException.class, () -> calendar.workingTimeBetween(start, null));
        assertThrows(NullPointerException.class, () -> calendar.isWorkingTime(null));
    }

    @Test
    @DisplayName("a calendar that is off every day for ten years gives up instead of looping forever")
    void neverWorking() throws Exception {
        BusinessCalendar alwaysOff = CalendarTestSupport.load("""
                id: closed
                zone: Europe/Moscow
                weeklyHours: {monday: 09:00-18:00}
                annualHolidays: [%s]
                """.formatted(mondays()), "closed.yaml").get("closed");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> alwaysOff.addWorkingTime(msk("2026-03-17T10:00"), Duration.ofHours(1)));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    /** Every month-day of the year, so that no Monday is ever worked. */
    private static String mondays() {
        StringBuilder all = new StringBuilder();
        for (java.time.LocalDate d = java.time.LocalDate.of(2024, 1, 1); d.getYear() == 2024; d = d.plusDays(1)) {
            all.append(all.length() == 0 ? "" : ", ").append(String.format("%02d-%02d", d.getMonthValue(),
                    d.getDayOfMonth()));
        }
        return all.toString();
    }

    @Test
    @DisplayName("the ids and zones of built-in calendars")
    void ids() {
        assertEquals("24x7", BusinessCalendars.twentyFourSeven(MOSCOW).id());
        assertEquals("ru-production-5x8", BusinessCalendars.russianProduction(MOSCOW).id());
        assertEquals(MOSCOW, BusinessCalendars.russianProduction(MOSCOW).zone());
        assertThrows(IllegalArgumentException.class,
                () -> BusinessCalendars.russianProduction(" ", MOSCOW, WeeklyHours.officeHours()));
    }
}
