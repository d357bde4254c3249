package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of an installation site of a customer.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record SiteId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public SiteId {
        Objects.requireNonNull(value, "SiteId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("SiteId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static SiteId of(String value) {
        return new SiteId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
