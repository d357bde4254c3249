package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.SpecialistId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * When a technician can go on visits: the business calendar of their working hours (an SLA calendar id such
 * as {@code ru-production-5x8} or {@code 24x7}) and their absences. A specialist without a schedule can be
 * booked at any time.
 *
 * @param technician the specialist
 * @param calendar   the id of the business calendar of their working hours
 * @param absences   when they are away, possibly none (at most 200)
 */
public record TechnicianSchedule(SpecialistId technician, String calendar, List<Absence> absences)
        implements DirectoryEntry {
    /**
     * A time a technician is away.
     *
     * @param from   the start
     * @param until  the end, after the start
     * @param reason why (leave, training, …), possibly empty
     */
    public record Absence(Instant from, Instant until, String reason) {
    }

    /**
     * Copies the list.
     *
     * @param technician the specialist
     * @param calendar   their calendar id
     * @param absences   their absences
     */
    public TechnicianSchedule {
        absences = absences == null ? List.of() : List.copyOf(absences);
    }

    @Override
    public String entryId() {
        return technician == null ? null : technician.value();
    }

    /**
     * @param from  a window's start
     * @param until its end
     * @return the first absence that overlaps the window, if any
     */
    public java.util.Optional<Absence> absenceDuring(Instant from, Instant until) {
        return absences.stream().filter(a -> Objects.nonNull(a.from()) && Objects.nonNull(a.until())
                && a.from().isBefore(until) && from.isBefore(a.until())).findFirst();
    }
}
