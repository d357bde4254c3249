package dev.supportkit.events.nats;

import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.event.CloudEvents;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.PartiallyPublishedException;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event to JetStream and waits for the acknowledgement (a batch is sent whole, then its
 * acknowledgements taken in order); a failure closes the connection and
 * throws, so the engine's outbox tries the event again later with the same id (the server drops the repeat
 * when the first publish did land).
 */
final class NatsEventSink implements EventSink {
    private static final Logger LOG = LoggerFactory.getLogger(NatsEventSink.class);

    private final NatsSettings settings;
    private final DataCodec codec;
    private Connection connection;
    private JetStream jetStream;

    NatsEventSink(NatsSettings settings, DataCodec codec) {
        this.settings = settings;
        this.codec = codec;
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
    public synchronized void publish(DomainEvent event) {
        try {
            Outgoing message = outgoing(event);
            acknowledged(event, jetStream().publish(message.subject(), message.headers(), message.body(),
                    message.options()));
        } catch (IOException | JetStreamApiException | InterruptedException | RuntimeException e) {
            throw failed(event, e);
        }
    }

    /**
     * Sends the events one after the other without waiting, then takes JetStream's acknowledgements in the same
     * order; the first that fails or does not come in time ends the batch, telling how many came before it.
     */
    @Override
    public synchronized void publishAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<CompletableFuture<PublishAck>> acks = new ArrayList<>();
        int acknowledged = 0;
        try {
            JetStream stream = jetStream();
            for (DomainEvent event : events) {
                Outgoing message = outgoing(event);
                acks.add(stream.publishAsync(message.subject(), message.headers(), message.body(),
                        message.options()));
            }
            for (; acknowledged < events.size(); acknowledged++) { // all in flight: the waits overlap
                acknowledged(events.get(acknowledged), acks.get(acknowledged).get(settings.publishTimeoutMs(),
                        TimeUnit.MILLISECONDS));
            }
        } catch (IOException | JetStreamApiException | InterruptedException | ExecutionException | TimeoutException
                 | RuntimeException e) {
            Exception cause = e instanceof ExecutionException && e.getCause() instanceof Exception c ? c : e;
            throw new PartiallyPublishedException(acknowledged, failed(events.get(acknowledged), cause));
        }
    }

    /** One event as a JetStream message. */
    private record Outgoing(String subject, Headers headers, byte[] body, PublishOptions options) {
    }

    /** The event as a JetStream message: CloudEvents JSON, its id as {@code Nats-Msg-Id}. */
    private Outgoing outgoing(DomainEvent event) {
        byte[] body = CloudEvents.toJson(event, codec).getBytes(StandardCharsets.UTF_8);
        Headers headers = new Headers().add("Content-Type", CloudEvents.CONTENT_TYPE)
                .add("ce-type", CloudEvents.type(event)).add("tenant", event.tenant().value())
                .add("request", event.request().value());
        PublishOptions options = PublishOptions.builder().messageId(event.eventId()).stream(settings.stream())
                .streamTimeout(Duration.ofMillis(settings.publishTimeoutMs())).build();
        return new Outgoing(subject(event, settings.subjectPrefix()), headers, body, options);
    }

    private void acknowledged(DomainEvent event, PublishAck ack) {
        if (ack.isDuplicate()) {
            LOG.debug("Event {} was already in stream {}", event.eventId(), settings.stream());
        }
    }

    /** Drops the connection (the next publish connects anew) and tells what failed, the servers masked. */
    private ProviderException failed(DomainEvent event, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        disconnect();
        return new ProviderException(NatsEventSinkFactory.ID, "event " + event.eventId()
                + " was not acknowledged by JetStream: " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().replace(settings.servers(), "****")), e);
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

    private void disconnect() {
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

    @Override
    public synchronized void close() {
        disconnect();
    }
}
