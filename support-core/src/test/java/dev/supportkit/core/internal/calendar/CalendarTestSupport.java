package dev.supportkit.core.internal.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/** Shared zones, calendars and helpers of the calendar tests. */
final class CalendarTestSupport {
    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId YEKATERINBURG = ZoneId.of("Asia/Yekaterinburg");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private CalendarTestSupport() {
    }

    /** A local date-time in a zone as an instant. */
    static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    /** A Moscow local date-time as an instant. */
    static Instant msk(String localDateTime) {
        return at(localDateTime, MOSCOW);
    }

    /** An instant as a local date-time in a zone. */
    static LocalDateTime local(Instant t, ZoneId zone) {
        return LocalDateTime.ofInstant(t, zone);
    }

    static WorkingInterval interval(String text) {
        return WorkingInterval.parse(text);
    }

    static LocalTime time(String text) {
        return LocalTime.parse(text);
    }

    /** Monday to Friday 09:00-18:00 in Moscow, no holidays. */
    static BusinessCalendar nineToSix(ZoneId zone) {
        return BusinessCalendars.weekly("9-18", zone, WeeklyHours.mondayToFriday(interval("09:00-18:00")));
    }

    static BusinessCalendars load(String text, String name) throws IOException {
        return BusinessCalendars.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }
}
