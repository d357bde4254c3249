package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SpecialistId;
import java.time.Instant;

/**
 * A deadline a group lead sets for one responsible executor of a request (D/01.7). When it passes
 * and the request is still not resolved, the engine journals the missed deadline and notifies the
 * executor.
 *
 * @param executor the responsible specialist; required, a second-line engineer or group lead
 * @param due      when the task must be done; required, in the future
 * @param task     what the executor must do; required, at most 500 characters
 */
public record ExecutorDeadline(SpecialistId executor, Instant due, String task) {
}
