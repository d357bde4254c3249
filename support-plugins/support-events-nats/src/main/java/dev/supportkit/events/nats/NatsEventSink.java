package dev.supportkit.events.nats;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.BrokerEventSink;
import dev.supportkit.spi.event.CloudEvents;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.PublishOptions;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event to JetStream and waits for the acknowledgement; a failure closes the connection and
 * throws, so the engine's outbox tries the event again later with the same id (the server drops the repeat
 * when the first publish did land).
 */
final class NatsEventSink extends BrokerEventSink {
    private static final Logger LOG = LoggerFactory.getLogger(NatsEventSink.class);

    private final NatsSettings settings;
    private Connection connection;
    private JetStream jetStream;

    NatsEventSink(NatsSettings settings, DataCodec codec) {
        super(NatsEventSinkFactory.ID, codec, "acknowledged by JetStream");
        this.settings = settings;
    }

    /**
     * @param event a domain event
     * @param prefix the subject prefix
     * @return its subject: {@code <prefix>.<tenant>.<event type>}
     */
    static String subject(DomainEvent event, String prefix) {
        return prefix + "." + event.tenant().value() + "." + event.entry().event().getClass().getSimpleName();
    }

    @Override
    protected void send(DomainEvent event, byte[] body) throws IOException, JetStreamApiException,
            InterruptedException {
        acknowledged(event, jetStream().publish(subject(event, settings.subjectPrefix()), headers(event), body,
                options(event)));
    }

    /**
     * Sends the batch without waiting, then takes JetStream's acknowledgements in the same order; the first that
     * fails or does not come in time ends the batch, the ones before it counted as confirmed.
     */
    @Override
    protected void sendAll(List<DomainEvent> events, List<byte[]> bodies, AtomicInteger confirmed)
            throws IOException, JetStreamApiException, InterruptedException, ExecutionException, TimeoutException {
        JetStream stream = jetStream();
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            acks.add(stream.publishAsync(subject(event, settings.subjectPrefix()), headers(event), bodies.get(i),
                    options(event)));
        }
        for (int i = 0; i < events.size(); i++) { // all in flight: the waits overlap
            acknowledged(events.get(i), acks.get(i).get(settings.publishTimeoutMs(), TimeUnit.MILLISECONDS));
            confirmed.incrementAndGet();
        }
    }

    private static Headers headers(DomainEvent event) {
        return new Headers().add("Content-Type", CloudEvents.CONTENT_TYPE).add("ce-type", CloudEvents.type(event))
                .add("tenant", event.tenant().value()).add("request", event.request().value());
    }

    /** Its id as {@code Nats-Msg-Id}, so the server drops a repeat. */
    private PublishOptions options(DomainEvent event) {
        return PublishOptions.builder().messageId(event.eventId()).stream(settings.stream())
                .streamTimeout(Duration.ofMillis(settings.publishTimeoutMs())).build();
    }

    private void acknowledged(DomainEvent event, PublishAck ack) {
        if (ack.isDuplicate()) {
            LOG.debug("Event {} was already in stream {}", event.eventId(), settings.stream());
        }
    }

    @Override
    protected String withoutSecrets(String message) {
        return message.replace(settings.servers(), "****");
    }

    /** The JetStream context, connecting and creating the stream first when there is none. */
    private JetStream jetStream() throws IOException, InterruptedException, JetStreamApiException {
        if (jetStream != null && connection != null && connection.getStatus() == Connection.Status.CONNECTED) {
            return jetStream;
        }
        disconnect();
        Options options = new Options.Builder().servers(settings.servers().split(","))
                .connectionName("supportkit-events").connectionTimeout(Duration.ofMillis(settings.publishTimeoutMs()))
                .maxReconnects(0).build();
        connection = Nats.connect(options);
        JetStreamManagement management = connection.jetStreamManagement();
        if (!management.getStreamNames().contains(settings.stream())) {
            management.addStream(StreamConfiguration.builder().name(settings.stream())
                    .subjects(settings.subjectPrefix() + ".>").storageType(StorageType.File)
                    .duplicateWindow(Duration.ofMinutes(10)).build());
        }
        jetStream = connection.jetStream();
        return jetStream;
    }

    @Override
    protected void disconnect() {
        if (connection != null) {
            try {
                connection.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.debug("Closing the NATS connection failed: {}", e.toString());
            }
        }
        connection = null;
        jetStream = null;
    }
}
