package dev.supportkit.api.knowledge;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a solution-base article (the same for all its versions).
 *
 * @param value the identifier text, 1 to 64 non-blank characters
 */
public record ArticleId(String value) implements Identifier {
    /**
     * Checks the identifier text.
     *
     * @param value the identifier text
     */
    public ArticleId {
        Objects.requireNonNull(value, "ArticleId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("ArticleId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Returns the identifier with this text.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static ArticleId of(String value) {
        return new ArticleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
