package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.request.RequestId;
import java.util.Objects;
import java.util.Optional;

/**
 * A training as the engine keeps it: listed per organisation and per representative.
 *
 * @param id           its id
 * @param organization the customer organisation trained
 * @param request      the request it was given on
 * @param trainer      the id of the specialist who gave it
 * @param session      what, who, when, how long
 */
public record TrainingRecord(String id, OrganizationId organization, RequestId request, String trainer,
                             TrainingSession session) implements DirectoryEntry {
    /**
     * Checks the parts.
     *
     * @param id           its id
     * @param organization the organisation
     * @param request      the request
     * @param trainer      who gave it
     * @param session      the session
     */
    public TrainingRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(trainer, "trainer");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String entryId() {
        return id;
    }

    @Override
    public Optional<OrganizationId> owner() {
        return Optional.of(organization);
    }
}
