package dev.supportkit.events.nats;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * The {@code nats} event sink: every domain event is published to a JetStream stream as a CloudEvents 1.0 JSON
 * document on subject {@code <subject-prefix>.<tenant>.<event type>}, with the event id as {@code Nats-Msg-Id}
 * (the server drops a repeat within the stream's duplicate window) and counted done only when the server
 * acknowledges it. Settings {@code supportkit.providers.nats.*}: {@code servers} (required, secret),
 * {@code stream} ({@code SUPPORTKIT_EVENTS}), {@code subject-prefix} ({@code supportkit.events}),
 * {@code publish-timeout-ms} (5000). Found through {@code META-INF/services} or as the PF4J plugin
 * {@code supportkit-events-nats}.
 */
public final class NatsEventSinkFactory implements EventSinkFactory {
    /** The id configuration selects this sink by. */
    public static final String ID = "nats";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public NatsEventSinkFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return NatsSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the sink; it connects on its first publish.
     *
     * @param context the engine's codec and this sink's settings
     * @return the sink
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public EventSink create(ProviderContext context) {
        return new NatsEventSink(NatsSettings.parse(context.settings()), context.codec());
    }
}
