package dev.supportkit.core.testing;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A storage factory over the real in-memory store that lets a test alter what is read back
 * (simulating tampering at rest) or make a write fail (simulating a broken database).
 */
public final class InterceptingStorageFactory implements StorageProviderFactory {
    /** The store underneath, shared by every engine using this factory. */
    public final InMemoryStorageProvider store = new InMemoryStorageProvider();
    /** Applied to every journal read. */
    public volatile UnaryOperator<List<JournalRecord>> journalReads = UnaryOperator.identity();
    /** When set, enqueueOutbox throws it. */
    public volatile RuntimeException outboxFailure;
    /** While above zero, completeTimer reports a conflict with a concurrent transaction and counts down. */
    public final AtomicInteger timerCompletionConflicts = new AtomicInteger();
    /**
     * Run once, on the next journal append, before it is stored: lets a test commit another unit of work (on the
     * same thread; the store's lock is re-entrant) exactly between a transaction's read and its write.
     */
    public volatile Runnable beforeNextJournalAppend;

    @Override
    public String id() {
        return "intercepting";
    }

    @Override
    public StorageProvider create(ProviderContext context) {
        return new StorageProvider() {
            @Override
            public <T> T inTransaction(Function<StorageTransaction, T> work) {
                return store.inTransaction(tx -> work.apply(new Intercepted(tx)));
            }

            @Override
            public <T> T read(Function<StorageTransaction, T> work) {
                return store.read(tx -> work.apply(new Intercepted(tx)));
            }
        };
    }

    private final class Intercepted implements StorageTransaction {
        private final StorageTransaction tx;

        Intercepted(StorageTransaction tx) {
            this.tx = tx;
        }

        @Override
        public Optional<Request> findRequest(TenantId tenant, RequestId id) {
            return tx.findRequest(tenant, id);
        }

        @Override
        public void insertRequest(Request request) {
            tx.insertRequest(request);
        }

        @Override
        public void updateRequest(Request request, long expectedVersion) {
            tx.updateRequest(request, expectedVersion);
        }

        @Override
        public List<Request> findRequests(TenantId tenant, RequestSelection selection) {
            return tx.findRequests(tenant, selection);
        }

        @Override
        public long countRequests(TenantId tenant, RequestSelection selection) {
            return tx.countRequests(tenant, selection);
        }

        @Override
        public void insertTimeRecord(dev.supportkit.spi.storage.TimeRecord record) {
            tx.insertTimeRecord(record);
        }

        @Override
        public List<dev.supportkit.spi.storage.TimeTotal> sumTime(TenantId tenant,
                                                                  dev.supportkit.api.work.TimeQuery query) {
            return tx.sumTime(tenant, query);
        }

        @Override
        public void insertVisit(dev.supportkit.spi.storage.VisitRecord visit) {
            tx.insertVisit(visit);
        }

        @Override
        public void updateVisit(dev.supportkit.spi.storage.VisitRecord visit) {
            tx.updateVisit(visit);
        }

        @Override
        public Optional<dev.supportkit.spi.storage.VisitRecord> findVisit(TenantId tenant, String id) {
            return tx.findVisit(tenant, id);
        }

        @Override
        public List<dev.supportkit.spi.storage.VisitRecord> findVisits(TenantId tenant,
                                                                       dev.supportkit.api.request.RequestId request) {
            return tx.findVisits(tenant, request);
        }

        @Override
        public List<dev.supportkit.spi.storage.VisitRecord> findTechnicianVisits(TenantId tenant,
                dev.supportkit.api.directory.SpecialistId technician, java.time.Instant from, java.time.Instant until) {
            return tx.findTechnicianVisits(tenant, technician, from, until);
        }

        @Override
        public void insertFailure(dev.supportkit.spi.storage.FailureRow row) {
            tx.insertFailure(row);
        }

        @Override
        public List<dev.supportkit.spi.storage.FailureTotal> countFailures(TenantId tenant, java.time.Instant from,
                                                                          java.time.Instant until) {
            return tx.countFailures(tenant, from, until);
        }

        @Override
        public void saveInstalledUnit(TenantId tenant, dev.supportkit.api.resolution.InstalledUnit unit) {
            tx.saveInstalledUnit(tenant, unit);
        }

        @Override
        public List<dev.supportkit.api.resolution.InstalledUnit> listInstalledUnits(TenantId tenant,
                                                                                   Optional<String> model) {
            return tx.listInstalledUnits(tenant, model);
        }

        @Override
        public Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization) {
            return tx.countRequestsByStatus(tenant, organization);
        }

        @Override
        public List<dev.supportkit.api.reports.RequestMetrics> requestMetrics(TenantId tenant,
                dev.supportkit.api.reports.MetricsQuery query) {
            return tx.requestMetrics(tenant, query);
        }

        @Override
        public boolean surveyedSince(TenantId tenant, dev.supportkit.api.directory.RepresentativeId representative,
                                     Instant since) {
            return tx.surveyedSince(tenant, representative, since);
        }

