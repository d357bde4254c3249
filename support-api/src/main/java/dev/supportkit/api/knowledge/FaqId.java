package dev.supportkit.api.knowledge;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a FAQ entry.
 *
 * @param value the identifier text, 1 to 64 non-blank characters
 */
public record FaqId(String value) implements Identifier {
    /**
     * Checks the identifier text.
     *
     * @param value the identifier text
     */
    public FaqId {
        Objects.requireNonNull(value, "FaqId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("FaqId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Returns the identifier with this text.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static FaqId of(String value) {
        return new FaqId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
