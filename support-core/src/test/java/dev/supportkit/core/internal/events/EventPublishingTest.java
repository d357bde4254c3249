package dev.supportkit.core.internal.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.core.testing.RecordingCrmFactory;
import dev.supportkit.core.testing.SharedStorageFactory;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import dev.supportkit.spi.event.PartiallyPublishedException;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.core.internal.json.JacksonCodec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Journalled changes reach listeners and CRM adapters after commit, at least once, in order per request. */
class EventPublishingTest {
    private static final TenantId ACME = TenantId.of("acme");
    private static final List<RequestStatus> LIFE = List.of(RequestStatus.REGISTERED,
            RequestStatus.IN_PROGRESS_FIRST_LINE, RequestStatus.RESOLVED, RequestStatus.SIGNED_OFF,
            RequestStatus.CLOSED);

    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final RecordingCrmFactory crm = new RecordingCrmFactory("recording-crm");
    private final List<EngineFixture> fixtures = new ArrayList<>();

    private EngineFixture fixture(Map<String, String> settings, Consumer<SupportEngine.Builder> customize) {
        EngineFixture fx = new EngineFixture(ACME, null, settings, builder -> {
            builder.storage(storage).set("supportkit.notifications.backoff-initial-seconds", "1")
                    .set("supportkit.notifications.backoff-max-seconds", "60");
            customize.accept(builder);
        });
        fixtures.add(fx);
        return fx;
    }

    @AfterEach
    void close() {
        fixtures.forEach(EngineFixture::close);
    }

    /** Runs due work, moving the clock past every back-off, until nothing is left. */
    private static void drain(EngineFixture fx) {
        for (int pass = 0; pass < 200; pass++) {
            if (fx.engine.runDueWork().idle()) {
                fx.clock.advance(Duration.ofHours(1));
                if (fx.engine.runDueWork().idle()) {
                    return;
                }
            }
        }
        throw new AssertionError("due work never ran out");
    }

    private static List<Long> versions(List<RecordingCrmFactory.Push> pushes) {
        return pushes.stream().map(p -> p.request().version()).toList();
    }

