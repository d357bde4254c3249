package dev.supportkit.api.work;

import dev.supportkit.api.directory.SpecialistId;
import java.util.Objects;
import java.util.Set;

/**
 * An internal note on a request: staff see it in the journal, the customer never does. Each specialist it
 * mentions is told.
 *
 * @param text     the note (required, at most 10,000 characters)
 * @param mentions the specialists to tell (at most 20), possibly none
 */
public record Note(String text, Set<SpecialistId> mentions) {
    /** The most specialists one note may mention. */
    public static final int MAX_MENTIONS = 20;

    /**
     * Copies the mentions.
     *
     * @param text     the note
     * @param mentions the specialists to tell
     */
    public Note {
        mentions = Set.copyOf(Objects.requireNonNull(mentions, "mentions"));
    }

    /**
     * A note that mentions specialists.
     *
     * @param text     the note
     * @param mentions the specialists to tell
     * @return the note
     */
    public static Note of(String text, SpecialistId... mentions) {
        return new Note(text, Set.of(mentions));
    }
}
