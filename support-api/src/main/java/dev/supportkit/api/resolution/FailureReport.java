package dev.supportkit.api.resolution;

import dev.supportkit.api.directory.ComponentId;
import java.time.Instant;
import java.util.Optional;

/**
 * An equipment failure to record on a request (06.024, C/03.6): which unit failed, why, and when it failed and
 * was working again. Build it with {@link #builder()}; {@link ResolutionService#recordFailure} checks the values
 * and names the offending field ({@code failure.causeCode} and so on).
 *
 * @param model      the failed unit's equipment model (required, one line, at most 200 characters)
 * @param component  the failed component of a supported system, if the failure is a component's
 * @param serial     the failed unit's serial number, if known (one line, at most 200 characters)
 * @param causeCode  the cause: a code of the tenant's current {@link FailureCauseCatalogue}
 * @param failedAt   when it failed: not in the future
 * @param restoredAt when it worked again: not before {@code failedAt}, not in the future
 * @param note       what happened (at most 2,000 characters), possibly empty
 */
public record FailureReport(String model, Optional<ComponentId> component, Optional<String> serial, String causeCode,
                            Instant failedAt, Instant restoredAt, String note) {
    /**
     * Normalises absent parts: empty optionals, an empty note.
     *
     * @param model      the equipment model
     * @param component  the failed component, or empty
     * @param serial     the serial number, or empty
     * @param causeCode  the cause's code
     * @param failedAt   when it failed
     * @param restoredAt when it worked again
     * @param note       what happened
     */
    public FailureReport {
        component = component == null ? Optional.empty() : component;
        serial = serial == null ? Optional.empty() : serial;
        note = note == null ? "" : note;
    }

    /**
     * Starts a report.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link FailureReport}; parts not set are absent (the service names the required ones). */
    public static final class Builder {
        private String model;
        private ComponentId component;
        private String serial;
        private String causeCode;
        private Instant failedAt;
        private Instant restoredAt;
        private String note = "";

        private Builder() {
        }

        /**
         * @param value the failed unit's equipment model
         * @return this builder
         */
        public Builder model(String value) {
            model = value;
            return this;
        }

        /**
         * @param value the failed component, or null for none
         * @return this builder
         */
        public Builder component(ComponentId value) {
            component = value;
            return this;
        }

        /**
         * @param value the serial number, or null for none
         * @return this builder
         */
        public Builder serial(String value) {
            serial = value;
            return this;
        }

        /**
         * @param value the cause's code in the current catalogue
         * @return this builder
         */
        public Builder causeCode(String value) {
            causeCode = value;
            return this;
        }

        /**
         * @param value when the unit failed
         * @return this builder
         */
        public Builder failedAt(Instant value) {
            failedAt = value;
            return this;
        }

        /**
         * @param value when the unit worked again
         * @return this builder
         */
        public Builder restoredAt(Instant value) {
            restoredAt = value;
            return this;
        }

        /**
         * @param value what happened
         * @return this builder
         */
        public Builder note(String value) {
            note = value;
            return this;
        }

        /** @return the report */
        public FailureReport build() {
            return new FailureReport(model, Optional.ofNullable(component), Optional.ofNullable(serial), causeCode,
                    failedAt, restoredAt, note);
        }
    }
}
