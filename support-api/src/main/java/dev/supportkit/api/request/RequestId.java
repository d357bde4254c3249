package dev.supportkit.api.request;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a request (заявка).
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record RequestId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public RequestId {
        Objects.requireNonNull(value, "RequestId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("RequestId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static RequestId of(String value) {
        return new RequestId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
