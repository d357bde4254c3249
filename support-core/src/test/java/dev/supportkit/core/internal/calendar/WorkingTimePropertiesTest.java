package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.BERLIN;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.MOSCOW;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.YEKATERINBURG;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.interval;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.msk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties checked over many seeded random starts and amounts. */
class WorkingTimePropertiesTest {
    private static final Instant FROM = Instant.parse("2024-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2028-02-01T00:00:00Z");
    private static final int SAMPLES = 1_500;

    static Stream<Arguments> calendars() {
        return Stream.of(
                Arguments.of(BusinessCalendars.russianProduction(MOSCOW)),
                Arguments.of(BusinessCalendars.russianProduction("ru-yekt", YEKATERINBURG,
                        WeeklyHours.mondayToFriday(interval("08:30-17:30")))),
                Arguments.of(BusinessCalendars.weekly("berlin-6-days", BERLIN, WeeklyHours.of(Map.of(
                        DayOfWeek.MONDAY, java.util.List.of(interval("09:00-12:00"), interval("12:45-18:00")),
                        DayOfWeek.TUESDAY, java.util.List.of(interval("00:00-24:00")),
                        DayOfWeek.WEDNESDAY, java.util.List.of(interval("09:00-18:00")),
                        DayOfWeek.SUNDAY, java.util.List.of(interval("01:30-03:30"), interval("22:00-24:00")),
                        DayOfWeek.SATURDAY, java.util.List.of(interval("10:00-14:00")))))),
                Arguments.of(BusinessCalendars.weekly("berlin-all-day", BERLIN, WeeklyHours.allDayEveryDay())),
                Arguments.of(BusinessCalendars.twentyFourSeven(MOSCOW)),
                Arguments.of(custom()));
    }

    private static BusinessCalendar custom() {
        try {
            return CalendarTestSupport.load("""
                    id: custom
                    zone: Europe/Berlin
                    base: ru-production
                    weeklyHours: {weekdays: "08:00-12:00, 13:00-17:00", saturday: "10:00-12:00"}
                    shortenedBy: PT90M
                    holidays: [2026-03-02..2026-03-06]
                    workingWeekendDays: [{date: 2026-03-08, hoursOf: friday}]
                    shortenedDays: [2026-03-10]
                    annualHolidays: [12-24]
                    """, "custom.yaml").get("custom");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant randomInstant(Random random) {
        long span = TO.getEpochSecond() - FROM.getEpochSecond();
        Instant t = FROM.plusSeconds((long) (random.nextDouble() * span));
        // a quarter of the starts fall on a whole hour, where interval boundaries are
        return random.nextInt(4) == 0 ? t.minusSeconds(t.getEpochSecond() % 3600) : t.plusNanos(random.nextInt(1000));
    }

    private static Duration randomAmount(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> Duration.ZERO;
            case 1 -> Duration.ofMinutes(random.nextInt(600));
            case 2 -> Duration.ofHours(1 + random.nextInt(8));
            case 3 -> Duration.ofSeconds(random.nextInt(400 * 3600)).plusNanos(random.nextInt(1_000_000_000));
            default -> Duration.ofMinutes(random.nextInt(60 * 24 * 30));
        };
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calendars")
    @DisplayName("workingTimeBetween(s, addWorkingTime(s, d)) == d, and the deadline is as early as possible")
    void inverse(BusinessCalendar calendar) {
        Random random = new Random(20_251_230L);
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Duration amount = randomAmount(random);
            Instant due = calendar.addWorkingTime(start, amount);
            String sample = calendar.id() + " sample " + i + ": " + start + " + " + amount + " = " + due;
            assertFalse(due.isBefore(start), sample);
            assertEquals(amount, calendar.workingTimeBetween(start, due), sample);
            if (amount.isZero()) {
                assertTrue(calendar.isWorkingTime(due), sample);
                assertEquals(Duration.ZERO, calendar.workingTimeBetween(start, due), sample);
                assertEquals(calendar.isWorkingTime(start), due.equals(start), sample);
            } else {
                // the last nanosecond before the deadline is working time: it is not later than needed
                assertTrue(calendar.isWorkingTime(due.minusNanos(1)), sample);
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("calendars")
    @DisplayName("adding in two steps equals adding the sum; working time never exceeds elapsed time")
    void additive(BusinessCalendar calendar) {
        Random random = new Random(4_112_026L);
        for (int i = 0; i < SAMPLES / 3; i++) {
            Instant start = randomInstant(random);
            Duration first = randomAmount(random);
            Duration second = randomAmount(random).plusNanos(1);
            String sample = calendar.id() + " sample " + i + ": " + start + " + " + first + " + " + second;
            assertEquals(calendar.addWorkingTime(start, first.plus(second)),
                    calendar.addWorkingTime(calendar.addWorkingTime(start, first), second), sample);

            Instant other = randomInstant(random);
            Duration working = calendar.workingTimeBetween(start, other);
            Duration elapsed = Duration.between(start, other);
            assertTrue(working.compareTo(elapsed.isNegative() ? Duration.ZERO : elapsed) <= 0, sample);
            if (!working.isZero()) {
                Instant back = calendar.addWorkingTime(start, working);
                assertFalse(back.isAfter(other), sample);
            }
        }
    }

    @Test
    @DisplayName("24x7 is plain Duration arithmetic, in any zone and across DST")
    void twentyFourSevenEquivalence() {
        Random random = new Random(24L * 7);
        BusinessCalendar moscow = BusinessCalendars.twentyFourSeven(MOSCOW);
        BusinessCalendar berlin = BusinessCalendars.twentyFourSeven(BERLIN);
        BusinessCalendar allDayBerlin = BusinessCalendars.weekly("all-day", BERLIN, WeeklyHours.allDayEveryDay());
        for (int i = 0; i < SAMPLES; i++) {
            Instant start = randomInstant(random);
            Instant other = randomInstant(random);
            Duration amount = randomAmount(random);
            Duration elapsed = Duration.between(start, other);
            Duration expected = elapsed.isNegative() ? Duration.ZERO : elapsed;
            for (BusinessCalendar calendar : java.util.List.of(moscow, berlin, allDayBerlin)) {
                String sample = calendar + " sample " + i;
                assertEquals(start.plus(amount), calendar.addWorkingTime(start, amount), sample);
                assertEquals(expected, calendar.workingTimeBetween(start, other), sample);
                assertTrue(calendar.isWorkingTime(start), sample);
            }
        }
    }

    @Test
    @DisplayName("20,000 deadlines of two working weeks to a working month are computed day by day, not minute by minute")
    void performance() {
        BusinessCalendar calendar = BusinessCalendars.russianProduction(MOSCOW);
        Random random = new Random(7L);
        Instant base = msk("2025-01-01T00:00");
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            long checksum = 0;
            for (int i = 0; i < 20_000; i++) {
                Instant start = base.plusSeconds(random.nextInt(3 * 365 * 24 * 3600));
                Duration amount = Duration.ofHours(80 + random.nextInt(96));
                checksum += calendar.addWorkingTime(start, amount).getEpochSecond() % 7;
            }
            assertTrue(checksum >= 0);
        });
    }
}
