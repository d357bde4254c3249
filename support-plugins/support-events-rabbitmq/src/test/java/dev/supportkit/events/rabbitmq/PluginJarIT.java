package dev.supportkit.events.rabbitmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.core.testing.EventSinkPluginJarContract;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** The PF4J plugin jar, loaded by the engine's discovery, publishing to the real RabbitMQ. */
class PluginJarIT extends EventSinkPluginJarContract {
    private final String exchange = "supportkit.plugin-test." + UUID.randomUUID();
    private Connection connection;
    private Channel channel;
    private String queue;

    @Override
    protected String pluginId() {
        return "supportkit-events-rabbitmq";
    }

    @Override
    protected String factoryId() {
        return RabbitMqEventSinkFactory.ID;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/events/rabbitmq/RabbitMqEventSinkFactory.class",
                "com/rabbitmq/client/ConnectionFactory.class");
    }

    @Override
    protected Map<String, String> settings() {
        return Map.of("uri", RabbitMqEventSinkTest.URI, "exchange", exchange);
    }

    @Override
    protected void listen() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(RabbitMqEventSinkTest.URI);
        connection = factory.newConnection("supportkit-plugin-test");
        channel = connection.createChannel();
        channel.exchangeDeclare(exchange, "topic", true);
        queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, exchange, "#");
    }

    @Override
    protected void assertArrived(DomainEvent event) throws Exception {
        GetResponse message = channel.basicGet(queue, true);
        assertNotNull(message, "the broker has the event");
        assertEquals(event.eventId(), message.getProps().getMessageId());
    }

    @AfterEach
    void close() throws Exception {
        if (channel != null) {
            channel.exchangeDelete(exchange);
            connection.close();
        }
    }
}
