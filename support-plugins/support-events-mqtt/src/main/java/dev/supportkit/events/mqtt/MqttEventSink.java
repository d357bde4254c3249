package dev.supportkit.events.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.CloudEvents;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.PartiallyPublishedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes each event at QoS 1 and waits for the PUBACK; a failure disconnects and throws, so the engine's
 * outbox tries the event again later with the same id. A batch goes one event after the other too: sent whole,
 * it waited about 40 ms for its last PUBACKs on a broker that holds back small writes (Mosquitto's default,
 * without {@code set_tcp_nodelay}) while the client holds back its TCP acknowledgement, which measured slower
 * than one by one.
 */
final class MqttEventSink implements EventSink {
    private final MqttSettings settings;
    private final DataCodec codec;
    private final String clientId;
    private Mqtt5AsyncClient client;

    MqttEventSink(MqttSettings settings, DataCodec codec, String clientId) {
        this.settings = settings;
        this.codec = codec;
        this.clientId = clientId;
    }

    /**
     * @param event  a domain event
     * @param prefix the topic prefix
     * @return its topic: {@code <prefix>/<tenant>/<request id>}
     */
    static String topic(DomainEvent event, String prefix) {
        return prefix + "/" + event.tenant().value() + "/" + event.request().value();
    }

    @Override
    public synchronized void publish(DomainEvent event) {
        try {
            send(client(), message(event));
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            throw failed(event, e);
        }
    }

    /**
     * Encodes every event first, then publishes them one after the other, each waiting for its PUBACK, so no
     * encoding sits between a PUBACK and the next publish.
     */
    @Override
    public synchronized void publishAll(List<DomainEvent> events) {
        int acknowledged = 0;
        try {
            List<Mqtt5Publish> messages = new ArrayList<>();
            for (DomainEvent event : events) {
                messages.add(message(event));
            }
            Mqtt5AsyncClient connected = messages.isEmpty() ? null : client();
            for (; acknowledged < messages.size(); acknowledged++) {
                send(connected, messages.get(acknowledged));
            }
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            throw new PartiallyPublishedException(acknowledged, failed(events.get(acknowledged), e));
        }
    }

    /** The event as a QoS 1 message: CloudEvents JSON, its id as the {@code event-id} user property. */
    private Mqtt5Publish message(DomainEvent event) {
        byte[] body = CloudEvents.toJson(event, codec).getBytes(StandardCharsets.UTF_8);
        return Mqtt5Publish.builder().topic(topic(event, settings.topicPrefix())).qos(MqttQos.AT_LEAST_ONCE)
                .payload(body).contentType(CloudEvents.CONTENT_TYPE).userProperties()
                .add("event-id", event.eventId()).add("ce-type", CloudEvents.type(event)).applyUserProperties()
                .build();
    }

    /** Publishes one message and waits for its PUBACK. */
    private void send(Mqtt5AsyncClient connected, Mqtt5Publish message)
            throws ExecutionException, TimeoutException, InterruptedException {
        acknowledged(connected.publish(message).get(settings.publishTimeoutMs(), TimeUnit.MILLISECONDS));
    }

    private static void acknowledged(Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            throw new IllegalStateException("the broker refused the publish: " + result.getError().get());
        }
    }

    /** Drops the connection (the next publish connects anew) and tells what failed, the password masked. */
    private ProviderException failed(DomainEvent event, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        disconnect();
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new ProviderException(MqttEventSinkFactory.ID, "event " + event.eventId() + " was not acknowledged"
                + " by the broker: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + settings.password().map(p ->
                cause.getMessage().replace(p, "****")).orElse(cause.getMessage())), cause);
    }

    /** The connected client, connecting first when there is none. */
    private Mqtt5AsyncClient client() throws ExecutionException, TimeoutException, InterruptedException {
        if (client != null && client.getState().isConnected()) {
            return client;
        }
        disconnect();
        Mqtt5ClientBuilder builder = Mqtt5Client.builder().identifier(clientId).serverHost(settings.host())
                .serverPort(settings.port());
        if (settings.username().isPresent()) {
            builder = builder.simpleAuth().username(settings.username().get())
                    .password(settings.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        Mqtt5AsyncClient fresh = builder.buildAsync();
        fresh.connectWith().cleanStart(true).send().get(settings.publishTimeoutMs(), TimeUnit.MILLISECONDS);
        client = fresh;
        return client;
    }

    private void disconnect() {
        if (client != null && client.getState().isConnected()) {
            try {
                client.disconnect().get(1, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // the connection is gone either way
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client = null;
    }

    @Override
    public synchronized void close() {
        disconnect();
    }
}
