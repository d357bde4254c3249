package dev.supportkit.events.mqtt;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * The {@code mqtt} event sink: every domain event is published over MQTT 5 at QoS 1 as a CloudEvents 1.0 JSON
 * document on topic {@code <topic-prefix>/<tenant>/<request id>}, with content type
 * {@code application/cloudevents+json} and the event id as the user property {@code event-id} (QoS 1 may
 * deliver twice: consumers drop repeats by it); a publish counts as done on the broker's PUBACK. Settings
 * {@code supportkit.providers.mqtt.*}: {@code host} (required), {@code port} (1883), {@code username},
 * {@code password} (secret), {@code topic-prefix} ({@code supportkit/events}), {@code publish-timeout-ms} (5000),
 * {@code max-in-flight} (20: how many events of a batch wait for their PUBACK at once, capped by the broker's
 * receive maximum; 1 publishes one after the other), {@code nudge-after-micros} (300: how late a PUBACK may be
 * before the sink nudges a broker that holds back its small writes; 0 never nudges). Found through
 * {@code META-INF/services} or as the PF4J plugin {@code supportkit-events-mqtt}.
 */
public final class MqttEventSinkFactory implements EventSinkFactory {
    /** The id configuration selects this sink by. */
    public static final String ID = "mqtt";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public MqttEventSinkFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return MqttSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the sink; it connects on its first publish, as client
     * {@code supportkit-<node id>}.
     *
     * @param context the engine's codec, node id and this sink's settings
     * @return the sink
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public EventSink create(ProviderContext context) {
        return new MqttEventSink(MqttSettings.parse(context.settings()), context.codec(), "supportkit-"
                + context.nodeId());
    }
}
