package dev.supportkit.api.directory;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * A daily period in which a person is not to be disturbed: messages due then wait until it ends.
 * A period may pass midnight ({@code 22:00}–{@code 08:00}).
 *
 * @param from when it starts, local time
 * @param to   when it ends, local time; not equal to {@code from}
 * @param zone the person's time zone
 */
public record QuietHours(LocalTime from, LocalTime to, ZoneId zone) {
}
