package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.BERLIN;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.MOSCOW;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.YEKATERINBURG;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.at;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.interval;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Local hours are read in the calendar's zone; durations are elapsed time across DST changes. */
class TimeZoneTest {
    private static final BusinessCalendar RU_MOSCOW = BusinessCalendars.russianProduction("ru-msk", MOSCOW,
            WeeklyHours.officeHours());
    private static final BusinessCalendar RU_YEKATERINBURG = BusinessCalendars.russianProduction("ru-yekt",
            YEKATERINBURG, WeeklyHours.officeHours());
    /** Europe/Berlin, Monday to Friday 09:00-18:00; DST starts 29 Mar 2026 and ends 25 Oct 2026 (Sundays). */
    private static final BusinessCalendar BERLIN_9_18 = CalendarTestSupport.nineToSix(BERLIN);
    private static final BusinessCalendar BERLIN_24X7 = BusinessCalendars.twentyFourSeven(BERLIN);
    private static final BusinessCalendar BERLIN_ALL_DAY = BusinessCalendars.weekly("all-day", BERLIN,
            WeeklyHours.allDayEveryDay());

    @ParameterizedTest(name = "[{index}] {0}: Yekaterinburg {1}, Moscow {2}")
    @DisplayName("the same instant is working time in one zone and not in the other")
    @CsvSource({
            // 09:30 in Yekaterinburg (UTC+5) is 07:30 in Moscow (UTC+3)
            "2026-03-10T04:30:00Z, true,  false",
            // 18:30 in Yekaterinburg is 16:30 in Moscow
            "2026-03-10T13:30:00Z, false, true",
            // 12 Jan 2026, first working day: 09:30 vs 07:30
            "2026-01-12T04:30:00Z, true,  false",
            // 13:30 vs 11:30: lunch in Yekaterinburg only
            "2026-03-10T08:30:00Z, false, true",
            // Friday 6 Mar 2026 17:30 Moscow is 19:30 in Yekaterinburg
            "2026-03-06T14:30:00Z, false, true",
    })
    void sameInstantTwoZones(Instant t, boolean yekaterinburg, boolean moscow) {
        assertEquals(yekaterinburg, RU_YEKATERINBURG.isWorkingTime(t));
        assertEquals(moscow, RU_MOSCOW.isWorkingTime(t));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1}: Yekaterinburg {2}, Moscow {3}")
    @DisplayName("the same start and amount give deadlines two hours apart")
    @CsvSource({
            // 08:00 YEKT / 06:00 MSK: counting starts at 09:00 local
            "2026-03-10T03:00:00Z, PT1H, 2026-03-10T05:00:00Z, 2026-03-10T07:00:00Z",
            // Friday 16:00 YEKT / 14:00 MSK + 4h: YEKT works 2h Fri, 2h on Tue 10 Mar (Mon 9 Mar off)
            "2026-03-06T11:00:00Z, PT4H, 2026-03-10T06:00:00Z, 2026-03-06T15:00:00Z",
            // 30 Dec 2025 16:00 YEKT / 14:00 MSK + 8h
            "2025-12-30T11:00:00Z, PT8H, 2026-01-12T11:00:00Z, 2026-01-12T10:00:00Z",
    })
    void deadlinesTwoZones(Instant start, Duration amount, Instant yekaterinburg, Instant moscow) {
        assertEquals(yekaterinburg, RU_YEKATERINBURG.addWorkingTime(start, amount));
        assertEquals(moscow, RU_MOSCOW.addWorkingTime(start, amount));
    }

    @ParameterizedTest(name = "[{index}] [{0}, {1}): Yekaterinburg {2}, Moscow {3}")
    @DisplayName("working time between the same two instants differs by zone")
    @CsvSource({
            // 11:00-15:00 YEKT = 3h (lunch); 09:00-13:00 MSK = 4h
            "2026-03-10T06:00:00Z, 2026-03-10T10:00:00Z, PT3H, PT4H",
            // a whole UTC day: YEKT 05:00-05:00 and MSK 03:00-03:00 both hold one working day
            "2026-03-10T00:00:00Z, 2026-03-11T00:00:00Z, PT8H, PT8H",
    })
    void betweenTwoZones(Instant from, Instant to, Duration yekaterinburg, Duration moscow) {
        assertEquals(yekaterinburg, RU_YEKATERINBURG.workingTimeBetween(from, to));
        assertEquals(moscow, RU_MOSCOW.workingTimeBetween(from, to));
    }

