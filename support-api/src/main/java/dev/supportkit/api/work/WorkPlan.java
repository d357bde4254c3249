package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A request's work plan (D/01.7): ordered tasks, each with its executor and deadline, approved by the lead
 * of the request's group. Kept on the {@link dev.supportkit.api.request.Request} snapshot.
 *
 * @param state      whether every task is approved as it stands
 * @param revision   1 for the first plan, raised by each change
 * @param tasks      the tasks, in the author's order
 * @param approvedBy the group lead who approved it last, if anyone did
 * @param approvedAt when it was approved last
 */
public record WorkPlan(PlanState state, int revision, List<PlanTask> tasks, Optional<SpecialistId> approvedBy,
                       Optional<Instant> approvedAt) {
    /** The most tasks one plan may hold. */
    public static final int MAX_TASKS = 50;

    /**
     * Checks the required parts and copies the list.
     *
     * @param state      the state
     * @param revision   the revision
     * @param tasks      the tasks
     * @param approvedBy the approving lead
     * @param approvedAt when approved
     */
    public WorkPlan {
        Objects.requireNonNull(state, "state");
        tasks = List.copyOf(tasks);
        approvedBy = approvedBy == null ? Optional.empty() : approvedBy;
        approvedAt = approvedAt == null ? Optional.empty() : approvedAt;
    }

    /**
     * @param key a task's key
     * @return the task, if the plan holds it
     */
    public Optional<PlanTask> task(String key) {
        return tasks.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** @return the executors of its tasks, in task order, each once */
    public Set<SpecialistId> executors() {
        Set<SpecialistId> executors = new LinkedHashSet<>();
        tasks.forEach(t -> executors.add(t.executor()));
        return java.util.Collections.unmodifiableSet(executors);
    }

    /** @return whether every task is done */
    public boolean isComplete() {
        return tasks.stream().allMatch(PlanTask::isDone);
    }
}
