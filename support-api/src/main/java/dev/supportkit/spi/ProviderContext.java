package dev.supportkit.spi;

import dev.supportkit.spi.notification.FailingContactPoints;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Clock;

/**
 * What the engine gives a factory when it creates a provider.
 */
public interface ProviderContext {
    /**
     * Returns the engine's clock: the only source of time a provider may use.
     *
     * @return the engine's clock: the only source of time a provider may use
     */
    Clock clock();

    /**
     * Returns this engine node's id, unique among nodes sharing one database.
     *
     * @return this engine node's id, unique among nodes sharing one database
     */
    String nodeId();

    /**
     * Returns the provider's own settings.
     *
     * @return the provider's own settings
     */
    ProviderSettings settings();

    /**
     * Returns JSON codec for API records.
     *
     * @return JSON codec for API records
     */
    DataCodec codec();

    /**
     * Returns this provider's durable state, kept in the engine's storage and shared by every engine on
     * one database. Storage and search providers, created before storage exists, get none.
     *
     * @return this provider's own state store
     * @throws UnsupportedOperationException when this context keeps no state (storage and search
     *         providers, and contexts made by tests that do not offer it)
     */
    default ProviderStateStore state() {
        throw new UnsupportedOperationException("this provider context keeps no provider state");
    }

    /**
     * Returns the engine's marks on failing contact points, which its delivery consults: a provider that learns
     * an address fails (a bounce) marks it here, so no further message is attempted on it.
     *
     * @return the engine's failing contact points, marked in this provider's name
     * @throws UnsupportedOperationException when this context offers none (storage and search providers, and
     *         contexts made by tests that do not offer it)
     */
    default FailingContactPoints failingContactPoints() {
        throw new UnsupportedOperationException("this provider context offers no failing contact points");
    }
}
