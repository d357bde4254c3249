package dev.supportkit.examples.quickstart;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.event.DomainEventListener;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * What the demo's consumers of domain events received: an in-process listener, and an event sink such as
 * a broker plugin would be. Delivery is at least once, so a consumer keeps the event ids it has seen.
 */
final class EventTap implements DomainEventListener {
    private final List<DomainEvent> received = new ArrayList<>();

    @Override
    public synchronized void onEvent(DomainEvent event) {
        received.add(event);
    }

    /**
     * Returns the events received for one request, in the order they arrived (repeats included).
     *
     * @param request the request
     * @return its events as received
     */
    synchronized List<DomainEvent> about(RequestId request) {
        return received.stream().filter(e -> e.request().equals(request)).toList();
    }

    /**
     * Returns an event-sink factory whose sink hands every event to this tap, as a broker plugin would
     * publish it.
     *
     * @return the factory
     */
    EventSinkFactory asSink() {
        return new EventSinkFactory() {
            @Override
            public String id() {
                return "demo-audit-log";
            }

            @Override
            public EventSink create(ProviderContext context) {
                return EventTap.this::onEvent;
            }
        };
    }
}
