package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.SiteId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Works to agree with the departments that do them (C/01.6): what, where, when, who. Build it with
 * {@link #builder(WorksKind)}; the service checks the values and names the offending field.
 *
 * @param kind             what kind of works; required
 * @param site             where; required, a site of the request's organisation
 * @param start            the proposed start; required, in the future
 * @param end              the proposed end; required, after the start
 * @param departments      the departments that must agree: 1 to 10
 * @param signOffRequired  whether the customer's representative signs the works off when done
 * @param note             details for the departments and the customer; optional, at most 1,000 characters
 */
public record WorksProposal(WorksKind kind, SiteId site, Instant start, Instant end, Set<DepartmentId> departments,
                            boolean signOffRequired, String note) {
    /**
     * Copies the departments, keeping their order.
     *
     * @param kind            what kind
     * @param site            where
     * @param start           start
     * @param end             end
     * @param departments     who must agree
     * @param signOffRequired whether the customer signs off
     * @param note            details
     */
    public WorksProposal {
        departments = departments == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(departments));
    }

    /**
     * @param kind what kind of works
     * @return a builder
     */
    public static Builder builder(WorksKind kind) {
        return new Builder(kind);
    }

    /** Builds a {@link WorksProposal}. */
    public static final class Builder {
        private final WorksKind kind;
        private SiteId site;
        private Instant start;
        private Instant end;
        private final Set<DepartmentId> departments = new LinkedHashSet<>();
        private boolean signOffRequired;
        private String note;

        private Builder(WorksKind kind) {
            this.kind = kind;
        }

        /**
         * @param value where
         * @return this builder
         */
        public Builder site(SiteId value) {
            site = value;
            return this;
        }

        /**
         * @param from  the proposed start
         * @param until the proposed end
         * @return this builder
         */
        public Builder window(Instant from, Instant until) {
            start = from;
            end = until;
            return this;
        }

        /**
         * @param ids the departments that must agree
         * @return this builder
         */
        public Builder departments(DepartmentId... ids) {
            departments.addAll(List.of(ids));
            return this;
        }

        /** @return this builder, asking for the customer's sign-off when the works are done */
        public Builder signOffRequired() {
            signOffRequired = true;
            return this;
        }

        /**
         * @param value details
         * @return this builder
         */
        public Builder note(String value) {
            note = value;
            return this;
        }

        /** @return the proposal */
        public WorksProposal build() {
            return new WorksProposal(kind, site, start, end, departments, signOffRequired, note);
        }
    }
}
