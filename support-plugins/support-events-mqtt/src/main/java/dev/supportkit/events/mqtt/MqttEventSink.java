package dev.supportkit.events.mqtt;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.BrokerEventSink;
import dev.supportkit.spi.event.CloudEvents;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Publishes each event at QoS 1 and waits for the PUBACK; a failure disconnects and throws, so the engine's
 * outbox tries the event again later with the same id.
 *
 * <p>A batch (a request's waiting events) goes out through a window: up to {@code max-in-flight} events (at most
 * the broker's receive maximum) wait for their PUBACK at once, in order on one connection, and the batch
 * returns when every one is acknowledged. A broker that holds back small writes (Mosquitto's default, without
 * {@code set_tcp_nodelay}) keeps its later PUBACKs until the client acknowledges the TCP segment with the
 * earlier ones, which the client's TCP delays by up to 40 ms when it has nothing to send: the window would stall
 * at every pause. So when a PUBACK is {@code nudge-after-micros} late the sink sends an UNSUBSCRIBE of
 * {@code <topic-prefix>/.nudge} (a filter it never subscribed to; the broker answers "no subscription"), whose
 * segment carries the acknowledgement; measured on Mosquitto 2.0 this makes a window of 20 publish about 1.5 to
 * 2 times as many events per second as one after the other. When an event is not acknowledged, the ones before
 * it count as published and the rest are tried again later, in order; the broker may hold some of them already
 * (at least once: consumers drop repeats by the {@code event-id} user property).
 */
final class MqttEventSink extends BrokerEventSink {
    /** The last topic level of the filter the nudge unsubscribes from. */
    static final String NUDGE_LEVEL = ".nudge";
    /** The longest wait between nudges, in multiples of the first. */
    private static final long MAX_NUDGE_BACK_OFF = 64;
    private final MqttSettings settings;
    private final String clientId;
    private Mqtt5AsyncClient client;
    /** The broker's receive maximum, from the CONNACK of the current connection. */
    private int receiveMaximum = 1;

    MqttEventSink(MqttSettings settings, DataCodec codec, String clientId) {
        super(MqttEventSinkFactory.ID, codec, "acknowledged by the broker");
        this.settings = settings;
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
    protected void send(DomainEvent event, byte[] body) throws ExecutionException, TimeoutException,
            InterruptedException {
        acknowledged(publish(client(), event, body).get(settings.publishTimeoutMs(), TimeUnit.MILLISECONDS));
    }

    /**
     * Sends the events through a window of at most {@code max-in-flight} (and the broker's receive maximum)
     * unacknowledged publishes and waits for each PUBACK in order, nudging the broker when one is late.
     */
    @Override
    protected void sendAll(List<DomainEvent> events, List<byte[]> bodies, AtomicInteger confirmed)
            throws Exception {
        Mqtt5AsyncClient open = client();
        int window = Math.min(settings.maxInFlight(), receiveMaximum);
        if (window <= 1) {
            super.sendAll(events, bodies, confirmed);
            return;
        }
        Deque<CompletableFuture<Mqtt5PublishResult>> inFlight = new ArrayDeque<>(window);
        int sent = 0;
        while (confirmed.get() < events.size()) {
            if (sent < events.size() && inFlight.size() < window) {
                inFlight.add(publish(open, events.get(sent), bodies.get(sent)));
                sent++;
                continue;
            }
            acknowledged(awaitNudging(open, inFlight.remove()));
            confirmed.incrementAndGet();
        }
    }

    /** Sends one event at QoS 1; the future completes with the broker's PUBACK. */
    private CompletableFuture<Mqtt5PublishResult> publish(Mqtt5AsyncClient open, DomainEvent event, byte[] body) {
        return open.publishWith().topic(topic(event, settings.topicPrefix())).qos(MqttQos.AT_LEAST_ONCE)
                .payload(body).contentType(CloudEvents.CONTENT_TYPE).userProperties()
                .add("event-id", event.eventId()).add("ce-type", CloudEvents.type(event)).applyUserProperties()
                .send();
    }

    /**
     * Waits for a PUBACK for the publish timeout at most, sending the nudge (see the class comment) each time it
     * is late: first after {@code nudge-after-micros}, then after twice as long as the wait before, up to 64
     * times the first. A nudge helps only once the broker's held-back segment has arrived, so one may come too
     * early; a broker that is slow rather than holding back gets a few nudges per round trip, not one per wait.
     */
    private Mqtt5PublishResult awaitNudging(Mqtt5AsyncClient open, CompletableFuture<Mqtt5PublishResult> ack)
            throws ExecutionException, TimeoutException, InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(settings.publishTimeoutMs()); // less each wait that timed out
        long first = TimeUnit.MICROSECONDS.toNanos(settings.nudgeAfterMicros());
        long wait = first;
        while (true) {
            if (wait == 0 || left <= wait) {
                return ack.get(left, TimeUnit.NANOSECONDS);
            }
            try {
                return ack.get(wait, TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                open.unsubscribeWith().topicFilter(settings.topicPrefix() + "/" + NUDGE_LEVEL).send();
                left -= wait;
                wait = Math.min(wait * 2, first * MAX_NUDGE_BACK_OFF);
            }
        }
    }

    /** Throws when the broker answered the publish with an error reason. */
    private static void acknowledged(Mqtt5PublishResult result) {
        if (result.getError().isPresent()) {
            throw new IllegalStateException("the broker refused the publish: " + result.getError().get());
        }
    }

    @Override
    protected String withoutSecrets(String message) {
        return settings.password().map(p -> message.replace(p, "****")).orElse(message);
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
        Mqtt5ConnAck connected = fresh.connectWith().cleanStart(true).send().get(settings.publishTimeoutMs(),
                TimeUnit.MILLISECONDS);
        receiveMaximum = connected.getRestrictions().getReceiveMaximum();
        client = fresh;
        return client;
    }

    @Override
    protected void disconnect() {
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
}
