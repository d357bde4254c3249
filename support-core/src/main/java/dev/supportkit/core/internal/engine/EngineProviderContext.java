package dev.supportkit.core.internal.engine;

import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import java.time.Clock;

/**
 * What a factory gets from the engine.
 *
 * @param clock    the engine's clock
 * @param nodeId   the node id
 * @param settings the provider's own settings
 * @param codec    the engine's JSON codec
 */
public record EngineProviderContext(Clock clock, String nodeId, ProviderSettings settings, DataCodec codec)
        implements ProviderContext {
}
