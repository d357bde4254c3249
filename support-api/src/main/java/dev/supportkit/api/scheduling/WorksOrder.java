package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Works agreed with departments and the customer (C/01.6), kept on the request's snapshot.
 *
 * @param id              its id
 * @param kind            what kind of works
 * @param site            where
 * @param start           when they start
 * @param end             when they end
 * @param departments     the departments that must agree
 * @param agreedBy        the departments that agreed to the current dates
 * @param status          where the order stands
 * @param signOffRequired whether the customer signs the works off
 * @param note            details, if any
 * @param outcome         what was done, once done
 * @param signedOffBy     the representative who signed the works off, once signed
 */
public record WorksOrder(String id, WorksKind kind, SiteId site, Instant start, Instant end,
                         List<DepartmentId> departments, List<DepartmentId> agreedBy, WorksStatus status,
                         boolean signOffRequired, Optional<String> note, Optional<WorksOutcome> outcome,
                         Optional<String> signedOffBy) {
    /**
     * Checks the required parts and copies the lists.
     *
     * @param id              its id
     * @param kind            what kind
     * @param site            where
     * @param start           start
     * @param end             end
     * @param departments     who must agree
     * @param agreedBy        who agreed
     * @param status          its status
     * @param signOffRequired whether the customer signs off
     * @param note            details
     * @param outcome         what was done
     * @param signedOffBy     who signed off
     */
    public WorksOrder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        departments = List.copyOf(departments);
        agreedBy = List.copyOf(agreedBy);
        Objects.requireNonNull(status, "status");
        note = note == null ? Optional.empty() : note;
        outcome = outcome == null ? Optional.empty() : outcome;
        signedOffBy = signedOffBy == null ? Optional.empty() : signedOffBy;
    }

    /** @return a builder holding this order, to change some parts */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Copies a {@link WorksOrder} with some parts changed. */
    public static final class Builder {
        private Instant start;
        private Instant end;
        private List<DepartmentId> agreedBy;
        private WorksStatus status;
        private Optional<WorksOutcome> outcome;
        private Optional<String> signedOffBy;
        private final WorksOrder base;

        private Builder(WorksOrder base) {
            this.base = base;
            start = base.start;
            end = base.end;
            agreedBy = base.agreedBy;
            status = base.status;
            outcome = base.outcome;
            signedOffBy = base.signedOffBy;
        }

        /**
         * @param from  the new start
         * @param until the new end
         * @return this builder
         */
        public Builder window(Instant from, Instant until) {
            start = from;
            end = until;
            return this;
        }

        /**
         * @param value the departments that agreed to the current dates
         * @return this builder
         */
        public Builder agreedBy(List<DepartmentId> value) {
            agreedBy = value;
            return this;
        }

        /**
         * @param value the new status
         * @return this builder
         */
        public Builder status(WorksStatus value) {
            status = value;
            return this;
        }

        /**
         * @param value what was done
         * @return this builder
         */
        public Builder outcome(WorksOutcome value) {
            outcome = Optional.ofNullable(value);
            return this;
        }

        /**
         * @param value the representative who signed off
         * @return this builder
         */
        public Builder signedOffBy(String value) {
            signedOffBy = Optional.ofNullable(value);
            return this;
        }

        /** @return the order */
        public WorksOrder build() {
            return new WorksOrder(base.id, base.kind, base.site, start, end, base.departments, agreedBy, status,
                    base.signOffRequired, base.note, outcome, signedOffBy);
        }
    }
}
