package dev.supportkit.events.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.CloudEvents;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.PartiallyPublishedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event with publisher confirms on one channel (a batch is sent whole, then its confirms awaited) (publishes are serialised: a channel is not
 * thread-safe). A failure closes the connection and throws, so the engine's outbox tries the event again
 * later with the same id; the next publish connects anew.
 */
final class RabbitMqEventSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqEventSink.class);

    private final RabbitMqSettings settings;
    private final DataCodec codec;
    private Connection connection;
    private Channel channel;

    RabbitMqEventSink(RabbitMqSettings settings, DataCodec codec) {
        this.settings = settings;
        this.codec = codec;
    }

    @Override
    public synchronized void publish(DomainEvent event) {
        try {
            Channel open = channel();
            send(open, event);
            open.waitForConfirmsOrDie(settings.confirmTimeoutMs());
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            throw failed(event, e);
        }
    }

    /**
     * Sends the events one after the other on the channel and then waits once for the broker to confirm them
     * all. The broker does not tell which of them it took when the wait fails, so none counts as acknowledged:
     * all are published again, and consumers drop the repeats by message id.
     */
    @Override
    public synchronized void publishAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try {
            Channel open = channel();
            for (DomainEvent event : events) {
                send(open, event);
            }
            open.waitForConfirmsOrDie(settings.confirmTimeoutMs());
        } catch (IOException | TimeoutException | InterruptedException | RuntimeException e) {
            throw new PartiallyPublishedException(0, failed(events.get(0), e));
        }
    }

    /** Publishes one event on the channel, persistent, without waiting for the confirm. */
    private void send(Channel open, DomainEvent event) throws IOException {
        byte[] body = CloudEvents.toJson(event, codec).getBytes(StandardCharsets.UTF_8);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .contentType(CloudEvents.CONTENT_TYPE).contentEncoding("UTF-8").deliveryMode(2)
                .messageId(event.eventId()).type(CloudEvents.type(event))
                .headers(Map.of("tenant", event.tenant().value(), "request", event.request().value(),
                        "labor-function", event.laborFunction()))
                .build();
        String routingKey = event.tenant().value() + "." + event.entry().event().getClass().getSimpleName();
        open.basicPublish(settings.exchange(), routingKey, properties, body);
    }

    /** Drops the connection (the next publish connects anew) and tells what failed, the URI masked. */
    private ProviderException failed(DomainEvent event, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        disconnect();
        return new ProviderException(RabbitMqEventSinkFactory.ID, "event " + event.eventId()
                + " was not confirmed by the broker: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(settings.uri(), "****")), e);
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

    private void disconnect() {
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

    @Override
    public synchronized void close() {
        disconnect();
    }
}
