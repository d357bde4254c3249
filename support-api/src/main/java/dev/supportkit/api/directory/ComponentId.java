package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a component of a supported system.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record ComponentId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public ComponentId {
        Objects.requireNonNull(value, "ComponentId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("ComponentId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static ComponentId of(String value) {
        return new ComponentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