    static Stream<Arguments> roundTheClock() {
        return Stream.of(Arguments.of(BERLIN_24X7), Arguments.of(BERLIN_ALL_DAY));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("roundTheClock")
    @DisplayName("24x7 across the DST changes in Berlin: elapsed time, 23-hour and 25-hour days")
    void roundTheClockAcrossDst(BusinessCalendar calendar) {
        Instant beforeSpring = OffsetDateTime.parse("2026-03-28T23:00+01:00").toInstant();
        Instant due = calendar.addWorkingTime(beforeSpring, Duration.ofHours(5));
        assertEquals(OffsetDateTime.parse("2026-03-29T05:00+02:00").toInstant(), due);
        assertEquals(beforeSpring.plus(Duration.ofHours(5)), due);
        assertEquals(Duration.ofHours(23), calendar.workingTimeBetween(at("2026-03-29T00:00", BERLIN),
                at("2026-03-30T00:00", BERLIN)));
        assertEquals(Duration.ofHours(25), calendar.workingTimeBetween(at("2026-10-25T00:00", BERLIN),
                at("2026-10-26T00:00", BERLIN)));
        Instant beforeAutumn = OffsetDateTime.parse("2026-10-25T01:00+02:00").toInstant();
        assertEquals(OffsetDateTime.parse("2026-10-25T04:00+01:00").toInstant(),
                calendar.addWorkingTime(beforeAutumn, Duration.ofHours(4)));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} = {2}")
    @DisplayName("9-18 in Berlin across the DST weekends: local hours stay 09:00-18:00")
    @CsvSource({
            "2026-03-27T17:00+01:00, PT2H,  2026-03-30T10:00+02:00",
            "2026-03-27T09:00+01:00, PT45H, 2026-04-02T18:00+02:00",
            "2026-10-23T17:00+02:00, PT2H,  2026-10-26T10:00+01:00",
            "2026-10-23T18:00+02:00, PT0S,  2026-10-26T09:00+01:00",
    })
    void nineToSixAcrossDst(OffsetDateTime start, Duration amount, OffsetDateTime expected) {
        assertEquals(expected.toInstant(), BERLIN_9_18.addWorkingTime(start.toInstant(), amount));
    }

    @ParameterizedTest(name = "[{index}] week of {0}")
    @DisplayName("a DST week still holds 45 working hours at 9-18")
    @CsvSource({"2026-03-23T00:00, 2026-03-30T00:00", "2026-10-19T00:00, 2026-10-26T00:00",
            "2026-03-26T00:00, 2026-04-02T00:00"})
    void dstWeek(String from, String to) {
        assertEquals(Duration.ofHours(45), BERLIN_9_18.workingTimeBetween(at(from, BERLIN), at(to, BERLIN)));
    }

    @ParameterizedTest(name = "[{index}] {0} on {1}: {2}")
    @DisplayName("intervals that contain or touch the DST change measure elapsed time")
    @CsvSource({
            // 00:00-06:00 on the spring day is 5 elapsed hours, on the autumn day 7
            "00:00-06:00, 2026-03-29, PT5H",
            "00:00-06:00, 2026-10-25, PT7H",
            // 02:00 does not exist on 29 Mar (it becomes 03:00): 02:00-04:00 is one hour
            "02:00-04:00, 2026-03-29, PT1H",
            // on 25 Oct 02:00 is taken at its first (summer) occurrence: 02:00-04:00 is three hours
            "02:00-04:00, 2026-10-25, PT3H",
            "09:00-18:00, 2026-03-29, PT9H",
    })
    void intervalsAroundDst(String hours, String date, Duration expected) {
        BusinessCalendar calendar = BusinessCalendars.weekly("shift", BERLIN, WeeklyHours.everyDay(interval(hours)));
        Instant dayStart = at(date + "T00:00", BERLIN);
        Instant nextDay = at(java.time.LocalDate.parse(date).plusDays(1) + "T00:00", BERLIN);
        assertEquals(expected, calendar.workingTimeBetween(dayStart, nextDay));
        // one contiguous interval: its working time runs out after exactly the elapsed time
        Instant first = calendar.addWorkingTime(dayStart, Duration.ZERO);
        assertEquals(first.plus(expected), calendar.addWorkingTime(first, expected));
    }
}
