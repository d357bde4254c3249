package dev.supportkit.spi;

/**
 * A backend created by a {@link ProviderFactory}: a storage, a notification channel, a CRM adapter.
 * The engine closes it when the engine closes.
 */
public interface Provider extends AutoCloseable {
    /** Releases the provider's resources. The default does nothing. */
    @Override
    default void close() {
    }
}
