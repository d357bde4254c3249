package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A visit as a store keeps it, with the time its technicians are held: from its start until
 * {@code heldUntil} (its end plus the travel buffer). While it is {@link VisitStatus#BOOKED} the store holds
 * one slot per technician per quarter hour of that time ({@link #slots()}) and refuses, atomically and across
 * every engine on the store, a visit that needs a slot another visit holds.
 *
 * @param tenant    the tenant
 * @param visit     the visit
 * @param heldUntil until when its technicians are held: its end plus the travel buffer
 */
public record VisitRecord(TenantId tenant, Visit visit, Instant heldUntil) {
    /**
     * Checks the parts.
     *
     * @param tenant    the tenant
     * @param visit     the visit
     * @param heldUntil the end of the held time
     */
    public VisitRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(heldUntil, "heldUntil");
    }

    /**
     * The quarter-hour slots the visit holds for each technician while booked: every multiple of
     * {@link VisitBooking#GRANULARITY} (counted from the epoch) from its start, rounded down, until
     * {@code heldUntil}, exclusive. A cancelled visit holds none.
     *
     * @return the slots' starts, in order
     */
    public List<Instant> slots() {
        if (visit.status() != VisitStatus.BOOKED) {
            return List.of();
        }
        long step = VisitBooking.GRANULARITY.toSeconds();
        long first = Math.floorDiv(visit.start().getEpochSecond(), step) * step;
        List<Instant> slots = new ArrayList<>();
        for (Instant slot = Instant.ofEpochSecond(first); slot.isBefore(heldUntil);
             slot = slot.plus(Duration.ofSeconds(step))) {
            slots.add(slot);
        }
        return slots;
    }
}
