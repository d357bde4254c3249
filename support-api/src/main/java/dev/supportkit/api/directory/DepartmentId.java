package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a department (installation, commissioning, field service, …).
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record DepartmentId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public DepartmentId {
        Objects.requireNonNull(value, "DepartmentId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("DepartmentId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static DepartmentId of(String value) {
        return new DepartmentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
