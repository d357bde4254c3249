package dev.supportkit.spi.storage;

import java.time.Instant;

/**
 * A claim on due items: who claims, at what time, until when.
 *
 * @param nodeId the claiming engine node
 * @param now    the claimer's current time: items due at or before it are eligible
 * @param until  the lease ends then; after it, another node may claim the same items
 * @param limit  at most this many items, 1 to 10000
 */
public record Lease(String nodeId, Instant now, Instant until, int limit) {
    /**
     * Validates the lease.
     *
     * @param nodeId the claiming engine node
     * @param now    the claimer's current time
     * @param until  the end of the lease, after {@code now}
     * @param limit  at most this many items, 1 to 10000
     */
    public Lease {
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        if (now == null || until == null || !until.isAfter(now)) {
            throw new IllegalArgumentException("the lease must end after now");
        }
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, got " + limit);
        }
    }
}
