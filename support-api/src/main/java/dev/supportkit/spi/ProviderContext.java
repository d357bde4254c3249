package dev.supportkit.spi;

import java.time.Clock;

/**
 * What the engine gives a factory when it creates a provider.
 */
public interface ProviderContext {
    /** @return the engine's clock: the only source of time a provider may use */
    Clock clock();

    /** @return this engine node's id, unique among nodes sharing one database */
    String nodeId();

    /** @return the provider's own settings */
    ProviderSettings settings();

    /** @return JSON codec for API records */
    DataCodec codec();
}
