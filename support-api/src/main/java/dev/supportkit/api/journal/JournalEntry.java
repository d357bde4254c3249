package dev.supportkit.api.journal;

import dev.supportkit.api.Role;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * One append-only entry of a request's event journal: an action performed or a decision taken.
 *
 * @param request      the request
 * @param sequence     position in the request's journal, starting at 1, without gaps
 * @param occurredAt   when it happened (the engine's clock)
 * @param actorId      who did it
 * @param actorName    the name of who did it
 * @param actorRole    in which role
 * @param channel      the channel involved, if any
 * @param function     the labour function of the standard this action performs
 * @param visibility   who may read the entry
 * @param event        the typed payload
 * @param description  a human-readable description of the action or decision
 * @param previousHash hash of the previous entry (64 zeros for the first)
 * @param hash         SHA-256 over this entry's content and {@code previousHash}
 */
public record JournalEntry(RequestId request, long sequence, Instant occurredAt, String actorId, String actorName,
                           Role actorRole, Optional<Channel> channel, LaborFunction function, Visibility visibility,
                           RequestEvent event, String description, String previousHash, String hash) {
}
