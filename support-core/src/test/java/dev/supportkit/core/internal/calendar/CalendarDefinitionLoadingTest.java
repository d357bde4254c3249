package dev.supportkit.core.internal.calendar;

import static dev.supportkit.core.internal.calendar.CalendarTestSupport.MOSCOW;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.YEKATERINBURG;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.at;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.load;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.local;
import static dev.supportkit.core.internal.calendar.CalendarTestSupport.msk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A vendor's own calendar definitions in YAML or JSON, and every problem of a bad one at once. */
class CalendarDefinitionLoadingTest {
    static final String ACME = """
            # Acme's support desks
            calendars:
              - id: acme-support
                description: Acme first line, on the Russian production calendar
                zone: Europe/Moscow
                base: ru-production
                weeklyHours:
                  weekdays: [09:00-13:00, 14:00-18:00]
                  friday: 09:00-13:00, 14:00-16:45
                  saturday: 10:00-14:00
                shortenedBy: PT1H
                workingWeekendHoursOf: monday
                holidays: [2026-12-30, 2027-01-11..2027-01-12]
                daysOff: [2026-08-14]
                annualHolidays: [03-15]
                workingWeekendDays:
                  - 2026-12-27
                  - {date: 2026-05-09, hoursOf: friday}
                shortenedDays: [2026-12-29]
              - id: night-desk
                zone: Asia/Yekaterinburg
                weeklyHours:
                  everyDay: ["00:00-06:00", "22:00-24:00"]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "[{index}] {0} working: {1}")
    @DisplayName("a custom calendar on top of ru-production: own hours, own dates winning over the shipped data")
    @CsvSource({
            // own weekly hours: Saturday 10-14, Friday until 16:45
            "2026-03-14T11:00, true",
            "2026-03-14T09:30, false",
            "2026-03-13T16:40, true",
            "2026-03-13T16:50, false",
            // own holidays, ranges, days off, annual holidays
            "2026-12-30T10:00, false",
            "2027-01-11T10:00, false",
            "2027-01-12T10:00, false",
            "2027-01-13T10:00, true",
            "2026-08-14T10:00, false",
            "2027-03-15T10:00, false",
            "2030-03-15T10:00, false",
            // own working weekend days: Sunday with Monday's hours; the 9 May holiday with Friday's
            "2026-12-27T17:30, true",
            "2026-05-09T09:30, true",
            "2026-05-09T16:50, false",
            // own shortened day
            "2026-12-29T16:30, true",
            "2026-12-29T17:30, false",
            // shipped data still applies
            "2026-01-09T10:00, false",
            "2026-05-11T10:00, false",
            "2026-04-30T17:30, false",
            "2026-05-08T15:40, true",
            "2026-05-08T15:50, false",
            "2026-03-07T11:00, true",
            "2026-03-09T11:00, false",
            // the shipped working Saturday 1 Nov 2025 takes Monday's hours, shortened
            "2025-11-01T09:30, true",
            "2025-11-01T16:30, true",
            "2025-11-01T17:00, false",
    })
    void acmeSupport(LocalDateTime t, boolean working) throws Exception {
        BusinessCalendar acme = load(ACME, "acme.yaml").get("acme-support");
        assertEquals(working, acme.isWorkingTime(t.atZone(MOSCOW).toInstant()));
    }

    @Test
    @DisplayName("deadlines in a loaded calendar; a second calendar in the same file")
    void deadlinesAndRegistry() throws Exception {
        BusinessCalendars calendars = load(ACME, "acme.yaml");
        assertEquals(List.of("acme-support", "night-desk"), List.copyOf(calendars.ids()));
        assertEquals(2, calendars.size());
        BusinessCalendar acme = calendars.get("acme-support");
        assertEquals(MOSCOW, acme.zone());
        // 29 Dec shortened (1h left), 30 Dec own holiday, 31 Dec - 8 Jan off, Saturday 9 Jan 2027 10:00-14:00
        assertEquals(LocalDateTime.parse("2027-01-09T11:00"),
                local(acme.addWorkingTime(msk("2026-12-29T16:00"), Duration.ofHours(2)), MOSCOW));

        BusinessCalendar night = calendars.find("night-desk").orElseThrow();
        assertEquals(YEKATERINBURG, night.zone());
        assertTrue(night.isWorkingTime(at("2026-01-01T03:00", YEKATERINBURG)));
        assertTrue(night.isWorkingTime(at("2026-03-10T23:00", YEKATERINBURG)));
        assertEquals(Duration.ofHours(8), night.workingTimeBetween(at("2026-03-10T00:00", YEKATERINBURG),
                at("2026-03-11T00:00", YEKATERINBURG)));
        assertEquals(LocalDateTime.parse("2026-03-11T01:00"),
                local(night.addWorkingTime(at("2026-03-10T12:00", YEKATERINBURG), Duration.ofHours(3)), YEKATERINBURG));

        assertTrue(calendars.find("nope").isEmpty());
        assertThrows(NoSuchElementException.class, () -> calendars.get("nope"));
        BusinessCalendars all = calendars.plus(BusinessCalendars.of(BusinessCalendars.twentyFourSeven(MOSCOW)));
        assertEquals(Set.of("acme-support", "night-desk", "24x7"), all.ids());
        assertThrows(IllegalArgumentException.class, () -> all.plus(calendars));
    }

    @Test
    @DisplayName("the same calendar from a JSON file and from a single-calendar YAML file on disk")
    void jsonAndPath() throws Exception {
        Path json = Files.writeString(dir.resolve("night.json"), """
                {"calendars": [{
                  "id": "night-desk",
                  "zone": "Asia/Yekaterinburg",
                  "weeklyHours": {"everyDay": ["00:00-06:00", "22:00-24:00"]},
                  "holidays": ["2026-03-10"]
                }]}
                """);
        Path yaml = Files.writeString(dir.resolve("night.yml"), """
                id: night-desk
                zone: Asia/Yekaterinburg
                weeklyHours:
                  everyDay: 00:00-06:00, 22:00-24:00
                holidays: 2026-03-10
                """);
        for (Path file : List.of(json, yaml)) {
            BusinessCalendar night = BusinessCalendars.load(file).get("night-desk");
            assertEquals(Duration.ofHours(8), night.workingTimeBetween(at("2026-03-09T00:00", YEKATERINBURG),
                    at("2026-03-10T00:00", YEKATERINBURG)), file.toString());
            assertEquals(Duration.ZERO, night.workingTimeBetween(at("2026-03-10T00:00", YEKATERINBURG),
                    at("2026-03-11T00:00", YEKATERINBURG)), file.toString());
        }
    }

    static final String BAD = """
            calendars:
              - id: "bad id!"
                zone: Europe/Mosco
                base: us-federal
                colour: blue
                weeklyHours:
                  monday: [18:00-09:00]
                  tuesday: [09:00-13:00, 12:00-18:00]
                  funday: 09:00-18:00
                shortenedBy: one hour
                workingWeekendHoursOf: someday
                holidays: [2026-02-30, 2026-03-10..2026-03-01, 2026-05-01]
                workingWeekendDays:
                  - {date: 2026-05-01, hoursOf: friday}
                  - {hoursOf: monday}
                  - {date: 2026-05-02, hoursOf: caturday}
                shortenedDays: [2026-13-01]
                annualHolidays: [02-30]
              - zone: Europe/Moscow
                weeklyHours: {weekdays: "09:00-18:00"}
              - id: third
                zone: UTC
                weeklyHours: {saturday: off, sunday: []}
              - id: fourth
                zone: UTC
                weeklyHours: {tuesday: "09:00-18:00"}
                workingWeekendDays: [2026-03-07]
                shortenedDays: [2026-03-09]
                holidays: [2026-03-09]
              - id: fourth
                zone: UTC
                weeklyHours: {weekdays: "09:00-18:00"}
            """;

    @Test
    @DisplayName("every problem of a bad definition is reported together, each with its field path")
    void everyProblemAtOnce() {
        CalendarDefinitionException e = assertThrows(CalendarDefinitionException.class, () -> load(BAD, "bad.yaml"));
        assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals("bad.yaml", e.source());
        List<String> expected = List.of(
                "calendars[0].colour: unknown key",
                "calendars[0].id: 'bad id!' must be 1 to 64 letters",
                "calendars[0].zone: 'Europe/Mosco' is not a time zone",
                "calendars[0].base: unknown base 'us-federal'",
                "calendars[0].weeklyHours.funday: unknown key",
                "calendars[0].weeklyHours.monday[0]: the end 09:00 is not after the start 18:00",
                "calendars[0].weeklyHours.tuesday: intervals 09:00-13:00 and 12:00-18:00 overlap",
                "calendars[0].shortenedBy: 'one hour' is not an ISO-8601 duration",
                "calendars[0].workingWeekendHoursOf: 'someday' is not a day of the week",
                "calendars[0].holidays[0]: '2026-02-30' is not a date",
                "calendars[0].holidays[1]: the range '2026-03-10..2026-03-01' ends before it starts",
                "calendars[0].workingWeekendDays[0].date: 2026-05-01 is also a day off at calendars[0].holidays[2]",
                "calendars[0].workingWeekendDays[1].date: is required",
                "calendars[0].workingWeekendDays[2].hoursOf: 'caturday' is not a day of the week",
                "calendars[0].shortenedDays[0]: '2026-13-01' is not a date",
                "calendars[0].annualHolidays[0]: '02-30' is not a month and day",
                "calendars[1].id: is required",
                "calendars[2].weeklyHours: weekly hours need working time on at least one day",
                "calendars[3].workingWeekendDays[0]: would be worked with the hours of monday, which has none",
                "calendars[3].shortenedDays[0]: 2026-03-09 cannot be shortened: it is a day off at calendars[3].holidays[0]",
                "calendars[4].id: 'fourth' is already the id of calendars[3]");
        List<String> missing = new ArrayList<>();
        for (String problem : expected) {
            if (e.problems().stream().noneMatch(p -> p.startsWith(problem))) {
                missing.add(problem);
            }
        }
        assertEquals(List.of(), missing, "reported: " + String.join("\n", e.problems()));
        assertEquals(expected.size(), e.problems().size(), "reported: " + String.join("\n", e.problems()));
        for (String problem : e.problems()) {
            assertTrue(e.getMessage().contains(problem), e.getMessage());
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @DisplayName("syntax errors, duplicate keys and empty files are definition problems with a location")
    @CsvSource(delimiter = '|', value = {
            "broken.yaml | 'id: x\\nzone: [unclosed\\n' | (line ",
            "broken.json | '{\"id\": \"x\", }' | (line 1, column ",
            "dupes.yaml  | 'id: x\\nid: y\\nzone: UTC\\nweeklyHours: {weekdays: 09:00-18:00}\\n' | id: duplicate key",
            "dupes.json  | '{\"id\": \"x\", \"id\": \"y\"}' | (line 1, column ",
            "empty.yaml  | '' | (document): is empty",
            "scalar.yaml | 'just text' | (document): must be a calendar definition",
            "list.yaml   | 'calendars: []' | calendars: holds no calendar definition",
            "extra.yaml  | 'calendars: [{id: a, zone: UTC, weeklyHours: {weekdays: 09:00-18:00}}]\\nzone: UTC' | zone: unknown key",
    })
    void syntax(String name, String text, String expected) {
        CalendarDefinitionException e = assertThrows(CalendarDefinitionException.class,
                () -> load(text.replace("\\n", "\n"), name.trim()));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected.trim())), e.getMessage());
    }

    @Test
    @DisplayName("plain YAML scalars stay text: 18:00 is not a sexagesimal number, no/yes are not booleans")
    void noImplicitTyping() throws Exception {
        BusinessCalendar c = load("""
                id: no
                zone: UTC
                weeklyHours:
                  monday: 10:00-18:00
                  tuesday: [ 9:00-18:00 ]
                """, "typing.yaml").get("no");
        assertEquals(Duration.ofHours(17), c.workingTimeBetween(at("2026-03-16T00:00", java.time.ZoneOffset.UTC),
                at("2026-03-18T00:00", java.time.ZoneOffset.UTC)));
    }
}
