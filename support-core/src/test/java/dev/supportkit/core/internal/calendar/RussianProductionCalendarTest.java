package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.MOSCOW;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.local;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.msk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped Russian production calendar with the office week 09:00-13:00, 14:00-18:00 in Moscow. */
class RussianProductionCalendarTest {
    private static final BusinessCalendar RU = BusinessCalendars.russianProduction(MOSCOW);

    @Test
    @DisplayName("30 Dec 2025 16:00 + 8h ends on the first working day of 2026 taken from the data")
    void newYearHolidays() {
        YearCalendar y2026 = BusinessCalendars.russianProductionYear(2026).orElseThrow();
        LocalDate firstWorking = LocalDate.of(2026, 1, 1);
        while (y2026.isNonWorking(firstWorking) || firstWorking.getDayOfWeek().getValue() >= 6) {
            firstWorking = firstWorking.plusDays(1);
        }
        assertEquals(LocalDate.of(2026, 1, 12), firstWorking);
        assertTrue(BusinessCalendars.russianProductionYear(2025).orElseThrow().isNonWorking(LocalDate.of(2025, 12, 31)));

        // 2h on 30 Dec (16:00-18:00), 31 Dec and 1-11 Jan off, then 09:00-13:00 and 14:00-16:00
        var due = RU.addWorkingTime(msk("2025-12-30T16:00"), Duration.ofHours(8));
        assertEquals(firstWorking.atTime(16, 0), local(due, MOSCOW));
        assertEquals(Duration.ofHours(8), RU.workingTimeBetween(msk("2025-12-30T16:00"), due));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @DisplayName("deadlines over holidays, transferred days and shortened days")
    @CsvSource({
            // Friday 31 Oct 2025 17:00: 1h, then Saturday 1 Nov is a working day (Monday's hours)
            "2025-10-31T17:00, PT2H, 2025-11-01T10:00",
            // the working Saturday is shortened (ends 17:00), 2-4 Nov off
            "2025-11-01T16:00, PT2H, 2025-11-05T10:00",
            // 30 Apr 2026 ends at 17:00; 1-3 May off
            "2026-04-30T16:00, PT2H, 2026-05-04T10:00",
            // 8 May 2026 shortened, 9-11 May off
            "2026-05-08T16:30, PT1H, 2026-05-12T09:30",
            // 8 Mar 2026 is a Sunday: Monday 9 Mar is off instead
            "2026-03-06T17:00, PT2H, 2026-03-10T10:00",
            // 2025: Sat 8 Mar moved to Fri 13 Jun: 11 Jun shortened, 12-15 Jun off
            "2025-06-11T16:00, PT2H, 2025-06-16T10:00",
            // request in the middle of the New Year break
            "2026-01-05T12:00, PT0S, 2026-01-12T09:00",
            "2026-01-05T12:00, PT8H, 2026-01-12T18:00",
            // 9 Jan 2026 (Friday) is off: moved from Saturday 3 Jan
            "2026-01-08T23:00, PT1H, 2026-01-12T10:00",
            // 31 Dec 2026 is off (moved from Sunday 4 Jan); January 2027 holidays follow
            "2026-12-30T17:00, PT2H, 2027-01-11T10:00",
    })
    void deadlines(LocalDateTime start, Duration amount, LocalDateTime expected) {
        var due = RU.addWorkingTime(start.atZone(MOSCOW).toInstant(), amount);
        assertEquals(expected, local(due, MOSCOW));
        assertEquals(amount, RU.workingTimeBetween(start.atZone(MOSCOW).toInstant(), due));
    }

    @ParameterizedTest(name = "[{index}] {0} working: {1}")
    @DisplayName("working weekend days count, weekdays made days off do not, shortened days end an hour early")
    @CsvSource({
            // 2025 decree No 1335: Sat 1 Nov worked with Monday's hours, shortened
            "2025-11-01T10:00, true",
            "2025-11-01T16:59, true",
            "2025-11-01T17:00, false",
            "2025-11-03T10:00, false",
            "2025-11-04T10:00, false",
            "2025-11-05T10:00, true",
            // weekdays made days off
            "2025-05-02T10:00, false",
            "2025-05-08T10:00, false",
            "2025-06-13T10:00, false",
            "2025-12-31T10:00, false",
            "2026-01-09T10:00, false",
            "2026-03-09T10:00, false",
            "2026-05-11T10:00, false",
            "2026-12-31T10:00, false",
            // holidays on weekdays
            "2026-02-23T10:00, false",
            "2026-06-12T10:00, false",
            "2026-11-04T10:00, false",
            // ordinary days around them
            "2026-02-24T10:00, true",
            "2026-11-05T10:00, true",
            // an ordinary weekend
            "2026-03-14T10:00, false",
            // shortened pre-holiday days end at 17:00 instead of 18:00
            "2025-03-07T16:59, true",
            "2025-03-07T17:00, false",
            "2025-04-30T17:30, false",
            "2026-04-30T16:30, true",
            "2026-04-30T17:00, false",
            "2026-05-08T17:00, false",
            "2026-06-11T17:00, false",
            "2026-11-03T16:59, true",
            "2026-11-03T17:00, false",
            // the day before is a full day
            "2026-04-29T17:30, true",
            "2026-11-02T17:30, true",
            // lunch
            "2026-04-29T13:30, false",
    })
    void workingTime(LocalDateTime t, boolean working) {
        assertEquals(working, RU.isWorkingTime(t.atZone(MOSCOW).toInstant()));
    }

    @ParameterizedTest(name = "[{index}] {0}: {1} working days, {2} hours")
    @DisplayName("year totals of a 40-hour week match the published production calendar")
    @CsvSource({
            "2025, 247, 1972",
            "2026, 247, 1972",
            // provisional: no decree yet, Labour Code rules only (see 2027.yaml)
            "2027, 249, 1987",
    })
    void yearTotals(int year, int workingDays, long hours) {
        assertEquals(workingDays, workingDays(RU, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
        assertEquals(Duration.ofHours(hours), RU.workingTimeBetween(msk(year + "-01-01T00:00"),
                msk((year + 1) + "-01-01T00:00")));
    }

    @ParameterizedTest(name = "[{index}] 2026 from {0}: {1} hours")
    @DisplayName("2026 quarter norms of a 40-hour week")
    @CsvSource({
            "2026-01-01, 2026-04-01, 440",
            "2026-04-01, 2026-07-01, 493",
            "2026-07-01, 2026-10-01, 528",
            "2026-10-01, 2027-01-01, 511",
    })
    void quarters2026(LocalDate from, LocalDate to, long hours) {
        assertEquals(Duration.ofHours(hours), RU.workingTimeBetween(from.atStartOfDay(MOSCOW).toInstant(),
                to.atStartOfDay(MOSCOW).toInstant()));
    }

    private static int workingDays(BusinessCalendar calendar, LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (!calendar.workingTimeBetween(d.atStartOfDay(MOSCOW).toInstant(),
                    d.plusDays(1).atStartOfDay(MOSCOW).toInstant()).isZero()) {
                days++;
            }
        }
        return days;
    }

    @Test
    @DisplayName("the shipped years and their status")
    void shippedYears() {
        assertEquals(Set.of(2025, 2026, 2027), BusinessCalendars.russianProductionYears());
        assertFalse(BusinessCalendars.russianProductionYear(2025).orElseThrow().provisional());
        assertFalse(BusinessCalendars.russianProductionYear(2026).orElseThrow().provisional());
        assertTrue(BusinessCalendars.russianProductionYear(2027).orElseThrow().provisional());
        assertTrue(BusinessCalendars.russianProductionYear(2025).orElseThrow().source().contains("1335"));
        assertTrue(BusinessCalendars.russianProductionYear(2026).orElseThrow().source().contains("1466"));
        assertTrue(BusinessCalendars.russianProductionYear(2030).isEmpty());
    }

    static Stream<Integer> shippedYearNumbers() {
        return BusinessCalendars.russianProductionYears().stream();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("shippedYearNumbers")
    @DisplayName("each shipped year is consistent: the federal holidays, days off on weekdays, "
            + "working days on weekends, shortened days that are worked")
    void shippedDataConsistent(int year) {
        YearCalendar data = BusinessCalendars.russianProductionYear(year).orElseThrow();
        SortedSet<LocalDate> federal = new TreeSet<>();
        for (MonthDay md : RussianProductionData.FIXED_HOLIDAYS) {
            federal.add(md.atYear(year));
        }
        assertEquals(federal, data.holidays());
        for (LocalDate d : data.daysOff()) {
            assertTrue(d.getDayOfWeek().getValue() <= 5, d + " is a day off but already a weekend day");
        }
        data.workingWeekendDays().forEach((d, hoursOf) -> {
            assertTrue(d.getDayOfWeek().getValue() >= 6, d + " is a working weekend day but not on a weekend");
            assertTrue(hoursOf.getValue() <= 5, d + " takes the hours of a weekend day");
        });
        for (LocalDate d : data.shortenedDays()) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            assertFalse(weekend && !data.workingWeekendDays().containsKey(d), d + " is shortened but not worked");
            assertEquals(Duration.ofHours(7), RU.workingTimeBetween(d.atStartOfDay(MOSCOW).toInstant(),
                    d.plusDays(1).atStartOfDay(MOSCOW).toInstant()), d + " is not a 7-hour day");
        }
    }

    @ParameterizedTest(name = "[{index}] {0} working: {1}")
    @DisplayName("a year without data falls back to the weekly hours plus the fixed federal holidays")
    @CsvSource({
            "2030-01-08T10:00, false",
            "2030-01-09T10:00, true",
            "2030-02-22T17:30, true",
            "2030-03-08T10:00, false",
            "2030-05-01T10:00, false",
            "2030-05-09T10:00, false",
            "2030-06-12T10:00, false",
            "2030-11-04T10:00, false",
            "2030-11-05T10:00, true",
            "2030-12-31T10:00, true",
            "2024-12-31T10:00, true",
    })
    void fallbackYears(LocalDateTime t, boolean working) {
        assertEquals(working, RU.isWorkingTime(t.atZone(MOSCOW).toInstant()));
    }

    @Test
    @DisplayName("a fallback year has 261 weekdays minus the federal holidays on weekdays, and no short days")
    void fallbackYearTotal() {
        // 2030: 261 weekdays; 1-4, 7, 8 Jan, 8 Mar, 1 May, 9 May, 12 Jun, 4 Nov fall on weekdays
        assertEquals(250, workingDays(RU, LocalDate.of(2030, 1, 1), LocalDate.of(2031, 1, 1)));
        assertEquals(Duration.ofHours(2000), RU.workingTimeBetween(msk("2030-01-01T00:00"), msk("2031-01-01T00:00")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"Europe/Moscow", "Asia/Yekaterinburg", "Asia/Vladivostok", "Europe/Kaliningrad"})
    @DisplayName("dates are read in the calendar's zone: 12 Jan 2026 09:00 local is the first working moment")
    void localDates(String zoneName) {
        var zone = java.time.ZoneId.of(zoneName);
        BusinessCalendar calendar = BusinessCalendars.russianProduction("ru", zone, WeeklyHours.officeHours());
        var due = calendar.addWorkingTime(CalendarTestSupport.at("2025-12-31T12:00", zone), Duration.ZERO);
        assertEquals(LocalDateTime.parse("2026-01-12T09:00"), local(due, zone));
    }
}
