package dev.supportkit.spi.event;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.Provider;

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
}
