package dev.supportkit.events.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.BrokerEventSink;
import dev.supportkit.spi.event.CloudEvents;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event with publisher confirms on one channel (publishes are serialised: a channel is not
 * thread-safe). A failure closes the connection and throws, so the engine's outbox tries the event again
 * later with the same id; the next publish connects anew.
 */
final class RabbitMqEventSink extends BrokerEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqEventSink.class);

    private final RabbitMqSettings settings;
    private Connection connection;
    private Channel channel;

    RabbitMqEventSink(RabbitMqSettings settings, DataCodec codec) {
        super(RabbitMqEventSinkFactory.ID, codec, "confirmed by the broker");
        this.settings = settings;
    }

    @Override
    protected void send(DomainEvent event, byte[] body) throws IOException, TimeoutException, InterruptedException {
        Channel open = channel();
        publish(open, event, body);
        open.waitForConfirmsOrDie(settings.confirmTimeoutMs());
    }

    /**
     * Publishes the batch on the channel and then waits once for the broker to confirm all of it. The broker
     * does not tell which it took when the wait fails, so none counts as confirmed then: all are published
     * again, and consumers drop the repeats by message id.
     */
    @Override
    protected void sendAll(List<DomainEvent> events, List<byte[]> bodies, AtomicInteger confirmed)
            throws IOException, TimeoutException, InterruptedException {
        Channel open = channel();
        for (int i = 0; i < events.size(); i++) {
            publish(open, events.get(i), bodies.get(i));
        }
        open.waitForConfirmsOrDie(settings.confirmTimeoutMs());
        confirmed.set(events.size());
    }

    /** Publishes one event on the channel, persistent, without waiting for its confirm. */
    private void publish(Channel open, DomainEvent event, byte[] body) throws IOException {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(CloudEvents.CONTENT_TYPE).contentEncoding("UTF-8").deliveryMode(2)
                .messageId(event.eventId()).type(CloudEvents.type(event))
                .headers(Map.of("tenant", event.tenant().value(), "request", event.request().value(),
                        "labor-function", event.laborFunction()))
                .build();
        String routingKey = event.tenant().value() + "." + event.entry().event().getClass().getSimpleName();
        open.basicPublish(settings.exchange(), routingKey, properties, body);
    }

    @Override
    protected String withoutSecrets(String message) {
        return message.replace(settings.uri(), "****");
    }

    /** The open channel, connecting and declaring the exchange first when there is none. */
    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        disconnect();
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(settings.uri());
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IOException("the broker URI is not usable (" + e.getClass().getSimpleName() + ")");
        }
        factory.setAutomaticRecoveryEnabled(false); // the outbox retries; a failed connection is replaced
        factory.setConnectionTimeout(settings.confirmTimeoutMs());
        connection = factory.newConnection("supportkit-events");
        channel = connection.createChannel();
        channel.exchangeDeclare(settings.exchange(), BuiltinExchangeType.TOPIC, true);
        channel.confirmSelect();
        return channel;
    }

    @Override
    protected void disconnect() {
        if (connection != null) {
            try {
                connection.close(1_000);
            } catch (IOException | RuntimeException e) {
                LOG.debug("Closing the RabbitMQ connection failed: {}", e.toString());
            }
        }
        connection = null;
        channel = null;
    }
}