    private static void assertWholeLife(Request closed, List<RecordingCrmFactory.Push> pushes) {
        assertEquals(LIFE, pushes.stream().map(p -> p.request().status()).toList(), "every version, in order");
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= closed.version(); v++) {
            expected.add(v);
        }
        assertEquals(expected, versions(pushes), "each version once, oldest first");
        assertEquals(pushes.size(), new HashSet<>(pushes.stream().map(RecordingCrmFactory.Push::idempotencyKey)
                .toList()).size(), "one key per version");
        assertEquals(closed, pushes.get(pushes.size() - 1).request(), "the last push is the stored request");
    }

    /** A sink factory of the given id whose every sink is {@code sink}. */
    private static EventSinkFactory sinkFactory(String id, EventSink sink) {
        return new EventSinkFactory() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public EventSink create(ProviderContext context) {
                return sink;
            }
        };
    }

    @Test
    @DisplayName("an in-process listener receives every journalled change of a request, once per event id, in order")
    void listenerReceivesEveryChange() {
        List<DomainEvent> events = Collections.synchronizedList(new ArrayList<>());
        EngineFixture fx = fixture(Map.of(), builder -> builder.eventListener(events::add));
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
        assertTrue(events.isEmpty(), "nothing is published before the outbox is worked off");
        drain(fx);

        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, closed.id());
        List<DomainEvent> ofRequest = events.stream().filter(e -> e.request().equals(closed.id())).toList();
        assertEquals(journal, ofRequest.stream().map(DomainEvent::entry).toList(), "every entry, in order");
        assertEquals(ofRequest.size(), new HashSet<>(ofRequest.stream().map(DomainEvent::eventId).toList()).size(),
                "once per event id");
        DomainEvent first = ofRequest.get(0);
        assertEquals(ACME, first.tenant());
        assertEquals(1, first.requestVersion());
        assertEquals(first.entry().function().code(), first.laborFunction());
        assertEquals(closed.version(), ofRequest.get(ofRequest.size() - 1).requestVersion());
    }

    @Test
    @DisplayName("listeners take a request's waiting events with one journal read; a listener that throws gets "
            + "that event again later, and the ones after it in order")
    void listenersTakeBatches() {
        InterceptingStorageFactory intercepting = new InterceptingStorageFactory();
        AtomicInteger journalReads = new AtomicInteger();
        List<DomainEvent> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failOnce = new AtomicLong(-1);
        EngineFixture fx = new EngineFixture(ACME, null, Map.of(), builder -> builder.storage(intercepting)
                .set("supportkit.notifications.backoff-initial-seconds", "1")
                .eventListener(event -> {
                    if (failOnce.compareAndSet(event.entry().sequence(), -1)) {
                        throw new IllegalStateException("the listener is busy");
                    }
                    seen.add(event);
                }));
        fixtures.add(fx);
        Request request = fx.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        drain(fx);
        int before = seen.size();
        for (int i = 0; i < 20; i++) {
            request = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Step " + i));
        }
        failOnce.set(request.journalSequence() - 5); // the listener throws once, on the fifteenth of the twenty
        intercepting.journalReads = records -> {
            journalReads.incrementAndGet();
            return records;
        };
        fx.engine.runDueWork();
        assertEquals(1, journalReads.get(), "the twenty events' records were read in one go");
        assertEquals(14, seen.size() - before, "the events before the one the listener threw on");
        intercepting.journalReads = records -> records;
        drain(fx);
        RequestId id = request.id();
        assertEquals(fx.engine.journal().entries(fx.auditor, id).stream().map(JournalEntry::sequence).toList(),
                seen.stream().filter(e -> e.request().equals(id)).map(e -> e.entry().sequence()).toList(),
                "every change once, in order, the one thrown on included");
    }

    @Test
    @DisplayName("an event sink registered on the builder publishes every journalled change once, in order")
    void sinkPublishesEveryChange() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        EventSinkFactory sink = sinkFactory("recording-sink", published::add);
        EngineFixture fx = fixture(Map.of(), builder -> builder.eventSink(sink));
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
        drain(fx);
        List<Long> sequences = published.stream().filter(e -> e.request().equals(closed.id()))
                .map(e -> e.entry().sequence()).toList();
        assertEquals(fx.engine.journal().entries(fx.auditor, closed.id()).stream().map(JournalEntry::sequence)
                .toList(), sequences);
    }

    @Test
    @DisplayName("a burst of events goes out in one pass beyond one batch; a change made meanwhile follows in order")
    void burstRelayedInOnePassInOrder() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        List<EngineFixture> engine = new ArrayList<>();
        AtomicReference<Request> latest = new AtomicReference<>();
        AtomicLong relayedBefore = new AtomicLong(Long.MAX_VALUE);
        EventSinkFactory sink = sinkFactory("recording-sink", event -> {
            published.add(event);
            if (published.size() == relayedBefore.get() + 7) { // a command commits while the pass is under way
                EngineFixture fx = engine.get(0);
                fx.engine.work().addNote(fx.operator, latest.get().ref(),
                        Note.of("Added while the events were being relayed"));
            }
        });
        EngineFixture fx = fixture(Map.of("supportkit.jobs.batch-size", "5"), builder -> builder.eventSink(sink));
        engine.add(fx);
        Request request = fx.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        drain(fx); // the registration's notifications and events
        long before = published.size();
        while (request.journalSequence() < before + 23) {
            request = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Step " + request.version()));
        }
        long written = request.journalSequence();
        latest.set(request);
        relayedBefore.set(before);

        int firstPass = fx.engine.runDueWork().messages();
        assertTrue(firstPass > 5 && firstPass <= 5 * 10, "one pass went on after its full claim of 5, to at most 10 "
                + "batches' worth: " + firstPass);
        drain(fx);
        List<Long> sequences = published.stream().map(e -> e.entry().sequence()).toList();
        List<Long> journal = fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .map(JournalEntry::sequence).toList();
        assertTrue(journal.size() > written, "the note added during the pass was journalled");
        assertEquals(journal, sequences, "every change once, in order, the one made during the pass included");
    }

    @Test
    @DisplayName("a batch claimed ahead while a sink fails is released at once: another node takes it without waiting")
    void batchClaimedAheadIsReleased() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean down = new AtomicBoolean();
        EventSinkFactory sink = sinkFactory("flaky-sink", new EventSink() {
            @Override
            public void publish(DomainEvent event) {
                publishAll(List.of(event));
            }

            @Override
            public void publishAll(List<DomainEvent> events) {
                if (down.get()) {
                    throw new PartiallyPublishedException(0, new IllegalStateException("broker went away"));
                }
                published.addAll(events);
            }
        });
        EngineFixture fx = fixture(Map.of("supportkit.jobs.batch-size", "5"), builder -> builder.eventSink(sink));
        Request request = fx.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        drain(fx);
        for (int i = 0; i < 20; i++) {
            request = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Step " + i));
        }
        down.set(true);
        fx.engine.runDueWork(); // claims 5, claims the next 5 ahead, fails on the first event, stops

        Instant now = fx.clock.instant();
        List<OutboxMessage> free = storage.store.inTransaction(tx -> tx.claimDueOutbox(new Lease("other-node", now,
                now.plusSeconds(60), 100))).stream().filter(m -> m.recipient().equals("sink:flaky-sink")).toList();
        // all but the one that failed (it waits for its back-off): the 4 not attempted and the 5 claimed ahead
        // are free now, and the 10 never claimed
        assertEquals(19, free.size(), "released at once, not when the lease ends: " + free.size());
        storage.store.inTransaction(tx -> {
            tx.updateOutboxAll(free, "other-node"); // the other node lets them go again, unchanged
            return null;
        });
        down.set(false);
        drain(fx);
        assertEquals(fx.engine.journal().entries(fx.auditor, request.id()).stream().map(JournalEntry::sequence)
                .toList(), published.stream().map(e -> e.entry().sequence()).toList(), "every change once, in order");
    }

    @Test
    @DisplayName("an event row that carries its journal record (as earlier versions wrote) is still delivered; one "
            + "naming a record the journal lacks is dead-lettered and the events after it follow")
    void legacyAndDanglingEventRows() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        EventSinkFactory sink = sinkFactory("recording-sink", published::add);
        EngineFixture fx = fixture(Map.of(), builder -> builder.eventSink(sink));
        Request request = fx.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        drain(fx);
        JournalRecord first = storage.store.inTransaction(tx -> tx.findJournal(ACME, request.id())).get(0);
        JacksonCodec codec = new JacksonCodec();
        Map<String, Object> legacy = new LinkedHashMap<>();
        legacy.put("requestVersion", 1L);
        legacy.put("record", first);
        String receiver = EventOutbox.SINK + "recording-sink";
        storage.store.inTransaction(tx -> {
            tx.enqueueOutbox(OutboxMessage.builder().id(EventOutbox.id(EventOutbox.EVENT_TOPIC, receiver,
                            ACME.value(), request.id().value(), 10_000)).tenant(ACME).request(request.id())
                    .topic(EventOutbox.EVENT_TOPIC).recipient(receiver).payload(codec.toJson(legacy))
                    .idempotencyKey("legacy-event").createdAt(fx.clock.instant()).build());
            tx.enqueueOutbox(OutboxMessage.builder().id(EventOutbox.id(EventOutbox.EVENT_TOPIC, receiver,
                            ACME.value(), request.id().value(), 20_000)).tenant(ACME).request(request.id())
                    .topic(EventOutbox.EVENT_TOPIC).recipient(receiver)
                    .payload("{\"requestVersion\":1,\"sequence\":999}").idempotencyKey("dangling-event")
                    .createdAt(fx.clock.instant()).build());
            return null;
        });
        drain(fx);
        DomainEvent replayed = published.get(published.size() - 1);
        assertEquals("legacy-event", replayed.eventId());
        assertEquals(first.sequence(), replayed.entry().sequence());
        assertEquals(first.description(), replayed.entry().description());
        assertTrue(published.stream().noneMatch(e -> e.eventId().equals("dangling-event")));
        Delivery dead = fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                .filter(d -> d.id().endsWith(String.format("%019d", 20_000))).findFirst().orElseThrow();
        assertEquals(DeliveryStatus.DEAD, dead.status());
        assertTrue(dead.lastOutcome().orElseThrow().contains("journal record 999"), dead.lastOutcome().toString());

        Request later = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("After the dead letter"));
        drain(fx);
        assertEquals(later.journalSequence(), published.get(published.size() - 1).entry().sequence(),
                "the request's later events are not held back by the dead letter");
    }

    @Test
    @DisplayName("a sink takes a request's events in batches; one acknowledged in part sends the rest later, in order")
    void partlyAcknowledgedBatchFollowsInOrder() {
        List<DomainEvent> published = Collections.synchronizedList(new ArrayList<>());
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        EventSinkFactory sink = sinkFactory("batching-sink", new EventSink() {
            @Override
            public void publish(DomainEvent event) {
                published.add(event);
            }

            @Override
            public void publishAll(List<DomainEvent> events) {
                batchSizes.add(events.size());
                if (batchSizes.size() == 1 && events.size() > 3) { // the broker acknowledges three
                    published.addAll(events.subList(0, 3));
                    throw new PartiallyPublishedException(3, new IllegalStateException("broker went away"));
                }
                published.addAll(events);
            }
        });
        EngineFixture fx = fixture(Map.of(), builder -> builder.eventSink(sink));
        Request request = fx.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        while (request.journalSequence() < 12) {
            request = fx.engine.work().addNote(fx.operator, request.ref(), Note.of("Step " + request.version()));
        }
        drain(fx);

        assertTrue(batchSizes.get(0) > 3, "the first call carried the request's waiting events: " + batchSizes);
        assertEquals(fx.engine.journal().entries(fx.auditor, request.id()).stream().map(JournalEntry::sequence)
                .toList(), published.stream().map(e -> e.entry().sequence()).toList(),
                "every change once, in order: the unacknowledged ones after the acknowledged three");
        assertTrue(batchSizes.size() > 1, "the rest went in a later call");
    }

    @Test
    @DisplayName("an engine without listeners, sinks or CRM adapters writes no event rows")
    void noTargetsNoRows() {
        EngineFixture fx = fixture(Map.of(), builder -> { });
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
        assertTrue(storage.store.inTransaction(tx -> tx.findOutbox(ACME, closed.id())).stream()
                .noneMatch(m -> m.topic().startsWith("event.") || m.topic().startsWith("crm.")));
    }

    @Test
    @DisplayName("a CRM adapter receives every version of a request exactly once, in order")
    void crmReceivesEveryVersion() {
        EngineFixture fx = fixture(Map.of(), builder -> builder.crmAdapter(crm));
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
        assertTrue(crm.pushes().isEmpty(), "pushed only after commit, by the dispatcher");
        drain(fx);
        assertWholeLife(closed, crm.pushes());
    }

    @Test
    @DisplayName("a new engine on the same store pushes what a closed engine committed and did not push")
    void pushesSurviveARestart() {
        EngineFixture first = fixture(Map.of(), builder -> builder.crmAdapter(crm));
        Request inWork = first.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        drain(first);
        assertEquals(List.of(1L, 2L), versions(crm.pushes()));
        Request resolved = first.engine.resolution().resolve(first.operator, inWork.ref(),
                ResolutionReport.of("Restarted", "Hung"));
        Request signedOff = first.engine.resolution().signOff(first.customer, resolved.ref(), "ok");
        Request closed = first.engine.quality().close(first.intakeLead, signedOff.ref(), "done");
        first.close();
        fixtures.remove(first);

        EngineFixture second = fixture(Map.of(), builder -> builder.crmAdapter(crm));
        second.clock.advance(Duration.ofDays(1));
        drain(second);
        assertWholeLife(closed, crm.pushes());
    }

    @Test
    @DisplayName("a failing CRM loses nothing and keeps the order; other requests are not held back")
    void failingCrmRecoversInOrder() {
        EngineFixture fx = fixture(Map.of("supportkit.notifications.max-attempts", "10"),
                builder -> builder.crmAdapter(crm));
        crm.failNext(3);
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
        drain(fx);
        assertWholeLife(closed, crm.pushes());
        List<OutboxMessage> rows = storage.store.inTransaction(tx -> tx.findOutbox(ACME, closed.id())).stream()
                .filter(m -> m.topic().startsWith("crm.")).toList();
        assertEquals(LIFE.size(), rows.size());
        assertTrue(rows.stream().allMatch(m -> m.status() == OutboxMessage.Status.DELIVERED));
        assertEquals(4, rows.stream().mapToInt(OutboxMessage::attempts).max().orElseThrow(),
                "the first version was tried four times");
    }

    @Test
    @DisplayName("a push that keeps failing is dead-lettered after the last attempt; later versions follow it")
    void deadLetterAfterMaxAttempts() {
        EngineFixture fx = fixture(Map.of("supportkit.notifications.max-attempts", "3"),
                builder -> builder.crmAdapter(crm));
        crm.failNext(3);
        Request registered = fx.registered();
        Request inWork = fx.engine.intake().takeIntoWork(fx.operator, registered.ref());
        drain(fx);
        List<OutboxMessage> dead = storage.store.inTransaction(tx -> tx.findOutboxByStatus(ACME,
                OutboxMessage.Status.DEAD, 100)).stream().filter(m -> m.topic().startsWith("crm.")).toList();
        assertEquals(1, dead.size());
        assertEquals(3, dead.get(0).attempts());
        assertEquals(List.of(inWork.version()), versions(crm.pushes()), "the next version is pushed after it");
    }
}
