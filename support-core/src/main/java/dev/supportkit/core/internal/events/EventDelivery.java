package dev.supportkit.core.internal.events;

import com.fasterxml.jackson.databind.ObjectReader;
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
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.work.UnitOfWork;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final ObjectReader payloadReader;
    private final UnitOfWork work;

    /**
     * @param targets who receives the changes
     * @param codec   JSON for the payloads
     * @param clock   the engine's clock
     * @param work    reads the journal records the events carry
     */
    @Inject
    public EventDelivery(EventTargets targets, JacksonCodec codec, Clock clock, UnitOfWork work) {
        this.targets = targets;
        this.work = work;
        this.codec = codec;
        this.clock = clock;
        this.payloadReader = codec.mapper().readerFor(EventPayload.class);
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
        Decoded decoded = events(List.of(message));
        if (decoded.failure() != null) {
            throw decoded.failure();
        }
        DomainEvent event = decoded.events().get(0);
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

    /**
     * Events to the same event sink go in one call (sent together, acknowledged together), and so do events to
     * the listeners (their journal records read together).
     */
    @Override
    public boolean deliversWith(OutboxMessage previous, OutboxMessage next) {
        return EventOutbox.EVENT_TOPIC.equals(next.topic()) && EventOutbox.EVENT_TOPIC.equals(previous.topic())
                && next.recipient().equals(previous.recipient());
    }

    @Override
    public List<DeliveryResult> deliverInOrder(List<OutboxMessage> messages) {
        String receiver = messages.get(0).recipient();
        boolean toListeners = EventOutbox.LISTENERS.equals(receiver);
        if (messages.size() == 1 || !toListeners && !receiver.startsWith(EventOutbox.SINK)) {
            return OutboxTarget.super.deliverInOrder(messages);
        }
        String id = toListeners ? null : receiver.substring(EventOutbox.SINK.length());
        EventSink sink = toListeners ? null : targets.sinks().get(id);
        if (!toListeners && sink == null) {
            return List.of(DeliveryResult.temporaryFailure("no event sink '" + id + "' is started"));
        }
        // the events before one that cannot be made go out; it fails on its own
        Decoded decoded = events(messages);
        List<DomainEvent> events = decoded.events();
        DeliveryResult failed = decoded.failure() == null ? null
                : DeliveryResult.temporaryFailure(decoded.failure().toString());
        if (events.isEmpty()) {
            return List.of(failed);
        }
        if (toListeners) {
            return toListeners(events, failed);
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

    /**
     * Hands events to the listeners in order, stopping at the first a listener throws on (a temporary failure:
     * it and the rest come again later, in order).
     */
    private List<DeliveryResult> toListeners(List<DomainEvent> events, DeliveryResult failed) {
        DeliveryResult handed = DeliveryResult.delivered("handed to " + targets.listeners().size() + " listener(s)");
        List<DeliveryResult> results = new ArrayList<>();
        for (DomainEvent event : events) {
            try {
                for (DomainEventListener listener : targets.listeners()) {
                    listener.onEvent(event);
                }
            } catch (RuntimeException e) {
                results.add(DeliveryResult.temporaryFailure("the target failed: " + e));
                return results;
            }
            results.add(handed);
        }
        if (failed != null) {
            results.add(failed);
        }
        return results;
    }

    /**
     * The events of messages, in order, reading their journal records in one read per request (a row written by
     * an earlier version carries its record itself). Stops at the first message whose event cannot be made.
     *
     * @return the events of the messages from the first, and the failure that stopped them, if any
     */
    private Decoded events(List<OutboxMessage> messages) {
        List<EventPayload> payloads = new ArrayList<>(messages.size());
        RuntimeException failure = null;
        for (OutboxMessage message : messages) {
            try {
                EventPayload payload = payloadReader.readValue(message.payload());
                if (payload.record() == null && (payload.sequence() == null || message.request() == null)) {
                    throw new IllegalStateException("the payload names no journal record");
                }
                payloads.add(payload);
            } catch (IOException | RuntimeException e) {
                failure = cannotRead(message, e);
                break;
            }
        }
        Map<Journal, Map<Long, JournalRecord>> records;
        try {
            records = journalRecords(messages.subList(0, payloads.size()), payloads);
        } catch (RuntimeException e) { // e.g. the store is down: nothing goes out
            return new Decoded(List.of(), e);
        }
        List<DomainEvent> events = new ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            OutboxMessage message = messages.get(i);
            EventPayload payload = payloads.get(i);
            JournalRecord record = payload.record() != null ? payload.record()
                    : records.getOrDefault(Journal.of(message), Map.of()).get(payload.sequence());
            if (record == null) {
                return new Decoded(events, cannotRead(message, new IllegalStateException("journal record "
                        + payload.sequence() + " of " + message.request().value() + " is not in the store")));
            }
            try {
                events.add(new DomainEvent(message.idempotencyKey(), message.tenant(), message.request(),
                        payload.requestVersion(), record.function().code(),
                        DefaultJournalService.entry(record, codec)));
            } catch (RuntimeException e) {
                return new Decoded(events, cannotRead(message, e));
            }
        }
        return new Decoded(events, failure);
    }

    /** Reads the journal records the payloads name, one read per request, by request and sequence number. */
    private Map<Journal, Map<Long, JournalRecord>> journalRecords(List<OutboxMessage> messages,
                                                                 List<EventPayload> payloads) {
        Map<Journal, long[]> ranges = new LinkedHashMap<>(); // first and last sequence number wanted
        for (int i = 0; i < payloads.size(); i++) {
            if (payloads.get(i).record() == null) {
                long sequence = payloads.get(i).sequence();
                ranges.merge(Journal.of(messages.get(i)), new long[] {sequence, sequence},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        if (ranges.isEmpty()) {
            return Map.of();
        }
        return work.read(tx -> {
            Map<Journal, Map<Long, JournalRecord>> found = new HashMap<>();
            ranges.forEach((journal, range) -> {
                Map<Long, JournalRecord> bySequence = new HashMap<>();
                tx.findJournalRange(journal.tenant(), journal.request(), range[0], range[1])
                        .forEach(record -> bySequence.put(record.sequence(), record));
                found.put(journal, bySequence);
            });
            return found;
        });
    }

    /** A request's (or log's) journal. */
    private record Journal(TenantId tenant, RequestId request) {
        static Journal of(OutboxMessage message) {
            return new Journal(message.tenant(), message.request());
        }
    }

    private static IllegalStateException cannotRead(OutboxMessage message, Exception cause) {
        return new IllegalStateException("Cannot read the event of outbox message " + message.id() + ": " + cause,
                cause);
    }

    /** Events made from messages, from the first, and what stopped them, if anything did. */
    private record Decoded(List<DomainEvent> events, RuntimeException failure) {
    }

    /**
     * An event row's payload, as {@link EventPublishingHook} writes it: the request's version and the journal
     * record's sequence number; a row written before the record stayed in the journal only carries the record.
     */
    record EventPayload(long requestVersion, Long sequence, JournalRecord record) {
    }
}
