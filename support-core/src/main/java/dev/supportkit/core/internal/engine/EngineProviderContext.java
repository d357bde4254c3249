package dev.supportkit.core.internal.engine;

import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.notification.FailingContactPoints;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Clock;
import java.util.Optional;

/**
 * What a factory gets from the engine.
 *
 * @param clock      the engine's clock
 * @param nodeId     the node id
 * @param settings   the provider's own settings
 * @param codec      the engine's JSON codec
 * @param stateStore the provider's state, or empty for providers created before storage exists
 * @param failing    the engine's failing contact points, marked in the provider's name, or empty for providers
 *                   created before storage exists
 */
public record EngineProviderContext(Clock clock, String nodeId, ProviderSettings settings, DataCodec codec,
                                    Optional<ProviderStateStore> stateStore, Optional<FailingContactPoints> failing)
        implements ProviderContext {
    @Override
    public ProviderStateStore state() {
        return stateStore.orElseGet(ProviderContext.super::state);
    }

    @Override
    public FailingContactPoints failingContactPoints() {
        return failing.orElseGet(ProviderContext.super::failingContactPoints);
    }
}
