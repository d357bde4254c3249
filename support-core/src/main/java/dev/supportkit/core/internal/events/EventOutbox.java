package dev.supportkit.core.internal.events;

import dev.supportkit.spi.storage.OutboxMessage;

/**
 * The outbox rows of domain events and CRM pushes: their topics, receivers and ids. A row's id is
 * {@code topic|receiver|tenant|request|position}, the position zero-padded, so the ids of one request's rows
 * to one receiver sort in the order of its changes.
 */
final class EventOutbox {
    /** Topic of a journalled change for listeners or an event sink. */
    static final String EVENT_TOPIC = "event.journalled";
    /** Topic of a request version for a CRM adapter. */
    static final String CRM_TOPIC = "crm.push";
    /** Receiver of the in-process listeners. */
    static final String LISTENERS = "listeners";
    /** Prefix of an event sink's receiver, before the sink's id. */
    static final String SINK = "sink:";
    /** Prefix of a CRM adapter's receiver, before the adapter's id. */
    static final String CRM = "crm:";

    private EventOutbox() {
    }

    /**
     * @param topic    the topic
     * @param receiver the receiver
     * @param tenant   the tenant's id
     * @param request  the request's id
     * @param position the change's place among the request's changes
     * @return the row id
     */
    static String id(String topic, String receiver, String tenant, String request, long position) {
        return prefix(topic, receiver, tenant, request) + String.format("%019d", position);
    }

    /**
     * @param topic    the topic
     * @param receiver the receiver
     * @param tenant   the tenant's id
     * @param request  the request's id
     * @return the part of the id shared by one request's rows to one receiver
     */
    static String prefix(String topic, String receiver, String tenant, String request) {
        return topic + "|" + receiver + "|" + tenant + "|" + request + "|";
    }

    /**
     * @param message a row
     * @return the part of its id shared by its request's rows to its receiver
     */
    static String prefixOf(OutboxMessage message) {
        return message.id().substring(0, message.id().lastIndexOf('|') + 1);
    }
}
