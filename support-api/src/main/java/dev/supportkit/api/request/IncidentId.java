package dev.supportkit.api.request;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a mass incident.
 *
 * @param value the identifier text, 1 to 64 non-blank characters
 */
public record IncidentId(String value) implements Identifier {
    /**
     * Checks the identifier text.
     *
     * @param value the identifier text
     */
    public IncidentId {
        Objects.requireNonNull(value, "IncidentId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("IncidentId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Returns the identifier with this text.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static IncidentId of(String value) {
        return new IncidentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
