package dev.supportkit.spi.crm;

import java.time.Instant;
import java.util.Objects;

/**
 * A journal entry the customer sees, to be mirrored as a comment or note on the CRM object.
 *
 * @param sequence the entry's place in the request's journal (1, 2, 3 …), unique per request
 * @param text     what happened, as the journal describes it (may be long; the adapter cuts it to the CRM's limit)
 * @param author   the display name of who wrote or caused it
 * @param at       when it happened, by the engine's clock
 */
public record CrmEntry(long sequence, String text, String author, Instant at) {
    /**
     * Checks every part.
     *
     * @param sequence the journal sequence, at least 1
     * @param text     the text
     * @param author   the author's display name
     * @param at       when
     */
    public CrmEntry {
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be at least 1, got " + sequence);
        }
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(at, "at");
    }
}
