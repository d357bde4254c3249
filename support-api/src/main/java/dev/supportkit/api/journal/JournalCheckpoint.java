package dev.supportkit.api.journal;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The heads of a tenant's journal chains at one moment: for each request, the sequence and hash of its
 * latest entry. Keep it where whoever can write the database cannot (another system, a write-once store,
 * a message to an auditor): {@link JournalService#verifyAgainst} later finds every journal that lost
 * entries or had them rewritten since, even when the anchor on the request row was moved back with them.
 *
 * @param tenant  the tenant
 * @param takenAt when it was taken (engine clock)
 * @param heads   one head per request, in registration order
 */
public record JournalCheckpoint(TenantId tenant, Instant takenAt, List<Head> heads) {
    /**
     * One request's chain head.
     *
     * @param request  the request
     * @param sequence its latest entry's sequence
     * @param hash     its latest entry's hash (seal)
     */
    public record Head(RequestId request, long sequence, String hash) {
        /**
         * Checks the parts.
         *
         * @param request  the request
         * @param sequence the latest entry's sequence
         * @param hash     the latest entry's hash
         */
        public Head {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(hash, "hash");
        }
    }

    /**
     * Copies the heads.
     *
     * @param tenant  the tenant
     * @param takenAt when
     * @param heads   the heads
     */
    public JournalCheckpoint {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(takenAt, "takenAt");
        heads = List.copyOf(heads);
    }
}
