package dev.supportkit.api.request;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One service-level deadline of a request, counted in the working time of a business calendar.
 *
 * @param kind              which deadline
 * @param state             where it stands
 * @param calendar          the business calendar it is counted in
 * @param startedAt         when it started
 * @param target            the working time allowed
 * @param dueAt             when it is due; while paused, when it was due at the moment of pausing
 * @param remaining         working time left when it was paused; zero otherwise
 * @param pausedAt          when the current pause began, or null
 * @param pausedTotal       elapsed (wall-clock) time spent in finished pauses so far
 * @param metAt             when it was met, or null
 * @param pausedWorkingTime working time of the calendar spent in finished pauses so far: the time the
 *                          pauses kept off the clock; zero for a deadline stored before it was recorded
 * @param workedTime        the calendar's working time from the start to when it was met, without the time its
 *                          pauses kept off the clock: what quality reports count as the working time to first
 *                          response or to resolution; null until met (and for a deadline met before it was recorded)
 */
public record Deadline(DeadlineKind kind, DeadlineState state, String calendar, Instant startedAt, Duration target,
                       Instant dueAt, Duration remaining, Instant pausedAt, Duration pausedTotal, Instant metAt,
                       Duration pausedWorkingTime, Duration workedTime) {
    /**
     * Fills in the durations a deadline stored by an older release lacks.
     *
     * @param kind              which deadline
     * @param state             where it stands
     * @param calendar          the business calendar it is counted in
     * @param startedAt         when it started
     * @param target            the working time allowed
     * @param dueAt             when it is due
     * @param remaining         working time left when it was paused; null means zero
     * @param pausedAt          when the current pause began, or null
     * @param pausedTotal       elapsed time spent in finished pauses; null means zero
     * @param metAt             when it was met, or null
     * @param pausedWorkingTime working time spent in finished pauses; null means zero
     * @param workedTime        working time used until met, or null
     */
    public Deadline {
        remaining = remaining == null ? Duration.ZERO : remaining;
        pausedTotal = pausedTotal == null ? Duration.ZERO : pausedTotal;
        pausedWorkingTime = pausedWorkingTime == null ? Duration.ZERO : pausedWorkingTime;
    }

    /**
     * Returns an empty builder.
     *
     * @return a builder; kind, state, calendar, start, target and due time must be set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding this deadline, to copy it with some parts changed.
     *
     * @return a builder holding every component
     */
    public Builder toBuilder() {
        return new Builder().kind(kind).state(state).calendar(calendar).startedAt(startedAt).target(target)
                .dueAt(dueAt).remaining(remaining).pausedAt(pausedAt).pausedTotal(pausedTotal).metAt(metAt)
                .pausedWorkingTime(pausedWorkingTime).workedTime(workedTime);
    }

    /** Builds a {@link Deadline}; {@link #build()} checks the required parts. */
    public static final class Builder {
        private DeadlineKind kind;
        private DeadlineState state;
        private String calendar;
        private Instant startedAt;
        private Duration target;
        private Instant dueAt;
        private Duration remaining = Duration.ZERO;
        private Instant pausedAt;
        private Duration pausedTotal = Duration.ZERO;
        private Instant metAt;
        private Duration pausedWorkingTime = Duration.ZERO;
        private Duration workedTime;

        private Builder() {
        }

        /**
         * @param value which deadline
         * @return this builder
         */
        public Builder kind(DeadlineKind value) {
            kind = value;
            return this;
        }

        /**
         * @param value where it stands
         * @return this builder
         */
        public Builder state(DeadlineState value) {
            state = value;
            return this;
        }

        /**
         * @param value the business calendar's id
         * @return this builder
         */
        public Builder calendar(String value) {
            calendar = value;
            return this;
        }

        /**
         * @param value when it started
         * @return this builder
         */
        public Builder startedAt(Instant value) {
            startedAt = value;
            return this;
        }

        /**
         * @param value the working time allowed
         * @return this builder
         */
        public Builder target(Duration value) {
            target = value;
            return this;
        }

        /**
         * @param value when it is due
         * @return this builder
         */
        public Builder dueAt(Instant value) {
            dueAt = value;
            return this;
        }

        /**
         * @param value working time left when paused
         * @return this builder
         */
        public Builder remaining(Duration value) {
            remaining = value;
            return this;
        }

        /**
         * @param value when the current pause began, or null
         * @return this builder
         */
        public Builder pausedAt(Instant value) {
            pausedAt = value;
            return this;
        }

        /**
         * @param value elapsed time spent in finished pauses
         * @return this builder
         */
        public Builder pausedTotal(Duration value) {
            pausedTotal = value;
            return this;
        }

        /**
         * @param value when it was met, or null
         * @return this builder
         */
        public Builder metAt(Instant value) {
            metAt = value;
            return this;
        }

        /**
         * @param value working time spent in finished pauses
         * @return this builder
         */
        public Builder pausedWorkingTime(Duration value) {
            pausedWorkingTime = value;
            return this;
        }

        /**
         * @param value the working time used until met (without pauses), or null while not met
         * @return this builder
         */
        public Builder workedTime(Duration value) {
            workedTime = value;
            return this;
        }

        /**
         * Builds the deadline.
         *
         * @return the deadline
         * @throws NullPointerException naming the first required part that is missing
         */
        public Deadline build() {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(dueAt, "dueAt");
            return new Deadline(kind, state, calendar, startedAt, target, dueAt, remaining, pausedAt, pausedTotal,
                    metAt, pausedWorkingTime, workedTime);
        }
    }
}
