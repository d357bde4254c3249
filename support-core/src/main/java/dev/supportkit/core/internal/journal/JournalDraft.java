package dev.supportkit.core.internal.journal;

import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;

/**
 * A journal entry before it is numbered and chained.
 *
 * @param function    the labour function the action performs
 * @param visibility  who may read it
 * @param channel     the channel involved, or null
 * @param event       the typed payload
 * @param description human-readable description
 */
public record JournalDraft(LaborFunction function, Visibility visibility, Channel channel, RequestEvent event,
                           String description) {
}
