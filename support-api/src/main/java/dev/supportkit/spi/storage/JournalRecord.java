package dev.supportkit.spi.storage;

import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;

/**
 * A journal entry as stored. The engine computes {@code hash} over all other fields; a store keeps
 * every field exactly as given and never changes a stored record.
 *
 * @param tenant       the tenant
 * @param request      the request
 * @param sequence     1, 2, 3 … per request; a store rejects a duplicate with
 *                     {@link dev.supportkit.api.error.ConcurrencyConflictException}
 * @param occurredAt   when
 * @param actorId      who
 * @param actorName    who, by name
 * @param actorRole    in which role
 * @param channel      the channel involved, or null
 * @param function     the labour function
 * @param visibility   who may read it
 * @param eventType    the simple name of the event record, e.g. {@code Registered}
 * @param payload      the event as JSON text
 * @param description  human-readable description
 * @param previousHash the previous entry's hash
 * @param hash         this entry's hash
 * @param stateDigest  the SHA-256 digest (lower-case hex) of the request's stored state after this entry, without
 *                     its journal head, which the engine writes with every request entry so that
 *                     {@code journal().verify} can check the request row against its journal; null for entries
 *                     written before the engine recorded it, and in logs that are not a request's (digests)
 */
public record JournalRecord(TenantId tenant, RequestId request, long sequence, Instant occurredAt, String actorId,
                            String actorName, Role actorRole, Channel channel, LaborFunction function,
                            Visibility visibility, String eventType, String payload, String description,
                            String previousHash, String hash, String stateDigest) {
    /**
     * Returns this record with another seal.
     *
     * @param sealed the new hash
     * @return the copy
     */
    public JournalRecord withHash(String sealed) {
        return new JournalRecord(tenant, request, sequence, occurredAt, actorId, actorName, actorRole, channel, function,
                visibility, eventType, payload, description, previousHash, sealed, stateDigest);
    }

    /**
     * Returns this record at another sequence number.
     *
     * @param renumbered the sequence
     * @return the copy
     */
    public JournalRecord withSequence(long renumbered) {
        return new JournalRecord(tenant, request, renumbered, occurredAt, actorId, actorName, actorRole, channel,
                function, visibility, eventType, payload, description, previousHash, hash, stateDigest);
    }
}
