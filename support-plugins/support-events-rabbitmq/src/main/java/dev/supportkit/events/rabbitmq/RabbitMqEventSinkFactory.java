package dev.supportkit.events.rabbitmq;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * The {@code rabbitmq} event sink: every domain event is published to a durable topic exchange as a persistent
 * JSON message, with routing key {@code <tenant>.<event type>} (e.g. {@code acme.Resolved}), message id the
 * event's id (consumers drop duplicates by it: delivery is at least once), and headers {@code tenant},
 * {@code request} and {@code labor-function}; the engine counts a publish as done only when the broker
 * confirms it. Its settings are the keys {@code supportkit.providers.rabbitmq.*}:
 * <ul>
 *   <li>{@code uri} (required, secret): {@code amqp://user:password@host:5672/vhost}, or {@code amqps://}.</li>
 *   <li>{@code exchange} ({@code supportkit.events}): the topic exchange, declared durable when missing.</li>
 *   <li>{@code confirm-timeout-ms} (5000): how long a publish waits for the broker's confirm.</li>
 * </ul>
 * The sink starts when any of its keys is configured (or {@code enabled = true}), and is found through
 * {@code META-INF/services} on the class path or as the PF4J plugin {@code supportkit-events-rabbitmq}.
 */
public final class RabbitMqEventSinkFactory implements EventSinkFactory {
    /** The id configuration selects this sink by. */
    public static final String ID = "rabbitmq";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public RabbitMqEventSinkFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return RabbitMqSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the sink; it connects on its first publish, so an engine starts even
     * while the broker is down (events wait in the outbox).
     *
     * @param context the engine's codec and this sink's settings
     * @return the sink
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public EventSink create(ProviderContext context) {
        return new RabbitMqEventSink(RabbitMqSettings.parse(context.settings()), context.codec());
    }
}
