package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A visit to book with technicians. Its window starts and ends on a quarter hour
 * ({@link #GRANULARITY}); each technician must be free for it and the travel buffer after it, within their
 * working hours and outside their absences ({@link TechnicianSchedule}). Build it with {@link #builder()}; the
 * service checks the values and names the offending field ({@code visit.start}, {@code visit.technicians}, …).
 *
 * @param site        the site; required, one of the request's organisation
 * @param start       the start; required, in the future, on a quarter hour
 * @param end         the end; required, after the start, on a quarter hour, at most 24 hours after it
 * @param purpose     why; required
 * @param technicians who go: 1 to 10 specialists
 * @param note        details for the customer; optional, at most 1,000 characters
 */
public record VisitBooking(SiteId site, Instant start, Instant end, VisitPurpose purpose,
                           Set<SpecialistId> technicians, String note) {
    /** The grid windows are booked on: a quarter hour. */
    public static final java.time.Duration GRANULARITY = java.time.Duration.ofMinutes(15);

    /**
     * Copies the technicians, keeping their order.
     *
     * @param site        the site
     * @param start       the start
     * @param end         the end
     * @param purpose     why
     * @param technicians who go
     * @param note        details
     */
    public VisitBooking {
        technicians = technicians == null ? Set.of()
                : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(technicians));
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VisitBooking}. */
    public static final class Builder {
        private SiteId site;
        private Instant start;
        private Instant end;
        private VisitPurpose purpose;
        private final Set<SpecialistId> technicians = new LinkedHashSet<>();
        private String note;

        private Builder() {
        }

        /**
         * @param value the site
         * @return this builder
         */
        public Builder site(SiteId value) {
            site = value;
            return this;
        }

        /**
         * @param from  the start
         * @param until the end
         * @return this builder
         */
        public Builder window(Instant from, Instant until) {
            start = from;
            end = until;
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
         * @param ids technicians who go
         * @return this builder
         */
        public Builder technicians(SpecialistId... ids) {
            technicians.addAll(List.of(ids));
            return this;
        }

        /**
         * @param value details for the customer
         * @return this builder
         */
        public Builder note(String value) {
            note = value;
            return this;
        }

        /** @return the booking */
        public VisitBooking build() {
            return new VisitBooking(site, start, end, purpose, technicians, note);
        }
    }
}
