package dev.supportkit.spi.event;

import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.spi.DataCodec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Domain events as CloudEvents 1.0 JSON documents (structured mode), the shape every broker sink publishes:
 * <pre>{@code
 * {"specversion": "1.0", "id": "<event id>", "source": "urn:supportkit:<tenant>",
 *  "type": "dev.supportkit.request.<event type>", "subject": "<request id>", "time": "<entry time>",
 *  "datacontenttype": "application/json",
 *  "data": {"tenant": ..., "request": ..., "version": <request version>, "laborFunction": "C/03.6",
 *           "entry": <the journal entry>}}
 * }</pre>
 * The id is the event's stable id, the same on every retry, so consumers drop repeats by it.
 */
public final class CloudEvents {
    /** The media type of a structured-mode CloudEvent in JSON. */
    public static final String CONTENT_TYPE = "application/cloudevents+json";
    /** The prefix of every event type. */
    public static final String TYPE_PREFIX = "dev.supportkit.request.";

    private CloudEvents() {
    }

    /**
     * @param event a domain event
     * @return its CloudEvents type, e.g. {@code dev.supportkit.request.Resolved}
     */
    public static String type(DomainEvent event) {
        return TYPE_PREFIX + event.entry().event().getClass().getSimpleName();
    }

    /**
     * @param event a domain event
     * @return its CloudEvents source: {@code urn:supportkit:<tenant>}
     */
    public static String source(DomainEvent event) {
        return "urn:supportkit:" + event.tenant().value();
    }

    /**
     * Writes an event as a CloudEvents 1.0 JSON document.
     *
     * @param event the event
     * @param codec the engine's codec (it writes the journal entry as the engine stores it)
     * @return the JSON text
     */
    public static String toJson(DomainEvent event, DataCodec codec) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenant", event.tenant().value());
        data.put("request", event.request().value());
        data.put("version", event.requestVersion());
        data.put("laborFunction", event.laborFunction());
        data.put("entry", event.entry());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("specversion", "1.0");
        document.put("id", event.eventId());
        document.put("source", source(event));
        document.put("type", type(event));
        document.put("subject", event.request().value());
        document.put("time", event.entry().occurredAt().toString());
        document.put("datacontenttype", "application/json");
        document.put("data", data);
        return codec.toJson(document);
    }
}
