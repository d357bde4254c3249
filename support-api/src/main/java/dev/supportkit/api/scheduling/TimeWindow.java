package dev.supportkit.api.scheduling;

import java.time.Instant;

/**
 * A window of time, e.g. one a technician is free for a visit.
 *
 * @param start its start
 * @param end   its end, after the start
 */
public record TimeWindow(Instant start, Instant end) {
}
