package dev.supportkit.core.internal.events;

import dev.supportkit.api.event.DomainEventListener;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.event.EventSink;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who receives a request's changes after commit: the application's in-process listeners, the started event
 * sinks and the started CRM adapters (both by provider id).
 *
 * @param listeners the in-process listeners
 * @param sinks     the started event sinks
 * @param crm       the started CRM adapters
 */
public record EventTargets(List<DomainEventListener> listeners, Map<String, EventSink> sinks,
                           Map<String, CrmAdapter> crm) {

    /**
     * Copies the parts; the maps keep their ids sorted.
     *
     * @param listeners the in-process listeners
     * @param sinks     the started event sinks
     * @param crm       the started CRM adapters
     */
    public EventTargets {
        listeners = List.copyOf(listeners);
        sinks = Collections.unmodifiableMap(new TreeMap<>(sinks));
        crm = Collections.unmodifiableMap(new TreeMap<>(crm));
    }
}
