package dev.supportkit.notify.fax.testing;

import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/**
 * A provider context as the engine builds it: a fixed clock (Moscow time), a node id, the settings and
 * the engine's real JSON codec.
 *
 * @param clock    the clock
 * @param nodeId   the node id
 * @param settings the provider's settings
 * @param codec    the codec
 */
public record TestContext(Clock clock, String nodeId, ProviderSettings settings, DataCodec codec)
        implements ProviderContext {

    /** The fixed time of every test clock. */
    public static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    private static final DataCodec CODEC = new JacksonCodec();

    /**
     * @param settings the settings
     * @return a context with the fixed clock in Europe/Moscow
     */
    public static TestContext of(Map<String, String> settings) {
        return new TestContext(Clock.fixed(NOW, ZoneId.of("Europe/Moscow")), "node-test",
                new ProviderSettings(settings), CODEC);
    }
}
