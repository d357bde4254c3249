package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One task of a work plan as the engine keeps it on the request (D/01.7).
 *
 * @param key         its key within the plan
 * @param executor    the specialist who does it
 * @param description what to do
 * @param workingTime the working time allowed from approval, if the deadline was given so
 * @param due         its deadline: the fixed one, or the one worked out on approval; empty until approved
 *                    when given as working time
 * @param dependsOn   keys of tasks to finish first
 * @param approved    whether the group lead approved it as it stands (a changed task needs approval again;
 *                    an unchanged one stays approved and its executor keeps working on it)
 * @param status      open or done
 * @param doneAt      when its executor marked it done
 * @param doneNote    what its executor wrote on marking it done
 */
public record PlanTask(String key, SpecialistId executor, String description, Optional<Duration> workingTime,
                       Optional<Instant> due, List<String> dependsOn, boolean approved, TaskStatus status,
                       Optional<Instant> doneAt, Optional<String> doneNote) {
    /**
     * Checks the required parts and copies the list.
     *
     * @param key         its key
     * @param executor    who does it
     * @param description what to do
     * @param workingTime working time allowed, if given so
     * @param due         its deadline, if known
     * @param dependsOn   keys of tasks to finish first
     * @param approved    whether approved as it stands
     * @param status      open or done
     * @param doneAt      when marked done
     * @param doneNote    the note on marking it done
     */
    public PlanTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        workingTime = workingTime == null ? Optional.empty() : workingTime;
        due = due == null ? Optional.empty() : due;
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        doneAt = doneAt == null ? Optional.empty() : doneAt;
        doneNote = doneNote == null ? Optional.empty() : doneNote;
    }

    /** @return whether the task is done */
    public boolean isDone() {
        return status == TaskStatus.DONE;
    }

    /**
     * Whether a draft describes this task unchanged: same executor, description, deadline and dependencies.
     *
     * @param draft the draft
     * @return true when nothing the group lead approved differs
     */
    public boolean sameAs(TaskDraft draft) {
        return key.equals(draft.key()) && executor.equals(draft.executor()) && description.equals(draft.description())
                && workingTime.equals(draft.workingTime())
                && (draft.due().isEmpty() || due.equals(draft.due()))
                && dependsOn.equals(List.copyOf(draft.dependsOn()));
    }
}
