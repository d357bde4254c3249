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
 */
public record JournalRecord(TenantId tenant, RequestId request, long sequence, Instant occurredAt, String actorId,
                            String actorName, Role actorRole, Channel channel, LaborFunction function,
                            Visibility visibility, String eventType, String payload, String description,
                            String previousHash, String hash) {
}
