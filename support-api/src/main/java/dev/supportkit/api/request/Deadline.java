package dev.supportkit.api.request;

import java.time.Duration;
import java.time.Instant;

/**
 * One service-level deadline of a request, counted in the working time of a business calendar.
 *
 * @param kind        which deadline
 * @param state       where it stands
 * @param calendar    the business calendar it is counted in
 * @param startedAt   when it started
 * @param target      the working time allowed
 * @param dueAt       when it is due; while paused, when it was due at the moment of pausing
 * @param remaining   working time left when it was paused; zero otherwise
 * @param pausedAt    when the current pause began, or null
 * @param pausedTotal wall-clock time spent paused so far
 * @param metAt       when it was met, or null
 */
public record Deadline(DeadlineKind kind, DeadlineState state, String calendar, Instant startedAt, Duration target,
                       Instant dueAt, Duration remaining, Instant pausedAt, Duration pausedTotal, Instant metAt) {
}
