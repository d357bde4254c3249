package dev.supportkit.notify.voice;

import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * A provider context as the engine builds it: a fixed clock, a node id, the settings and the engine's
 * real JSON codec.
 *
 * @param clock    the clock
 * @param nodeId   the node id
 * @param settings the provider's settings
 * @param codec    the codec
 */
record TestContext(Clock clock, String nodeId, ProviderSettings settings, DataCodec codec) implements ProviderContext {
    static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    static TestContext of(Map<String, String> settings) {
        return new TestContext(Clock.fixed(NOW, ZoneOffset.UTC), "node-test", new ProviderSettings(settings),
                new JacksonCodec());
    }
}
