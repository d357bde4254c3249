package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a supported (infocommunication) system.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record SystemId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public SystemId {
        Objects.requireNonNull(value, "SystemId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("SystemId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static SystemId of(String value) {
        return new SystemId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
