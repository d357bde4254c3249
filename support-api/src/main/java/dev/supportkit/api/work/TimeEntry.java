package dev.supportkit.api.work;

import dev.supportkit.api.journal.LaborFunction;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Time a specialist spent on a request, to record.
 *
 * @param spent    how long: whole seconds, more than zero and at most {@link #MAX}
 * @param function the labour function the time went to (e.g. {@link LaborFunction#C_03_6})
 * @param task     the task it went to, if any (at most 200 characters, one line)
 * @param note     what was done (at most 1,000 characters), possibly empty
 */
public record TimeEntry(Duration spent, LaborFunction function, Optional<String> task, String note) {
    /** The most one entry may record. */
    public static final Duration MAX = Duration.ofHours(24);

    /**
     * Checks that the parts are present; the service checks their values.
     *
     * @param spent    how long
     * @param function the labour function
     * @param task     the task, if any
     * @param note     what was done
     */
    public TimeEntry {
        Objects.requireNonNull(task, "task");
        note = note == null ? "" : note;
    }

    /**
     * An entry without a task.
     *
     * @param spent    how long
     * @param function the labour function
     * @param note     what was done
     * @return the entry
     */
    public static TimeEntry of(Duration spent, LaborFunction function, String note) {
        return new TimeEntry(spent, function, Optional.empty(), note);
    }
}
