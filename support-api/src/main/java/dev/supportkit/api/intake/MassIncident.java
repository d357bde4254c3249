package dev.supportkit.api.intake;

import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A mass incident: many requests about one system model, site or service arriving within a short
 * window. Intake detects it, links the requests to it and informs the intake lead; resolving it
 * resolves every linked request still open and informs each customer.
 *
 * @param id         identifier
 * @param scope      what the requests have in common
 * @param scopeValue the model, site id or category they share
 * @param title      a one-line summary, e.g. {@code "Mass incident: system model PBX-100"}
 * @param open       whether it is still open
 * @param detectedAt when the threshold was reached
 * @param requests   the linked requests, in the order they were linked
 * @param resolution how it was resolved, once resolved
 * @param resolvedAt when it was resolved, once resolved
 * @param version    optimistic-locking version, from 1
 */
public record MassIncident(IncidentId id, IncidentScope scope, String scopeValue, String title, boolean open,
                           Instant detectedAt, List<RequestId> requests, Optional<String> resolution,
                           Optional<Instant> resolvedAt, int version) {
    /**
     * Copies the request list.
     *
     * @param id         identifier
     * @param scope      what the requests have in common
     * @param scopeValue the model, site id or category they share
     * @param title      a one-line summary
     * @param open       whether it is still open
     * @param detectedAt when the threshold was reached
     * @param requests   the linked requests
     * @param resolution how it was resolved, once resolved
     * @param resolvedAt when it was resolved, once resolved
     * @param version    optimistic-locking version
     */
    public MassIncident {
        requests = requests == null ? List.of() : List.copyOf(requests);
        resolution = resolution == null ? Optional.empty() : resolution;
        resolvedAt = resolvedAt == null ? Optional.empty() : resolvedAt;
    }
}
