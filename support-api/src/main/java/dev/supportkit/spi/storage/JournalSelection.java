package dev.supportkit.spi.storage;

import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which journal records of a tenant to read across its requests, and from where: records are read in
 * (request id, sequence) order, the order of the journal's key, so a store pages through them without an
 * index of its own.
 *
 * @param functions only these labour functions; empty for all
 * @param actorId   only this actor's records, if present
 * @param from      records at or after this time
 * @param until     records before this time
 * @param after     the last record of the previous page (its request and sequence), if any
 * @param limit     at most this many records
 */
public record JournalSelection(Set<LaborFunction> functions, Optional<String> actorId, Instant from, Instant until,
                               Optional<Position> after, int limit) {
    /**
     * Copies the set and checks the limit.
     *
     * @param functions the functions, empty for all
     * @param actorId   the actor, if any
     * @param from      the start, inclusive
     * @param until     the end, exclusive
     * @param after     the previous page's last record, if any
     * @param limit     at least 1
     */
    public JournalSelection {
        functions = Set.copyOf(functions);
        actorId = actorId == null ? Optional.empty() : actorId;
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        after = after == null ? Optional.empty() : after;
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /**
     * Tells whether a record is selected (ignoring the position and limit).
     *
     * @param record a record of the tenant
     * @return true when it matches the functions, actor and period
     */
    public boolean matches(JournalRecord record) {
        return (functions.isEmpty() || functions.contains(record.function()))
                && actorId.map(record.actorId()::equals).orElse(true)
                && !record.occurredAt().isBefore(from) && record.occurredAt().isBefore(until);
    }

    /**
     * A record's place in the read order.
     *
     * @param request  its request
     * @param sequence its sequence number
     */
    public record Position(RequestId request, long sequence) {
        /**
         * Checks the request is present.
         *
         * @param request  its request
         * @param sequence its sequence number
         */
        public Position {
            Objects.requireNonNull(request, "request");
        }
    }
}
