package dev.supportkit.api.event;

/**
 * Receives the engine's domain events in-process, after commit and at least once; registered on the
 * engine's builder. Events of one request arrive in order; a listener that throws gets the same event
 * again later (with back-off), and the request's later events wait for it.
 */
@FunctionalInterface
public interface DomainEventListener {

    /**
     * Handles one event; may be called again with the same {@link DomainEvent#eventId()}.
     *
     * @param event the event
     */
    void onEvent(DomainEvent event);
}
