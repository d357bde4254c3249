package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a customer's responsible representative.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record RepresentativeId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public RepresentativeId {
        Objects.requireNonNull(value, "RepresentativeId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("RepresentativeId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static RepresentativeId of(String value) {
        return new RepresentativeId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
