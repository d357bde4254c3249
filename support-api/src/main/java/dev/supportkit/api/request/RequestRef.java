package dev.supportkit.api.request;

import java.util.Objects;

/**
 * A request as the caller last saw it: its id and version. Every command takes one, and fails with
 * {@code ConcurrencyConflictException} when the request has changed since.
 *
 * @param id      the request
 * @param version the version the caller read
 */
public record RequestRef(RequestId id, long version) {
    /**
     * Validates the reference.
     *
     * @param id the request
     * @param version the version the caller read
     */
    public RequestRef {
        Objects.requireNonNull(id, "id");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }
}