        @Override
        public List<JournalRecord> findJournalRecords(TenantId tenant,
                                                      dev.supportkit.spi.storage.JournalSelection selection) {
            return tx.findJournalRecords(tenant, selection);
        }

        @Override
        public List<dev.supportkit.spi.storage.FunctionTotal> countJournalByFunction(TenantId tenant, Instant from,
                                                                                    Instant until) {
            return tx.countJournalByFunction(tenant, from, until);
        }

        @Override
        public Map<String, Long> countRegistered(TenantId tenant, dev.supportkit.spi.storage.RequestCountKey key,
                                                 Instant from, Instant until) {
            return tx.countRegistered(tenant, key, from, until);
        }

        @Override
        public void insertContact(TenantId tenant, Contact contact) {
            tx.insertContact(tenant, contact);
        }

        @Override
        public List<Contact> findContacts(TenantId tenant, RequestId request) {
            return tx.findContacts(tenant, request);
        }

        @Override
        public void appendJournal(JournalRecord record) {
            Runnable meanwhile = beforeNextJournalAppend;
            if (meanwhile != null) {
                beforeNextJournalAppend = null;
                meanwhile.run();
            }
            tx.appendJournal(record);
        }

        @Override
        public List<JournalRecord> findJournal(TenantId tenant, RequestId request) {
            return journalReads.apply(tx.findJournal(tenant, request));
        }

        @Override
        public List<JournalRecord> findJournalRange(TenantId tenant, RequestId request, long first, long last) {
            return journalReads.apply(tx.findJournalRange(tenant, request, first, last));
        }

        @Override
        public void enqueueOutbox(OutboxMessage message) {
            RuntimeException failure = outboxFailure;
            if (failure != null) {
                throw failure;
            }
            tx.enqueueOutbox(message);
        }

        @Override
        public List<OutboxMessage> findOutbox(TenantId tenant, RequestId request) {
            return tx.findOutbox(tenant, request);
        }

        @Override
        public List<OutboxMessage> findOutboxByStatus(TenantId tenant, OutboxMessage.Status status, int limit) {
            return tx.findOutboxByStatus(tenant, status, limit);
        }

        @Override
        public List<OutboxMessage> claimDueOutbox(Lease lease) {
            return tx.claimDueOutbox(lease);
        }

        @Override
        public void updateOutbox(OutboxMessage message, String nodeId) {
            tx.updateOutbox(message, nodeId);
        }

        @Override
        public void updateOutboxAll(List<OutboxMessage> messages, String nodeId) {
            tx.updateOutboxAll(messages, nodeId);
        }

        @Override
        public Optional<OutboxMessage> findOutboxMessage(TenantId tenant, String id) {
            return tx.findOutboxMessage(tenant, id);
        }

        @Override
        public boolean resetOutbox(TenantId tenant, String id, java.time.Instant nextAttemptAt) {
            return tx.resetOutbox(tenant, id, nextAttemptAt);
        }

        @Override
        public void scheduleTimer(TimerRecord timer) {
            tx.scheduleTimer(timer);
        }

        @Override
        public int cancelTimers(TenantId tenant, RequestId request, String kind) {
            return tx.cancelTimers(tenant, request, kind);
        }

        @Override
        public List<TimerRecord> findTimers(TenantId tenant, RequestId request) {
            return tx.findTimers(tenant, request);
        }

        @Override
        public List<TimerRecord> claimDueTimers(Lease lease) {
            return tx.claimDueTimers(lease);
        }

        @Override
        public void completeTimer(String timerId, String nodeId) {
            if (timerCompletionConflicts.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throw new ConcurrencyConflictException("storage operation 'completeTimer' conflicted with a"
                        + " concurrent transaction; retrying may succeed", null);
            }
            tx.completeTimer(timerId, nodeId);
        }

        @Override
        public void saveDirectoryEntry(TenantId tenant, DirectoryEntry entry) {
            tx.saveDirectoryEntry(tenant, entry);
        }

        @Override
        public <T extends DirectoryEntry> Optional<T> findDirectoryEntry(TenantId tenant, Class<T> type, String id) {
            return tx.findDirectoryEntry(tenant, type, id);
        }

        @Override
        public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                       Optional<OrganizationId> owner) {
            return tx.listDirectoryEntries(tenant, type, owner);
        }

        @Override
        public void insertCatalogRecord(CatalogRecord record) {
            tx.insertCatalogRecord(record);
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecord(TenantId tenant, String kind, String id) {
            return tx.findCatalogRecord(tenant, kind, id);
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecordVersion(TenantId tenant, String kind, String id, int version) {
            return tx.findCatalogRecordVersion(tenant, kind, id, version);
        }

        @Override
        public List<CatalogRecord> findCatalogHistory(TenantId tenant, String kind, String id) {
            return tx.findCatalogHistory(tenant, kind, id);
        }

        @Override
        public List<CatalogRecord> listCatalogRecords(TenantId tenant, String kind, Optional<String> key) {
            return tx.listCatalogRecords(tenant, kind, key);
        }
    }
}
