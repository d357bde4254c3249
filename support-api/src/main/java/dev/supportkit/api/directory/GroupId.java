package dev.supportkit.api.directory;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of a support group.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record GroupId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public GroupId {
        Objects.requireNonNull(value, "GroupId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("GroupId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static GroupId of(String value) {
        return new GroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
