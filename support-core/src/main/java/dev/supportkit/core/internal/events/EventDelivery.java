package dev.supportkit.core.internal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.event.DomainEventListener;
import dev.supportkit.core.internal.journal.DefaultJournalService;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.OutboxTarget;
import dev.supportkit.spi.crm.CrmAdapter;
import dev.supportkit.spi.crm.CrmRejectedException;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.PartiallyPublishedException;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Delivers the rows of {@link EventPublishingHook} to listeners, event sinks and CRM adapters, in order per
 * request and receiver: a row waits while an earlier row of its request to its receiver is still pending.
 */
public final class EventDelivery implements OutboxTarget {
    private final EventTargets targets;
    private final JacksonCodec codec;
    private final Clock clock;

    /**
     * @param targets who receives the changes
     * @param codec   JSON for the payloads
     * @param clock   the engine's clock
     */
    @Inject
    public EventDelivery(EventTargets targets, JacksonCodec codec, Clock clock) {
        this.targets = targets;
        this.codec = codec;
        this.clock = clock;
    }

    @Override
    public boolean handles(String topic) {
        return EventOutbox.EVENT_TOPIC.equals(topic) || EventOutbox.CRM_TOPIC.equals(topic);
    }

    @Override
    public Optional<Instant> heldUntil(EarlierMessages pending, OutboxMessage message) {
        Instant now = clock.instant();
        Optional<Instant> earlier = pending.pendingBefore(message, EventOutbox.prefixOf(message)).stream()
                .map(other -> other.nextAttemptAt().isAfter(now) ? other.nextAttemptAt() : now)
                .max(Instant::compareTo);
        if (earlier.isPresent() || !EventOutbox.CRM_TOPIC.equals(message.topic())) {
            return earlier;
        }
        // a CRM that asked to wait, or whose client-side rate limit is spent, holds its pushes without an attempt
        CrmAdapter adapter = targets.crm().get(message.recipient().substring(EventOutbox.CRM.length()));
        return adapter == null ? Optional.empty() : adapter.pausedUntil().filter(until -> until.isAfter(now));
    }

    @Override
    public DeliveryResult deliver(OutboxMessage message) {
        String receiver = message.recipient();
        if (EventOutbox.CRM_TOPIC.equals(message.topic())) {
            String id = receiver.substring(EventOutbox.CRM.length());
            CrmAdapter adapter = targets.crm().get(id);
            if (adapter == null) {
                return DeliveryResult.temporaryFailure("no CRM adapter '" + id + "' is started");
            }
            try {
                adapter.push(CrmChanges.read(message.payload(), message.idempotencyKey(), codec));
            } catch (CrmRejectedException e) {
                return DeliveryResult.permanentFailure("CRM adapter '" + id + "' rejected the change: "
                        + e.getMessage());
            }
            return DeliveryResult.delivered("pushed to CRM adapter '" + id + "'");
        }
        DomainEvent event = event(message);
        if (EventOutbox.LISTENERS.equals(receiver)) {
            for (DomainEventListener listener : targets.listeners()) {
                listener.onEvent(event);
            }
            return DeliveryResult.delivered("handed to " + targets.listeners().size() + " listener(s)");
        }
        String id = receiver.substring(EventOutbox.SINK.length());
        EventSink sink = targets.sinks().get(id);
        if (sink == null) {
            return DeliveryResult.temporaryFailure("no event sink '" + id + "' is started");
        }
        sink.publish(event);
        return DeliveryResult.delivered("published to event sink '" + id + "'");
    }

    /** Events to the same event sink go in one call: sent together, acknowledged together. */
    @Override
    public boolean deliversWith(OutboxMessage previous, OutboxMessage next) {
        return EventOutbox.EVENT_TOPIC.equals(next.topic()) && EventOutbox.EVENT_TOPIC.equals(previous.topic())
                && next.recipient().startsWith(EventOutbox.SINK) && next.recipient().equals(previous.recipient());
    }

    @Override
    public List<DeliveryResult> deliverInOrder(List<OutboxMessage> messages) {
        String receiver = messages.get(0).recipient();
        if (messages.size() == 1 || !receiver.startsWith(EventOutbox.SINK)) {
            return OutboxTarget.super.deliverInOrder(messages);
        }
        String id = receiver.substring(EventOutbox.SINK.length());
        EventSink sink = targets.sinks().get(id);
        if (sink == null) {
            return List.of(DeliveryResult.temporaryFailure("no event sink '" + id + "' is started"));
        }
        List<DomainEvent> events = new ArrayList<>();
        DeliveryResult failed = null;
        for (OutboxMessage message : messages) {
            try {
                events.add(event(message));
            } catch (RuntimeException e) { // the events before it go out; it fails on its own
                failed = DeliveryResult.temporaryFailure(e.toString());
                break;
            }
        }
        DeliveryResult published = DeliveryResult.delivered("published to event sink '" + id + "'");
        List<DeliveryResult> results = new ArrayList<>();
        try {
            sink.publishAll(events);
            results.addAll(Collections.nCopies(events.size(), published));
        } catch (PartiallyPublishedException e) {
            results.addAll(Collections.nCopies(Math.min(e.acknowledged(), events.size()), published));
            Throwable cause = e.getCause() == null ? e : e.getCause();
            failed = DeliveryResult.temporaryFailure("event sink '" + id + "' did not acknowledge it: " + cause);
        }
        if (failed != null) {
            results.add(failed);
        }
        return results;
    }

    private DomainEvent event(OutboxMessage message) {
        try {
            JsonNode payload = codec.mapper().readTree(message.payload());
            JournalRecord record = codec.mapper().treeToValue(payload.get("record"), JournalRecord.class);
            return new DomainEvent(message.idempotencyKey(), message.tenant(), message.request(),
                    payload.get("requestVersion").asLong(), record.function().code(),
                    DefaultJournalService.entry(record, codec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot read the event of outbox message " + message.id(), e);
        }
    }
}
