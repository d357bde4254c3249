package dev.supportkit.spi.event;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.Provider;
import java.util.List;

/**
 * Publishes the engine's domain events to somewhere outside it, e.g. a message broker.
 */
public interface EventSink extends Provider {

    /**
     * Publishes one event. Called after commit, at least once, in order per request; an exception makes the
     * engine try again later with the same {@link DomainEvent#eventId()}.
     *
     * @param event the event
     */
    void publish(DomainEvent event);

    /**
     * Publishes events in the order given and returns once the broker acknowledged every one of them. A sink
     * may send them all before the first acknowledgement arrives (one wait for the batch instead of one per
     * event), on one connection, so the broker receives them in this order. When one is not acknowledged, the
     * sink throws {@link PartiallyPublishedException} with how many of them, from the first, were; the engine
     * tries the others again later, in order, with the same ids (the broker may hold some of them already, as
     * after a failed {@link #publish}). This default publishes one after the other.
     *
     * @param events the events, in the order they must be published
     * @throws PartiallyPublishedException when not every event was acknowledged
     */
    default void publishAll(List<DomainEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            try {
                publish(events.get(i));
            } catch (RuntimeException e) {
                throw new PartiallyPublishedException(i, e);
            }
        }
    }
}
