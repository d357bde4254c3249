package dev.supportkit.api;

import java.util.Objects;

/**
 * Identifier of a tenant: one vendor or service organisation whose data is isolated from every other tenant's.
 *
 * @param value the identifier text; not blank, at most 64 characters
 */
public record TenantId(String value) implements Identifier {
    /**
     * Validates the identifier text.
     *
     * @param value the identifier text; not blank, at most 64 characters
     */
    public TenantId {
        Objects.requireNonNull(value, "TenantId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("TenantId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Creates an identifier.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
