package dev.supportkit.core.internal.engine;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.spi.storage.VisitRecord;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.TimeTotal;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Wraps the configured storage provider so that any failure of the store itself reaches the caller
 * as a {@link ProviderException} naming the provider, while the engine's own exceptions (validation,
 * conflicts, illegal transitions) pass through unchanged.
 */
final class GuardedStorage implements StorageProvider {
    /** Carries an exception thrown by the engine's own work through the provider untouched. */
    private static final class WorkFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        WorkFailure(RuntimeException cause) {
            super(cause);
        }
    }

    private final String providerId;
    private final StorageProvider delegate;
    private final DirectoryCache directory;

    GuardedStorage(String providerId, StorageProvider delegate, DirectoryCache directory) {
        this.providerId = providerId;
        this.delegate = delegate;
        this.directory = directory;
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return run(work, false);
    }

    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return run(work, true);
    }

    @Override
    public Optional<BlobStore> blobs() {
        return delegate.blobs();
    }

    private <T> T run(Function<StorageTransaction, T> work, boolean readOnly) {
        List<SavedEntry> saved = new ArrayList<>();
        Function<StorageTransaction, T> guarded = tx -> {
            try {
                return work.apply(new GuardedTransaction(tx, saved));
            } catch (RuntimeException e) {
                throw new WorkFailure(e);
            }
        };
        try {
            return readOnly ? delegate.read(guarded) : delegate.inTransaction(guarded);
        } catch (WorkFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (SupportException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProviderException(providerId, "transaction failed: " + e.getMessage(), e);
        } finally {
            // Drop what this transaction saved again after it ended: a reader may have cached the old value meanwhile.
            saved.forEach(s -> directory.invalidate(s.tenant(), s.entry().getClass(), s.entry().entryId()));
        }
    }

    /** A directory entry a transaction saved, to drop from the cache when the transaction ends. */
    private record SavedEntry(TenantId tenant, DirectoryEntry entry) {
    }

    @Override
    public void close() {
        try {
            delegate.close();
        } catch (Exception e) {
            throw new ProviderException(providerId, "close failed: " + e.getMessage(), e);
        }
    }

    private <T> T call(String operation, Supplier<T> call) {
        return ProviderCalls.guard(providerId, operation, call);
    }

    private void run(String operation, Runnable call) {
        ProviderCalls.guard(providerId, operation, call);
    }

    private final class GuardedTransaction implements StorageTransaction {
        private final StorageTransaction tx;
        private final List<SavedEntry> saved;

        GuardedTransaction(StorageTransaction tx, List<SavedEntry> saved) {
            this.tx = tx;
            this.saved = saved;
        }

        @Override
        public Optional<Request> findRequest(TenantId tenant, RequestId id) {
            return call("findRequest", () -> tx.findRequest(tenant, id));
        }

        @Override
        public void insertRequest(Request request) {
            run("insertRequest", () -> tx.insertRequest(request));
        }

        @Override
        public void insertRequests(List<Request> requests, List<JournalRecord> journal) {
            run("insertRequests", () -> tx.insertRequests(requests, journal));
        }

        @Override
        public void updateRequest(Request request, long expectedVersion) {
            run("updateRequest", () -> tx.updateRequest(request, expectedVersion));
        }

        @Override
        public List<Request> findRequests(TenantId tenant, RequestSelection selection) {
            return call("findRequests", () -> tx.findRequests(tenant, selection));
        }

        @Override
        public long countRequests(TenantId tenant, RequestSelection selection) {
            return call("countRequests", () -> tx.countRequests(tenant, selection));
        }

        @Override
        public void insertTimeRecord(TimeRecord record) {
            run("insertTimeRecord", () -> tx.insertTimeRecord(record));
        }

        @Override
        public List<TimeTotal> sumTime(TenantId tenant, dev.supportkit.api.work.TimeQuery query) {
            return call("sumTime", () -> tx.sumTime(tenant, query));
        }

        @Override
        public void insertFailure(FailureRow row) {
            run("insertFailure", () -> tx.insertFailure(row));
        }

        @Override
        public List<FailureTotal> countFailures(TenantId tenant, Instant from, Instant until) {
            return call("countFailures", () -> tx.countFailures(tenant, from, until));
        }

        @Override
        public void saveInstalledUnit(TenantId tenant, InstalledUnit unit) {
            run("saveInstalledUnit", () -> tx.saveInstalledUnit(tenant, unit));
        }

        @Override
        public List<InstalledUnit> listInstalledUnits(TenantId tenant, Optional<String> model) {
            return call("listInstalledUnits", () -> tx.listInstalledUnits(tenant, model));
        }

        @Override
        public Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization) {
            return call("countRequestsByStatus", () -> tx.countRequestsByStatus(tenant, organization));
        }

        @Override
        public List<dev.supportkit.api.reports.RequestMetrics> requestMetrics(TenantId tenant,
                dev.supportkit.api.reports.MetricsQuery query) {
            return call("requestMetrics", () -> tx.requestMetrics(tenant, query));
        }

        @Override
        public boolean surveyedSince(TenantId tenant, dev.supportkit.api.directory.RepresentativeId representative,
                                     Instant since) {
            return call("surveyedSince", () -> tx.surveyedSince(tenant, representative, since));
        }

        @Override
        public List<JournalRecord> findJournalRecords(TenantId tenant,
                                                      dev.supportkit.spi.storage.JournalSelection selection) {
            return call("findJournalRecords", () -> tx.findJournalRecords(tenant, selection));
        }

        @Override
        public List<dev.supportkit.spi.storage.FunctionTotal> countJournalByFunction(TenantId tenant, Instant from,
                                                                                    Instant until) {
            return call("countJournalByFunction", () -> tx.countJournalByFunction(tenant, from, until));
        }

        @Override
        public Map<String, Long> countRegistered(TenantId tenant, dev.supportkit.spi.storage.RequestCountKey key,
                                                 Instant from, Instant until) {
            return call("countRegistered", () -> tx.countRegistered(tenant, key, from, until));
        }

        @Override
        public void insertContact(TenantId tenant, Contact contact) {
            run("insertContact", () -> tx.insertContact(tenant, contact));
        }

        @Override
        public List<Contact> findContacts(TenantId tenant, RequestId request) {
            return call("findContacts", () -> tx.findContacts(tenant, request));
        }

        @Override
        public void appendJournal(JournalRecord record) {
            run("appendJournal", () -> tx.appendJournal(record));
        }

        @Override
        public List<JournalRecord> findJournal(TenantId tenant, RequestId request) {
            return call("findJournal", () -> tx.findJournal(tenant, request));
        }

        @Override
        public List<JournalRecord> findJournalRange(TenantId tenant, RequestId request, long first, long last) {
            return call("findJournalRange", () -> tx.findJournalRange(tenant, request, first, last));
        }

        @Override
        public void enqueueOutbox(OutboxMessage message) {
            run("enqueueOutbox", () -> tx.enqueueOutbox(message));
        }

        @Override
        public List<OutboxMessage> findOutbox(TenantId tenant, RequestId request) {
            return call("findOutbox", () -> tx.findOutbox(tenant, request));
        }

        @Override
        public List<OutboxMessage> findOutboxByStatus(TenantId tenant, OutboxMessage.Status status, int limit) {
            return call("findOutboxByStatus", () -> tx.findOutboxByStatus(tenant, status, limit));
        }

        @Override
        public List<OutboxMessage> claimDueOutbox(Lease lease) {
            return call("claimDueOutbox", () -> tx.claimDueOutbox(lease));
        }

        @Override
        public void updateOutbox(OutboxMessage message, String nodeId) {
            run("updateOutbox", () -> tx.updateOutbox(message, nodeId));
        }

        @Override
        public void updateOutboxAll(List<OutboxMessage> messages, String nodeId) {
            run("updateOutboxAll", () -> tx.updateOutboxAll(messages, nodeId));
        }

        @Override
        public Optional<OutboxMessage> findOutboxMessage(TenantId tenant, String id) {
            return call("findOutboxMessage", () -> tx.findOutboxMessage(tenant, id));
        }

        @Override
        public boolean resetOutbox(TenantId tenant, String id, Instant nextAttemptAt) {
            return call("resetOutbox", () -> tx.resetOutbox(tenant, id, nextAttemptAt));
        }

        @Override
        public void scheduleTimer(TimerRecord timer) {
            run("scheduleTimer", () -> tx.scheduleTimer(timer));
        }

        @Override
        public int cancelTimers(TenantId tenant, RequestId request, String kind) {
            return call("cancelTimers", () -> tx.cancelTimers(tenant, request, kind));
        }

        @Override
        public List<TimerRecord> findTimers(TenantId tenant, RequestId request) {
            return call("findTimers", () -> tx.findTimers(tenant, request));
        }

        @Override
        public List<TimerRecord> claimDueTimers(Lease lease) {
            return call("claimDueTimers", () -> tx.claimDueTimers(lease));
        }

        @Override
        public void completeTimer(String timerId, String nodeId) {
            run("completeTimer", () -> tx.completeTimer(timerId, nodeId));
        }

        @Override
        public void saveDirectoryEntry(TenantId tenant, DirectoryEntry entry) {
            directory.invalidate(tenant, entry.getClass(), entry.entryId());
            saved.add(new SavedEntry(tenant, entry));
            run("saveDirectoryEntry", () -> tx.saveDirectoryEntry(tenant, entry));
        }

        @Override
        public <T extends DirectoryEntry> Optional<T> findDirectoryEntry(TenantId tenant, Class<T> type, String id) {
            if (!directory.enabled()) {
                return call("findDirectoryEntry", () -> tx.findDirectoryEntry(tenant, type, id));
            }
            Optional<Optional<T>> cached = directory.get(tenant, type, id);
            if (cached.isPresent()) {
                return cached.get();
            }
            Optional<T> found = call("findDirectoryEntry", () -> tx.findDirectoryEntry(tenant, type, id));
            // Not cached while this transaction changes the directory: its writes may still roll back.
            if (saved.isEmpty()) {
                directory.put(tenant, type, id, found);
            }
            return found;
        }

        @Override
        public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                       Optional<OrganizationId> owner) {
            return call("listDirectoryEntries", () -> tx.listDirectoryEntries(tenant, type, owner));
        }

        @Override
        public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                       Optional<OrganizationId> owner,
                                                                       Optional<String> afterId, int limit) {
            return call("listDirectoryEntries", () -> tx.listDirectoryEntries(tenant, type, owner, afterId, limit));
        }

        @Override
        public void insertVisit(VisitRecord visit) {
            run("insertVisit", () -> tx.insertVisit(visit));
        }

        @Override
        public void updateVisit(VisitRecord visit) {
            run("updateVisit", () -> tx.updateVisit(visit));
        }

        @Override
        public Optional<VisitRecord> findVisit(TenantId tenant, String id) {
            return call("findVisit", () -> tx.findVisit(tenant, id));
        }

        @Override
        public List<VisitRecord> findVisits(TenantId tenant, RequestId request) {
            return call("findVisits", () -> tx.findVisits(tenant, request));
        }

        @Override
        public List<VisitRecord> findTechnicianVisits(TenantId tenant, SpecialistId technician, Instant from,
                                                      Instant until) {
            return call("findTechnicianVisits", () -> tx.findTechnicianVisits(tenant, technician, from, until));
        }

        @Override
        public void insertCatalogRecord(CatalogRecord record) {
            run("insertCatalogRecord", () -> tx.insertCatalogRecord(record));
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecord(TenantId tenant, String kind, String id) {
            return call("findCatalogRecord", () -> tx.findCatalogRecord(tenant, kind, id));
        }

        @Override
        public Optional<CatalogRecord> findCatalogRecordVersion(TenantId tenant, String kind, String id, int version) {
            return call("findCatalogRecordVersion", () -> tx.findCatalogRecordVersion(tenant, kind, id, version));
        }

        @Override
        public List<CatalogRecord> findCatalogHistory(TenantId tenant, String kind, String id) {
            return call("findCatalogHistory", () -> tx.findCatalogHistory(tenant, kind, id));
        }

        @Override
        public List<CatalogRecord> listCatalogRecords(TenantId tenant, String kind, Optional<String> key) {
            return call("listCatalogRecords", () -> tx.listCatalogRecords(tenant, kind, key));
        }
    }
}
