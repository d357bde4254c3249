package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Windows offered to the customer for a visit; their representative confirms one
 * ({@link SchedulingService#confirmVisit}) before the offer expires, and the visit is booked in it.
 *
 * @param id          the offer's id
 * @param site        where
 * @param purpose     why
 * @param technicians who would go
 * @param length      how long the visit lasts
 * @param slots       the windows offered, earliest first
 * @param expiresAt   until when one can be confirmed
 * @param confirmed   whether one was confirmed already
 */
public record VisitOffer(String id, SiteId site, VisitPurpose purpose, List<SpecialistId> technicians,
                         java.time.Duration length, List<TimeWindow> slots, Instant expiresAt, boolean confirmed) {
    /**
     * Checks the parts and copies the lists.
     *
     * @param id          the offer's id
     * @param site        where
     * @param purpose     why
     * @param technicians who would go
     * @param length      the visit's length
     * @param slots       the windows offered
     * @param expiresAt   until when
     * @param confirmed   whether confirmed
     */
    public VisitOffer {
        Objects.requireNonNull(id, "id");
        technicians = List.copyOf(technicians);
        slots = List.copyOf(slots);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
