package dev.supportkit.api.work;

import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Priority;
import java.util.Objects;
import java.util.Optional;

/**
 * The analysis of a request (B/01.6, C/03.6) and the changes it leads to, built with {@link #builder(String)}:
 * what was found, the suspected cause, whether the problem is typical, and a new priority, category or
 * supported system. Each part is optional; at least one must be given.
 *
 * @param findings       what the analysis found, if recorded (at most 10,000 characters)
 * @param suspectedCause the suspected cause, if any (at most 1,000 characters)
 * @param typical        whether the problem is typical (A/02.3) or not (B/01.6), if judged
 * @param priority       the new priority, if it changes
 * @param category       the new problem category, if it changes (1 to 200 characters, one line)
 * @param system         the new supported system, if it changes (one of the request's organisation)
 * @param reason         why (required, at most 1,000 characters)
 */
public record Triage(Optional<String> findings, Optional<String> suspectedCause, Optional<Boolean> typical,
                     Optional<Priority> priority, Optional<String> category, Optional<SystemId> system,
                     String reason) {
    /**
     * Checks that the optional parts are optionals.
     *
     * @param findings       what the analysis found
     * @param suspectedCause the suspected cause
     * @param typical        whether the problem is typical
     * @param priority       the new priority
     * @param category       the new category
     * @param system         the new system
     * @param reason         why
     */
    public Triage {
        Objects.requireNonNull(findings, "findings");
        Objects.requireNonNull(suspectedCause, "suspectedCause");
        Objects.requireNonNull(typical, "typical");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(system, "system");
    }

    /**
     * Returns a builder.
     *
     * @param reason why the request is triaged
     * @return a builder with nothing set but the reason
     */
    public static Builder builder(String reason) {
        return new Builder(reason);
    }

    /** Builds a {@link Triage}; setters take null for "not given". */
    public static final class Builder {
        private final String reason;
        private String findings;
        private String suspectedCause;
        private Boolean typical;
        private Priority priority;
        private String category;
        private SystemId system;

        private Builder(String reason) {
            this.reason = reason;
        }

        /**
         * Records what the analysis found.
         *
         * @param value the findings
         * @return this builder
         */
        public Builder findings(String value) {
            findings = value;
            return this;
        }

        /**
         * Records the suspected cause.
         *
         * @param value the cause
         * @return this builder
         */
        public Builder suspectedCause(String value) {
            suspectedCause = value;
            return this;
        }

        /**
         * Judges the problem typical or not.
         *
         * @param value true for typical
         * @return this builder
         */
        public Builder typical(Boolean value) {
            typical = value;
            return this;
        }

        /**
         * Changes the priority; the service-level deadlines follow it.
         *
         * @param value the new priority
         * @return this builder
         */
        public Builder priority(Priority value) {
            priority = value;
            return this;
        }

        /**
         * Changes the problem category.
         *
         * @param value the new category
         * @return this builder
         */
        public Builder category(String value) {
            category = value;
            return this;
        }

        /**
         * Changes the supported system.
         *
         * @param value the new system
         * @return this builder
         */
        public Builder system(SystemId value) {
            system = value;
            return this;
        }

        /**
         * Returns the triage.
         *
         * @return the triage
         */
        public Triage build() {
            return new Triage(Optional.ofNullable(findings), Optional.ofNullable(suspectedCause),
                    Optional.ofNullable(typical), Optional.ofNullable(priority), Optional.ofNullable(category),
                    Optional.ofNullable(system), reason);
        }
    }
}
