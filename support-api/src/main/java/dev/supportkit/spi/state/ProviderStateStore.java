package dev.supportkit.spi.state;

import java.util.Optional;

/**
 * A provider's own durable values, shared by every engine on one database and changed only by
 * compare-and-set. Keys belong to the provider that was given the store: two providers never see each
 * other's values. Every version is kept (an audit trail of, say, token rotations); only the latest is read.
 *
 * <p>Typical use, a value two engines may change at once:
 * <pre>{@code
 * Optional<ProviderState> current = state.get("oauth-token");
 * int expected = current.map(ProviderState::version).orElse(0);
 * if (!state.compareAndSet("oauth-token", expected, newTokenJson)) {
 *     // another engine changed it first: read it again and use its value
 * }
 * }</pre>
 */
public interface ProviderStateStore {
    /** The longest key accepted. */
    int MAX_KEY_LENGTH = 255;

    /**
     * Reads the latest value of a key.
     *
     * @param key the key, 1 to {@value #MAX_KEY_LENGTH} characters
     * @return the latest value, or empty when the key was never set
     * @throws IllegalArgumentException when the key is blank or too long
     */
    Optional<ProviderState> get(String key);

    /**
     * Stores a new value when the key's latest version is still {@code expectedVersion}.
     *
     * @param key             the key, 1 to {@value #MAX_KEY_LENGTH} characters
     * @param expectedVersion the version read before, or 0 to create a key that must not exist yet
     * @param value           the new value
     * @return {@code true} when stored (its version is {@code expectedVersion + 1}); {@code false} when
     *         another writer changed or created the key first, and nothing was stored
     * @throws IllegalArgumentException when the key is blank or too long, or the expected version negative
     */
    boolean compareAndSet(String key, int expectedVersion, String value);
}
