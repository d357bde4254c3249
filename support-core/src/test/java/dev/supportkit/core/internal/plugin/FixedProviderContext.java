package dev.supportkit.core.internal.plugin;

import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** A provider context for tests: a fixed clock, no settings, no codec. */
final class FixedProviderContext implements ProviderContext {
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public String nodeId() {
        return "test-node";
    }

    @Override
    public ProviderSettings settings() {
        return ProviderSettings.empty();
    }

    @Override
    public DataCodec codec() {
        return null;
    }
}
