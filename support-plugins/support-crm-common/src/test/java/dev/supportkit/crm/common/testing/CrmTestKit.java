package dev.supportkit.crm.common.testing;

import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.state.ProviderStateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** What the CRM adapters' tests share: a provider context, a stage map's lookup, an H2 file engine's settings. */
public final class CrmTestKit {
    /** The fixed time of {@link #context}. */
    public static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");

    private CrmTestKit() {
    }

    /**
     * A provider context as the engine builds it, on a fixed clock.
     *
     * @param settings the provider's settings, without prefix
     * @param state    the provider's state
     * @return the context
     */
    public static ProviderContext context(Map<String, String> settings, ProviderStateStore state) {
        return context(settings, state, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    /**
     * A provider context as the engine builds it.
     *
     * @param settings the provider's settings, without prefix
     * @param state    the provider's state
     * @param clock    the engine's clock
     * @return the context
     */
    public static ProviderContext context(Map<String, String> settings, ProviderStateStore state, Clock clock) {
        ProviderSettings values = new ProviderSettings(settings);
        return new ProviderContext() {
            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public String nodeId() {
                return "node-test";
            }

            @Override
            public ProviderSettings settings() {
                return values;
            }

            @Override
            public DataCodec codec() {
                return new JacksonCodec();
            }

            @Override
            public ProviderStateStore state() {
                return state;
            }
        };
    }

    /**
     * Settings with pairs added.
     *
     * @param base  the settings
     * @param extra key, value, key, value …
     * @return a new map
     */
    public static Map<String, String> with(Map<String, String> base, String... extra) {
        Map<String, String> settings = new HashMap<>(base);
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    /**
     * The stage a {@code STATUS=stage;…} map gives a status.
     *
     * @param stages the map
     * @param status the status
     * @return the stage
     */
    public static String stageOf(String stages, RequestStatus status) {
        for (String pair : stages.split(";")) {
            if (pair.startsWith(status.name() + "=")) {
                return pair.substring(status.name().length() + 1);
            }
        }
        throw new AssertionError("no stage for " + status + " in " + stages);
    }

    /**
     * The settings of an engine on an H2 file database through the JDBC plugin, which survives a restart.
     *
     * @param directory where the database's files go
     * @return the settings
     */
    public static Map<String, String> h2File(Path directory) {
        return Map.of("supportkit.storage.provider", "jdbc", "supportkit.providers.jdbc.url",
                "jdbc:h2:file:" + directory.toAbsolutePath());
    }
}
