package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What to offer the customer: windows of a length, between two instants, in which every technician named is
 * free (working hours, absences, other visits and the travel buffer). Build it with {@link #builder()}.
 *
 * @param site        where; required, a site of the request's organisation
 * @param purpose     why; required
 * @param technicians who would go: 1 to 10
 * @param length      how long the visit lasts: a multiple of 15 minutes, at most 24 hours
 * @param from        the earliest start; required
 * @param until       the latest end; required, at most 31 days after {@code from}
 * @param maxSlots    how many windows to offer at most: 1 to 20 (default 5)
 */
public record VisitOfferQuery(SiteId site, VisitPurpose purpose, Set<SpecialistId> technicians, Duration length,
                              Instant from, Instant until, int maxSlots) {
    /**
     * Copies the technicians, keeping their order.
     *
     * @param site        where
     * @param purpose     why
     * @param technicians who would go
     * @param length      the visit's length
     * @param from        the earliest start
     * @param until       the latest end
     * @param maxSlots    how many windows at most
     */
    public VisitOfferQuery {
        technicians = technicians == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(technicians));
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VisitOfferQuery}. */
    public static final class Builder {
        private SiteId site;
        private VisitPurpose purpose;
        private final Set<SpecialistId> technicians = new LinkedHashSet<>();
        private Duration length;
        private Instant from;
        private Instant until;
        private int maxSlots = 5;

        private Builder() {
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
         * @param value why
         * @return this builder
         */
        public Builder purpose(VisitPurpose value) {
            purpose = value;
            return this;
        }

        /**
         * @param ids who would go
         * @return this builder
         */
        public Builder technicians(SpecialistId... ids) {
            technicians.addAll(List.of(ids));
            return this;
        }

        /**
         * @param value how long the visit lasts
         * @return this builder
         */
        public Builder length(Duration value) {
            length = value;
            return this;
        }

        /**
         * @param earliest the earliest start
         * @param latest   the latest end
         * @return this builder
         */
        public Builder between(Instant earliest, Instant latest) {
            from = earliest;
            until = latest;
            return this;
        }

        /**
         * @param value how many windows to offer at most
         * @return this builder
         */
        public Builder maxSlots(int value) {
            maxSlots = value;
            return this;
        }

        /** @return the query */
        public VisitOfferQuery build() {
            return new VisitOfferQuery(site, purpose, technicians, length, from, until, maxSlots);
        }
    }
}
