package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a customer organisation.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record OrganizationId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public OrganizationId {
        Objects.requireNonNull(value, "OrganizationId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("OrganizationId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static OrganizationId of(String value) {
        return new OrganizationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
