package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a support specialist.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record SpecialistId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public SpecialistId {
        Objects.requireNonNull(value, "SpecialistId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("SpecialistId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static SpecialistId of(String value) {
        return new SpecialistId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
