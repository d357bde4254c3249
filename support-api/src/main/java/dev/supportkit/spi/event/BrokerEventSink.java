package dev.supportkit.spi.event;

import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event sink that publishes each event as a {@link CloudEvents} JSON document to a broker over one
 * connection and waits for the broker's confirmation. Publishes are serialised. A failure drops the connection
 * and throws a {@link ProviderException} naming the event and the cause, with secrets masked, so the engine
 * tries the event again later with the same id; the next publish connects anew.
 */
public abstract class BrokerEventSink implements EventSink {
    private final String providerId;
    private final DataCodec codec;
    private final String confirmation;

    /**
     * @param providerId   the sink's id, named by its failures
     * @param codec        the engine's codec
     * @param confirmation what a failure says the event missed, e.g. {@code "acknowledged by the broker"}
     */
    protected BrokerEventSink(String providerId, DataCodec codec, String confirmation) {
        this.providerId = Objects.requireNonNull(providerId, "providerId");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
    }

    @Override
    public final synchronized void publish(DomainEvent event) {
        byte[] body = body(event);
        try {
            send(event, body);
        } catch (Exception e) {
            throw failed(event, e);
        }
    }

    /**
     * Encodes every event first, then hands them to {@link #sendAll}; on a failure, reports how many of them,
     * from the first, the broker confirmed.
     */
    @Override
    public final synchronized void publishAll(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<byte[]> bodies = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            bodies.add(body(event));
        }
        AtomicInteger confirmed = new AtomicInteger();
        try {
            sendAll(events, bodies, confirmed);
        } catch (Exception e) {
            int acknowledged = Math.min(confirmed.get(), events.size() - 1);
            throw new PartiallyPublishedException(acknowledged, failed(events.get(acknowledged), e));
        }
    }

    /**
     * Publishes events in order and waits until the broker confirms them, connecting first when there is no
     * connection. A sink may send them all before waiting; this default calls {@link #send} for each.
     *
     * @param events    the events, in order
     * @param bodies    their CloudEvents JSON documents, UTF-8, in the same order
     * @param confirmed to count up as the events, from the first, are confirmed
     * @throws Exception when an event was not published or not confirmed in time
     */
    protected void sendAll(List<DomainEvent> events, List<byte[]> bodies, AtomicInteger confirmed)
            throws Exception {
        for (int i = 0; i < events.size(); i++) {
            send(events.get(i), bodies.get(i));
            confirmed.incrementAndGet();
        }
    }

    private byte[] body(DomainEvent event) {
        return CloudEvents.toJson(event, codec).getBytes(StandardCharsets.UTF_8);
    }

    /** Drops the connection (the next publish connects anew) and tells what failed, secrets masked. */
    private ProviderException failed(DomainEvent event, Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        disconnect();
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return new ProviderException(providerId, "event " + event.eventId() + " was not " + confirmation + ": "
                + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + withoutSecrets(cause.getMessage())), cause);
    }

    /**
     * Publishes one event and waits until the broker confirms it, connecting first when there is no connection.
     *
     * @param event the event
     * @param body  its CloudEvents JSON document, UTF-8
     * @throws Exception when the event was not published or not confirmed in time
     */
    protected abstract void send(DomainEvent event, byte[] body) throws Exception;

    /**
     * @param message a failure's message
     * @return the message with every secret of the settings (password, credentials in a URI) masked
     */
    protected abstract String withoutSecrets(String message);

    /** Closes the connection, if any, quietly; the next publish connects anew. */
    protected abstract void disconnect();

    @Override
    public final synchronized void close() {
        disconnect();
    }
}
