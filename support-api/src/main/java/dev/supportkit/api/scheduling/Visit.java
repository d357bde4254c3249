package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A visit to a customer's site booked with its technicians (C/01.6, C/02.6, C/03.6).
 *
 * @param id          its id
 * @param request     the request it serves
 * @param site        where
 * @param start       when it starts
 * @param end         when it ends
 * @param purpose     why
 * @param technicians who go; none of them is booked elsewhere for the window (and the travel buffer after it)
 * @param note        details for the customer, possibly empty
 * @param status      booked or cancelled
 */
public record Visit(String id, RequestId request, SiteId site, Instant start, Instant end, VisitPurpose purpose,
                    List<SpecialistId> technicians, Optional<String> note, VisitStatus status) {
    /**
     * Checks the required parts and copies the list.
     *
     * @param id          its id
     * @param request     the request
     * @param site        where
     * @param start       start
     * @param end         end
     * @param purpose     why
     * @param technicians who go
     * @param note        details, if any
     * @param status      its status
     */
    public Visit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(purpose, "purpose");
        technicians = List.copyOf(technicians);
        note = note == null ? Optional.empty() : note;
        Objects.requireNonNull(status, "status");
    }
}
