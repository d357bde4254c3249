package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.RequestId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One record of time spent, as a store keeps it.
 *
 * @param tenant     the tenant
 * @param id         its id, unique in the tenant
 * @param request    the request
 * @param specialist who spent it
 * @param function   the labour function
 * @param spent      how long, whole seconds
 * @param task       the task, or null
 * @param note       what was done, possibly empty
 * @param recordedAt when it was recorded
 */
public record TimeRecord(TenantId tenant, String id, RequestId request, SpecialistId specialist,
                         LaborFunction function, Duration spent, String task, String note, Instant recordedAt) {
    /**
     * Checks that the required parts are present.
     *
     * @param tenant     the tenant
     * @param id         its id
     * @param request    the request
     * @param specialist who
     * @param function   the labour function
     * @param spent      how long
     * @param task       the task, or null
     * @param note       what was done
     * @param recordedAt when
     */
    public TimeRecord {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(specialist, "specialist");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(spent, "spent");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
