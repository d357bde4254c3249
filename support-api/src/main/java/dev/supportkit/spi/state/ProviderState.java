package dev.supportkit.spi.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One stored value of a provider's state.
 *
 * @param key       the key, unique per provider
 * @param version   the version, starting at 1 and increased by each change; pass it to
 *                  {@link ProviderStateStore#compareAndSet(String, int, String)} to change the value
 * @param value     the value as text (often JSON)
 * @param updatedAt when this version was stored, by the engine's clock
 */
public record ProviderState(String key, int version, String value, Instant updatedAt) {
    /**
     * Checks that every part is present and the version positive.
     *
     * @param key       the key
     * @param version   the version, at least 1
     * @param value     the value
     * @param updatedAt when it was stored
     */
    public ProviderState {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }
}
