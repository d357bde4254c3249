package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One task of a work plan as its author writes it (D/01.7). The deadline is either an amount of working
 * time, counted on the request's SLA calendar from the moment the group lead approves the task, or a fixed
 * instant; exactly one of the two. Build it with {@link #builder(String)}; the service checks the values and
 * names the offending field ({@code plan.tasks[i].executor} and so on).
 *
 * @param key         the task's key within the plan: 1 to 40 letters, digits, '.', '_' or '-'; unique in the plan
 * @param executor    the specialist who does it: an active second-line engineer or lead of the request's group
 * @param description what to do (required, at most 500 characters)
 * @param workingTime the working time allowed, counted from approval (more than zero, at most 365 days), or empty
 * @param due         the fixed deadline (in the future), or empty
 * @param dependsOn   keys of tasks in the same plan that must be done first (no cycles), possibly none
 */
public record TaskDraft(String key, SpecialistId executor, String description, Optional<Duration> workingTime,
                        Optional<Instant> due, Set<String> dependsOn) {
    /**
     * Normalises absent parts: empty optionals, an empty dependency set (kept in the given order).
     *
     * @param key         the task's key
     * @param executor    who does it
     * @param description what to do
     * @param workingTime working time allowed, or empty
     * @param due         fixed deadline, or empty
     * @param dependsOn   keys of tasks to finish first
     */
    public TaskDraft {
        workingTime = workingTime == null ? Optional.empty() : workingTime;
        due = due == null ? Optional.empty() : due;
        dependsOn = dependsOn == null ? Set.of() : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
    }

    /**
     * Starts a draft.
     *
     * @param key the task's key within the plan
     * @return a builder
     */
    public static Builder builder(String key) {
        return new Builder(key);
    }

    /** Builds a {@link TaskDraft}. */
    public static final class Builder {
        private final String key;
        private SpecialistId executor;
        private String description;
        private Duration workingTime;
        private Instant due;
        private final Set<String> dependsOn = new LinkedHashSet<>();

        private Builder(String key) {
            this.key = key;
        }

        /**
         * @param value who does the task
         * @return this builder
         */
        public Builder executor(SpecialistId value) {
            executor = value;
            return this;
        }

        /**
         * @param value what to do
         * @return this builder
         */
        public Builder description(String value) {
            description = value;
            return this;
        }

        /**
         * Sets the deadline as working time counted from approval (clears a fixed deadline).
         *
         * @param value the working time allowed
         * @return this builder
         */
        public Builder within(Duration value) {
            workingTime = value;
            due = null;
            return this;
        }

        /**
         * Sets a fixed deadline (clears a working-time one).
         *
         * @param value when the task must be done
         * @return this builder
         */
        public Builder due(Instant value) {
            due = value;
            workingTime = null;
            return this;
        }

        /**
         * @param keys keys of tasks in the same plan to finish first
         * @return this builder
         */
        public Builder dependsOn(String... keys) {
            dependsOn.addAll(java.util.Arrays.asList(keys));
            return this;
        }

        /** @return the draft */
        public TaskDraft build() {
            return new TaskDraft(key, executor, description, Optional.ofNullable(workingTime), Optional.ofNullable(due),
                    dependsOn);
        }
    }
}
