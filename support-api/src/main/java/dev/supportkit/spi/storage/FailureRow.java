package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * One equipment failure of the failure register, as a store keeps it.
 *
 * @param tenant     the tenant
 * @param id         its id, unique in the tenant
 * @param request    the request it was recorded on
 * @param model      the failed unit's equipment model (at most 200 characters)
 * @param component  the failed component, or null
 * @param serial     the failed unit's serial number, or null (at most 200 characters)
 * @param causeCode  the cause's code (at most 64 characters)
 * @param failedAt   when it failed
 * @param restoredAt when it worked again
 * @param note       what happened, possibly empty
 * @param recordedBy the id of the specialist who recorded it
 * @param recordedAt when it was recorded
 */
public record FailureRow(TenantId tenant, String id, RequestId request, String model, ComponentId component,
                         String serial, String causeCode, Instant failedAt, Instant restoredAt, String note,
                         String recordedBy, Instant recordedAt) {
    /**
     * Checks that the required parts are present.
     *
     * @param tenant     the tenant
     * @param id         its id
     * @param request    the request
     * @param model      the equipment model
     * @param component  the failed component, or null
     * @param serial     the serial number, or null
     * @param causeCode  the cause's code
     * @param failedAt   when it failed
     * @param restoredAt when it worked again
     * @param note       what happened
     * @param recordedBy who recorded it
     * @param recordedAt when it was recorded
     */
    public FailureRow {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(causeCode, "causeCode");
        Objects.requireNonNull(failedAt, "failedAt");
        Objects.requireNonNull(restoredAt, "restoredAt");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recordedBy, "recordedBy");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
