package dev.supportkit.spi;

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
}
