package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.api.scheduling.VisitStatus;
import dev.supportkit.spi.storage.VisitRecord;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.CodePointOrder;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestFacts;
import dev.supportkit.spi.storage.RequestPosition;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.TimeTotal;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The reference storage: everything in memory, lost when the JVM exits. Transactions are serialised
 * by one lock; a failed transaction is rolled back with an undo log, so it leaves no trace. Several
 * engines in one JVM may share one instance (pass it to each builder), which is how multi-node
 * behaviour is tested without a database. Its {@link #blobs() blob store} keeps attachments in memory too.
 */
public final class InMemoryStorageProvider implements StorageProvider {

    private record Key(TenantId tenant, String id) {
    }

    private record EntryKey(TenantId tenant, Class<?> type, String id) {
    }

    /** An installed unit's key: its system and component ("" for the system as a whole). */
    private record UnitKey(TenantId tenant, String system, String component) {
    }

    /** Who holds a claim on a due item, and until when. */
    private record Claim(String nodeId, Instant until) {
        boolean runningAt(Instant now) {
            return until.isAfter(now);
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Request> requests = new HashMap<>();
    private final Map<Key, List<Contact>> contacts = new HashMap<>();
    private final Set<Key> contactIds = new HashSet<>();
    private final Map<Key, TimeRecord> timeRecords = new LinkedHashMap<>();
    private final Map<Key, VisitRecord> visits = new LinkedHashMap<>();
    /** Which visit holds each technician's slot: key (tenant, technician|slot). */
    private final Map<Key, String> visitSlots = new HashMap<>();
    private final Map<Key, FailureRow> failures = new LinkedHashMap<>();
    private final Map<UnitKey, InstalledUnit> installedUnits = new HashMap<>();
    private final Map<Key, List<JournalRecord>> journals = new HashMap<>();
    private final Map<String, OutboxMessage> outbox = new LinkedHashMap<>();
    private final Map<EntryKey, DirectoryEntry> directory = new HashMap<>();
    private final Map<String, Claim> outboxClaims = new HashMap<>();
    private final Map<String, TimerRecord> timers = new LinkedHashMap<>();
    private final Map<String, Claim> timerClaims = new HashMap<>();
    /** Catalogue documents: tenant and kind, then id (by code point), then version (sorted). */
    private final Map<CatalogKind, TreeMap<String, TreeMap<Integer, CatalogRecord>>> catalog = new HashMap<>();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore();

    /** Creates an empty store. */
    public InMemoryStorageProvider() {
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        lock.lock();
        Transaction tx = new Transaction();
        try {
            T result = work.apply(tx);
            tx.undo.clear();
            return result;
        } catch (RuntimeException | Error e) {
            tx.rollback();
            throw e;
        } finally {
            tx.open = false;
            lock.unlock();
        }
    }

    /**
     * Returns the blob store of this instance: blobs as byte arrays in memory, each held whole, so for tests
     * and the demo only. It works outside transactions: a written blob stays whatever a transaction does.
     *
     * @return the in-memory blob store, the same one on every call
     */
    @Override
    public Optional<BlobStore> blobs() {
        return Optional.of(blobs);
    }

    private static final java.util.Comparator<VisitRecord> BY_START = java.util.Comparator
            .comparing((VisitRecord v) -> v.visit().start()).thenComparing(v -> v.visit().id());

    private final class Transaction implements StorageTransaction {
        private final Deque<Runnable> undo = new ArrayDeque<>();
        private boolean open = true;

        private void rollback() {
            while (!undo.isEmpty()) {
                undo.pop().run();
            }
        }

        private void checkOpen() {
            if (!open) {
                throw new IllegalStateException("the transaction is over; do not keep it after inTransaction returns");
            }
        }

        @Override
        public Optional<Request> findRequest(TenantId tenant, RequestId id) {
            checkOpen();
            return Optional.ofNullable(requests.get(new Key(tenant, id.value())));
        }

        @Override
        public void insertRequest(Request request) {
            checkOpen();
            Key key = new Key(request.tenant(), request.id().value());
            if (requests.containsKey(key)) {
                throw new ConcurrencyConflictException("request", request.id(), 0, requests.get(key).version());
            }
            requests.put(key, request);
            undo.push(() -> requests.remove(key));
        }

        @Override
        public void updateRequest(Request request, long expectedVersion) {
            checkOpen();
            Key key = new Key(request.tenant(), request.id().value());
            Request stored = requests.get(key);
            if (stored == null || stored.version() != expectedVersion) {
                throw new ConcurrencyConflictException("request", request.id(), expectedVersion,
                        stored == null ? -1 : stored.version());
            }
            requests.put(key, request);
            undo.push(() -> requests.put(key, stored));
        }

        @Override
        public List<Request> findRequests(TenantId tenant, RequestSelection selection) {
            checkOpen();
            Comparator<RequestPosition> order = RequestFacts.order(selection.query().sort());
            RequestSort sort = selection.query().sort();
            return requests.values().stream()
                    .filter(r -> r.tenant().equals(tenant) && RequestFacts.matches(r, selection))
                    .sorted(Comparator.comparing(r -> RequestFacts.position(r, sort), order))
                    .limit(selection.limit())
                    .toList();
        }

        @Override
        public long countRequests(TenantId tenant, RequestSelection selection) {
            checkOpen();
            RequestSelection filters = RequestSelection.of(selection.query(), selection.now(), 1);
            return requests.values().stream()
                    .filter(r -> r.tenant().equals(tenant) && RequestFacts.matches(r, filters)).count();
        }

        @Override
        public Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization) {
            checkOpen();
            Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
            requests.values().stream()
                    .filter(r -> r.tenant().equals(tenant))
                    .filter(r -> organization.map(r.organization()::equals).orElse(true))
                    .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
            return counts;
        }

        @Override
        public List<dev.supportkit.api.reports.RequestMetrics> requestMetrics(TenantId tenant,
                dev.supportkit.api.reports.MetricsQuery query) {
            checkOpen();
            return dev.supportkit.spi.storage.RequestMetricsCounter.count(query,
                    requests.values().stream().filter(r -> r.tenant().equals(tenant)).toList());
        }

        @Override
        public boolean surveyedSince(TenantId tenant, dev.supportkit.api.directory.RepresentativeId representative,
                                     Instant since) {
            checkOpen();
            return requests.values().stream().anyMatch(r -> r.tenant().equals(tenant)
                    && r.representative().equals(representative)
                    && r.survey().map(s -> !s.sentAt().isBefore(since)).orElse(false));
        }

        @Override
        public List<JournalRecord> findJournalRecords(TenantId tenant,
                                                      dev.supportkit.spi.storage.JournalSelection selection) {
            checkOpen();
            return journals.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
                    .flatMap(e -> e.getValue().stream()).filter(selection::matches)
                    .filter(r -> selection.after().map(p -> r.request().value().compareTo(p.request().value()) > 0
                            || r.request().equals(p.request()) && r.sequence() > p.sequence()).orElse(true))
                    .sorted(Comparator.comparing((JournalRecord r) -> r.request().value())
                            .thenComparingLong(JournalRecord::sequence))
                    .limit(selection.limit()).toList();
        }

        @Override
        public List<dev.supportkit.spi.storage.FunctionTotal> countJournalByFunction(TenantId tenant, Instant from,
                                                                                    Instant until) {
            checkOpen();
            Map<List<Object>, Long> counts = new java.util.TreeMap<>(Comparator.comparing((List<Object> k) ->
                    (String) k.get(0)).thenComparing(k -> ((LaborFunction) k.get(1)).ordinal()));
            journals.entrySet().stream().filter(e -> e.getKey().tenant().equals(tenant))
                    .flatMap(e -> e.getValue().stream())
                    .filter(r -> !r.occurredAt().isBefore(from) && r.occurredAt().isBefore(until))
                    .forEach(r -> counts.merge(List.of(r.actorId(), r.function()), 1L, Long::sum));
            return counts.entrySet().stream().map(e -> new dev.supportkit.spi.storage.FunctionTotal(
                    (String) e.getKey().get(0), (LaborFunction) e.getKey().get(1), e.getValue())).toList();
        }

        @Override
        public Map<String, Long> countRegistered(TenantId tenant, dev.supportkit.spi.storage.RequestCountKey key,
                                                 Instant from, Instant until) {
            checkOpen();
            Map<String, Long> counts = new java.util.TreeMap<>();
            requests.values().stream().filter(r -> r.tenant().equals(tenant))
                    .filter(r -> !r.registeredAt().isBefore(from) && r.registeredAt().isBefore(until))
                    .forEach(r -> {
                        Optional<String> value = switch (key) {
                            case CATEGORY -> r.category();
                            case MODEL -> r.model();
                            case REGISTRATION_HOUR -> Optional.of(Long.toString(
                                    Math.floorDiv(r.registeredAt().getEpochSecond(), 3600)));
                            case LINE -> Optional.of(r.line().name());
                            case PATH -> Optional.of(dev.supportkit.spi.storage.RequestFacts.path(r));
                        };
                        value.ifPresent(v -> counts.merge(v, 1L, Long::sum));
                    });
            return counts;
        }

        @Override
        public void insertContact(TenantId tenant, Contact contact) {
            checkOpen();
            Key id = new Key(tenant, contact.id().value());
            if (!contactIds.add(id)) {
                throw new ConcurrencyConflictException("contact", contact.id(), 0, -1);
            }
            undo.push(() -> contactIds.remove(id));
            appendTo(contacts, new Key(tenant, contact.request().value()), contact);
        }

        @Override
        public void insertTimeRecord(TimeRecord record) {
            insertNew(timeRecords, new Key(record.tenant(), record.id()), record, "time record");
        }

        /** Stores a record under a key no record has yet, or reports a conflict; undone with the transaction. */
        private <V> void insertNew(Map<Key, V> records, Key key, V record, String kind) {
            checkOpen();
            if (records.putIfAbsent(key, record) != null) {
                throw new ConcurrencyConflictException(kind, key.id(), 0, -1);
            }
            undo.push(() -> records.remove(key));
        }

        @Override
        public void insertVisit(VisitRecord visit) {
            checkOpen();
            Key key = new Key(visit.tenant(), visit.visit().id());
            if (visits.containsKey(key)) {
                throw new ConcurrencyConflictException("visit", visit.visit().id(), 0, -1);
            }
            holdSlots(visit);
            visits.put(key, visit);
            undo.push(() -> visits.remove(key));
        }

        @Override
        public void updateVisit(VisitRecord visit) {
            checkOpen();
            Key key = new Key(visit.tenant(), visit.visit().id());
            VisitRecord before = visits.get(key);
            if (before == null) {
                throw new ConcurrencyConflictException("visit", visit.visit().id(), 0, -1);
            }
            releaseSlots(before);
            holdSlots(visit);
            visits.put(key, visit);
            undo.push(() -> visits.put(key, before));
        }

        /** Holds every slot of the visit, or none when one is held by another visit. */
        private void holdSlots(VisitRecord visit) {
            List<Key> keys = slotKeys(visit);
            for (Key slot : keys) {
                String holder = visitSlots.get(slot);
                if (holder != null && !holder.equals(visit.visit().id())) {
                    throw new ConcurrencyConflictException("technician slot " + slot.id() + " is held by visit '"
                            + holder + "'", null);
                }
            }
            for (Key slot : keys) {
                String previous = visitSlots.put(slot, visit.visit().id());
                undo.push(() -> {
                    if (previous == null) {
                        visitSlots.remove(slot);
                    } else {
                        visitSlots.put(slot, previous);
                    }
                });
            }
        }

        private void releaseSlots(VisitRecord visit) {
            for (Key slot : slotKeys(visit)) {
                String holder = visitSlots.remove(slot);
                if (holder != null) {
                    undo.push(() -> visitSlots.put(slot, holder));
                }
            }
        }

        private List<Key> slotKeys(VisitRecord visit) {
            List<Key> keys = new ArrayList<>();
            for (SpecialistId technician : visit.visit().technicians()) {
                for (Instant slot : visit.slots()) {
                    keys.add(new Key(visit.tenant(), technician.value() + "|" + slot));
                }
            }
            return keys;
        }

        @Override
        public Optional<VisitRecord> findVisit(TenantId tenant, String id) {
            checkOpen();
            return Optional.ofNullable(visits.get(new Key(tenant, id)));
        }

        @Override
        public List<VisitRecord> findVisits(TenantId tenant, RequestId request) {
            checkOpen();
            return visits.values().stream().filter(v -> v.tenant().equals(tenant)
                    && v.visit().request().equals(request)).sorted(BY_START).toList();
        }

        @Override
        public List<VisitRecord> findTechnicianVisits(TenantId tenant, SpecialistId technician, Instant from,
                                                      Instant until) {
            checkOpen();
            return visits.values().stream().filter(v -> v.tenant().equals(tenant)
                    && v.visit().status() == VisitStatus.BOOKED && v.visit().technicians().contains(technician)
                    && v.visit().start().isBefore(until) && from.isBefore(v.heldUntil())).sorted(BY_START).toList();
        }

        @Override
        public List<TimeTotal> sumTime(TenantId tenant, TimeQuery query) {
            checkOpen();
            record Group(RequestId request, SpecialistId specialist, LaborFunction function) {
            }
            Map<Group, Duration> sums = new LinkedHashMap<>();
            timeRecords.values().stream()
                    .filter(r -> r.tenant().equals(tenant))
                    .filter(r -> query.request().map(r.request()::equals).orElse(true))
                    .filter(r -> query.specialist().map(r.specialist()::equals).orElse(true))
                    .filter(r -> query.from().map(f -> !r.recordedAt().isBefore(f)).orElse(true))
                    .filter(r -> query.until().map(r.recordedAt()::isBefore).orElse(true))
                    .forEach(r -> sums.merge(new Group(r.request(), r.specialist(), r.function()), r.spent(),
                            Duration::plus));
            return sums.entrySet().stream().map(e -> new TimeTotal(e.getKey().request(), e.getKey().specialist(),
                    e.getKey().function(), e.getValue())).toList();
        }

        @Override
        public void insertFailure(FailureRow row) {
            insertNew(failures, new Key(row.tenant(), row.id()), row, "failure");
        }

        @Override
        public List<FailureTotal> countFailures(TenantId tenant, Instant from, Instant until) {
            checkOpen();
            record Group(String model, ComponentId component, String causeCode) {
            }
            Map<Group, Long> counts = new LinkedHashMap<>();
            failures.values().stream()
                    .filter(f -> f.tenant().equals(tenant))
                    .filter(f -> !f.failedAt().isBefore(from) && f.failedAt().isBefore(until))
                    .forEach(f -> counts.merge(new Group(f.model(), f.component(), f.causeCode()), 1L, Long::sum));
            return counts.entrySet().stream().map(e -> new FailureTotal(e.getKey().model(), e.getKey().component(),
                    e.getKey().causeCode(), e.getValue())).toList();
        }

        @Override
        public void saveInstalledUnit(TenantId tenant, InstalledUnit unit) {
            checkOpen();
            UnitKey key = new UnitKey(tenant, unit.system().value(), unit.component().map(ComponentId::value)
                    .orElse(""));
            replace(installedUnits, key, unit);
        }

        /** Creates or replaces a value; the value before (or none) comes back with a rollback. */
        private <K, V> void replace(Map<K, V> values, K key, V value) {
            V previous = values.put(key, value);
            undo.push(() -> {
                if (previous == null) {
                    values.remove(key);
                } else {
                    values.put(key, previous);
                }
            });
        }

        @Override
        public List<InstalledUnit> listInstalledUnits(TenantId tenant, Optional<String> model) {
            checkOpen();
            return installedUnits.entrySet().stream()
                    .filter(e -> e.getKey().tenant().equals(tenant))
                    .filter(e -> model.map(e.getValue().model()::equals).orElse(true))
                    .sorted(Comparator.comparing((Map.Entry<UnitKey, InstalledUnit> e) -> e.getKey().system())
                            .thenComparing(e -> e.getKey().component()))
                    .map(Map.Entry::getValue).toList();
        }

        @Override
        public List<Contact> findContacts(TenantId tenant, RequestId request) {
            checkOpen();
            return contacts.getOrDefault(new Key(tenant, request.value()), List.of()).stream()
                    .sorted(Comparator.comparing(Contact::receivedAt).thenComparing(c -> c.id().value())).toList();
        }

        @Override
        public void appendJournal(JournalRecord record) {
            checkOpen();
            Key key = new Key(record.tenant(), record.request().value());
            boolean duplicate = journals.getOrDefault(key, List.of()).stream()
                    .anyMatch(r -> r.sequence() == record.sequence());
            if (duplicate) {
                throw new ConcurrencyConflictException("journal of request", record.request(), record.sequence() - 1, -1);
            }
            appendTo(journals, key, record);
        }

        @Override
        public List<JournalRecord> findJournal(TenantId tenant, RequestId request) {
            checkOpen();
            return journals.getOrDefault(new Key(tenant, request.value()), List.of()).stream()
                    .sorted(Comparator.comparingLong(JournalRecord::sequence)).toList();
        }

        @Override
        public List<JournalRecord> findJournalRange(TenantId tenant, RequestId request, long first, long last) {
            checkOpen();
            return journals.getOrDefault(new Key(tenant, request.value()), List.of()).stream()
                    .filter(r -> r.sequence() >= first && r.sequence() <= last)
                    .sorted(Comparator.comparingLong(JournalRecord::sequence)).toList();
        }

        @Override
        public void enqueueOutbox(OutboxMessage message) {
            checkOpen();
            if (outbox.containsKey(message.id())) {
                throw new ConcurrencyConflictException("outbox message", message.id(), 0, -1);
            }
            outbox.put(message.id(), message);
            undo.push(() -> outbox.remove(message.id()));
        }

        @Override
        public List<OutboxMessage> findOutbox(TenantId tenant, RequestId request) {
            checkOpen();
            return outbox.values().stream()
                    .filter(m -> m.tenant().equals(tenant) && request.equals(m.request()))
                    .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
                    .toList();
        }

        @Override
        public List<OutboxMessage> findOutboxByStatus(TenantId tenant, OutboxMessage.Status status, int limit) {
            checkOpen();
            checkLimit(limit, 1000);
            return outbox.values().stream()
                    .filter(m -> m.tenant().equals(tenant) && m.status() == status)
                    .sorted(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<OutboxMessage> claimDueOutbox(Lease lease) {
            checkOpen();
            List<OutboxMessage> due = outbox.values().stream()
                    .filter(m -> m.status() == OutboxMessage.Status.PENDING && !m.nextAttemptAt().isAfter(lease.now()))
                    .filter(m -> isFree(outboxClaims.get(m.id()), lease.now()))
                    .sorted(Comparator.comparing(OutboxMessage::nextAttemptAt).thenComparing(OutboxMessage::id))
                    .limit(lease.limit())
                    .toList();
            due.forEach(m -> claim(outboxClaims, m.id(), lease));
            return due;
        }

        @Override
        public void updateOutbox(OutboxMessage message, String nodeId) {
            checkOpen();
            requireClaim(outboxClaims, message.id(), nodeId, "outbox message");
            OutboxMessage previous = outbox.get(message.id());
            outbox.put(message.id(), previous.withOutcome(message.status(), message.attempts(),
                    message.nextAttemptAt(), message.route(), message.lastOutcome()));
            Claim claim = outboxClaims.remove(message.id());
            undo.push(() -> {
                outbox.put(message.id(), previous);
                outboxClaims.put(message.id(), claim);
            });
        }

        @Override
        public Optional<OutboxMessage> findOutboxMessage(TenantId tenant, String id) {
            checkOpen();
            return Optional.ofNullable(outbox.get(id)).filter(m -> m.tenant().equals(tenant));
        }

        @Override
        public boolean resetOutbox(TenantId tenant, String id, Instant nextAttemptAt) {
            checkOpen();
            OutboxMessage previous = outbox.get(id);
            if (previous == null || !previous.tenant().equals(tenant)) {
                return false;
            }
            outbox.put(id, previous.withOutcome(OutboxMessage.Status.PENDING, 0, nextAttemptAt, 0,
                    previous.lastOutcome()));
            Claim claim = outboxClaims.remove(id);
            undo.push(() -> {
                outbox.put(id, previous);
                if (claim != null) {
                    outboxClaims.put(id, claim);
                }
            });
            return true;
        }

        @Override
        public void scheduleTimer(TimerRecord timer) {
            checkOpen();
            if (timers.containsKey(timer.id())) {
                throw new ConcurrencyConflictException("timer", timer.id(), 0, -1);
            }
            timers.put(timer.id(), timer);
            undo.push(() -> timers.remove(timer.id()));
        }

        @Override
        public int cancelTimers(TenantId tenant, RequestId request, String kind) {
            checkOpen();
            List<TimerRecord> cancelled = timers.values().stream()
                    .filter(t -> t.tenant().equals(tenant) && request.equals(t.request()) && t.kind().equals(kind))
                    .toList();
            for (TimerRecord timer : cancelled) {
                timers.remove(timer.id());
                Claim claim = timerClaims.remove(timer.id());
                undo.push(() -> {
                    timers.put(timer.id(), timer);
                    if (claim != null) {
                        timerClaims.put(timer.id(), claim);
                    }
                });
            }
            return cancelled.size();
        }

        @Override
        public List<TimerRecord> findTimers(TenantId tenant, RequestId request) {
            checkOpen();
            return timers.values().stream()
                    .filter(t -> t.tenant().equals(tenant) && request.equals(t.request()))
                    .sorted(Comparator.comparing(TimerRecord::dueAt).thenComparing(TimerRecord::id))
                    .toList();
        }

        @Override
        public List<TimerRecord> claimDueTimers(Lease lease) {
            checkOpen();
            List<TimerRecord> due = timers.values().stream()
                    .filter(t -> !t.dueAt().isAfter(lease.now()))
                    .filter(t -> isFree(timerClaims.get(t.id()), lease.now()))
                    .sorted(Comparator.comparing(TimerRecord::dueAt).thenComparing(TimerRecord::id))
                    .limit(lease.limit())
                    .toList();
            List<TimerRecord> claimed = new ArrayList<>(due.size());
            for (TimerRecord timer : due) {
                TimerRecord counted = new TimerRecord(timer.id(), timer.tenant(), timer.request(), timer.kind(),
                        timer.dueAt(), timer.payload(), timer.attempts() + 1);
                timers.put(timer.id(), counted);
                undo.push(() -> timers.put(timer.id(), timer));
                claim(timerClaims, timer.id(), lease);
                claimed.add(timer);
            }
            return claimed;
        }

        @Override
        public void completeTimer(String timerId, String nodeId) {
            checkOpen();
            requireClaim(timerClaims, timerId, nodeId, "timer");
            TimerRecord timer = timers.remove(timerId);
            Claim claim = timerClaims.remove(timerId);
            undo.push(() -> {
                timers.put(timerId, timer);
                timerClaims.put(timerId, claim);
            });
        }

        private boolean isFree(Claim claim, Instant now) {
            return claim == null || !claim.runningAt(now);
        }

        private void claim(Map<String, Claim> claims, String id, Lease lease) {
            Claim previous = claims.put(id, new Claim(lease.nodeId(), lease.until()));
            undo.push(() -> {
                if (previous == null) {
                    claims.remove(id);
                } else {
                    claims.put(id, previous);
                }
            });
        }

        private void requireClaim(Map<String, Claim> claims, String id, String nodeId, String kind) {
            Claim claim = claims.get(id);
            if (claim == null || !claim.nodeId().equals(nodeId)) {
                throw new ConcurrencyConflictException(kind + " claim", id, 0, -1);
            }
        }

        private void checkLimit(int limit, int max) {
            if (limit < 1 || limit > max) {
                throw new IllegalArgumentException("limit must be between 1 and " + max + ", got " + limit);
            }
        }

        @Override
        public void saveDirectoryEntry(TenantId tenant, DirectoryEntry entry) {
            checkOpen();
            replace(directory, new EntryKey(tenant, entry.getClass(), entry.entryId()), entry);
        }

        @Override
        public <T extends DirectoryEntry> Optional<T> findDirectoryEntry(TenantId tenant, Class<T> type, String id) {
            checkOpen();
            return Optional.ofNullable(directory.get(new EntryKey(tenant, type, id))).map(type::cast);
        }

        @Override
        public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                       Optional<OrganizationId> owner) {
            checkOpen();
            TreeMap<String, T> sorted = new TreeMap<>();
            directory.forEach((key, entry) -> {
                if (key.tenant().equals(tenant) && key.type() == type
                        && owner.map(o -> entry.owner().map(o::equals).orElse(false)).orElse(true)) {
                    sorted.put(key.id(), type.cast(entry));
                }
            });
            return new ArrayList<>(sorted.values());
        }

        @Override
        public void insertCatalogRecord(CatalogRecord record) {
            checkOpen();
            CatalogKind kind = new CatalogKind(record.tenant(), record.kind());
            TreeMap<String, TreeMap<Integer, CatalogRecord>> documents =
                    catalog.computeIfAbsent(kind, k -> new TreeMap<>(CodePointOrder.COMPARATOR));
            TreeMap<Integer, CatalogRecord> versions = documents.computeIfAbsent(record.id(), k -> new TreeMap<>());
            if (versions.containsKey(record.version())) {
                throw new ConcurrencyConflictException(record.kind(), record.id(), record.version() - 1,
                        versions.lastKey());
            }
            versions.put(record.version(), record);
            undo.push(() -> {
                versions.remove(record.version());
                if (versions.isEmpty()) {
                    documents.remove(record.id());
                }
            });
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecord(TenantId tenant, String kind, String id) {
            checkOpen();
            return versionsOf(tenant, kind, id).map(v -> v.lastEntry().getValue());
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecordVersion(TenantId tenant, String kind, String id, int version) {
            checkOpen();
            return versionsOf(tenant, kind, id).map(v -> v.get(version));
        }

        @Override
        public List<CatalogRecord> findCatalogHistory(TenantId tenant, String kind, String id) {
            checkOpen();
            return versionsOf(tenant, kind, id).<List<CatalogRecord>>map(v -> new ArrayList<>(v.values()))
                    .orElseGet(List::of);
        }

        @Override
        public List<CatalogRecord> listCatalogRecords(TenantId tenant, String kind, Optional<String> key) {
            checkOpen();
            List<CatalogRecord> latest = new ArrayList<>();
            catalog.getOrDefault(new CatalogKind(tenant, kind), new TreeMap<>()).values().forEach(versions -> {
                CatalogRecord record = versions.lastEntry().getValue();
                if (key.isEmpty() || key.equals(record.key())) {
                    latest.add(record);
                }
            });
            return latest;
        }

        private Optional<TreeMap<Integer, CatalogRecord>> versionsOf(TenantId tenant, String kind, String id) {
            TreeMap<String, TreeMap<Integer, CatalogRecord>> documents = catalog.get(new CatalogKind(tenant, kind));
            return Optional.ofNullable(documents == null ? null : documents.get(id));
        }

        private <V> void appendTo(Map<Key, List<V>> map, Key key, V value) {
            List<V> list = map.computeIfAbsent(key, k -> new ArrayList<>());
            list.add(value);
            undo.push(() -> {
                list.remove(list.size() - 1);
                if (list.isEmpty()) {
                    map.remove(key);
                }
            });
        }
    }

    private record CatalogKind(TenantId tenant, String kind) {
    }
}
