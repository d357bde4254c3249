package dev.supportkit.api.work;

import java.time.Duration;

/**
 * An executor marks a task of the work plan done (D/01.7), with a note and the time it took; the time is
 * recorded as with {@link WorkService#recordTime}, under C/03.6.
 *
 * @param key   the task's key
 * @param note  what was done (required, at most 1,000 characters)
 * @param spent the time it took: whole seconds, more than zero, at most {@link TimeEntry#MAX}
 */
public record TaskCompletion(String key, String note, Duration spent) {
}
