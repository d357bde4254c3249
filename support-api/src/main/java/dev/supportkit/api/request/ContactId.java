package dev.supportkit.api.request;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a contact (обращение): one incoming communication.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record ContactId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public ContactId {
        Objects.requireNonNull(value, "ContactId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("ContactId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static ContactId of(String value) {
        return new ContactId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
