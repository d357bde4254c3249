package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations available inside one storage transaction. Every read and write is scoped to a
 * tenant: nothing of one tenant is ever returned for another. Identifiers are unique per tenant.
 * A transaction sees its own writes. Times are kept to the microsecond. Text ordering ("ordered by
 * id") is by Unicode code point, i.e. binary collation. A conflict the store detects itself (a
 * duplicate key, a serialization failure, a deadlock) is reported as
 * {@link dev.supportkit.api.error.ConcurrencyConflictException}, because retrying may succeed; any
 * other failure of the store as {@link dev.supportkit.api.error.ProviderException}.
 */
public interface StorageTransaction {
    /**
     * @param tenant the tenant
     * @param id     the request
     * @return the request, if it exists in that tenant
     */
    Optional<Request> findRequest(TenantId tenant, RequestId id);

    /**
     * Stores a new request.
     *
     * @param request the request, with version 1
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when a request with that id exists
     */
    void insertRequest(Request request);

    /**
     * Stores many new requests with their journal records, for bulk import. Providers should batch the
     * writes; the default stores them one by one.
     *
     * @param requests the requests, each with version 1
     * @param journal  their journal records
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when a request id or journal key exists
     */
    default void insertRequests(List<Request> requests, List<JournalRecord> journal) {
        requests.forEach(this::insertRequest);
        journal.forEach(this::appendJournal);
    }

    /**
     * Replaces a request if its stored version is {@code expectedVersion}.
     *
     * @param request         the new snapshot (its version is {@code expectedVersion + 1}, or equal to it
     *                        when the engine only appends its own bookkeeping to the journal)
     * @param expectedVersion the version the change was based on
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when the stored version differs, or
     *         when no such request exists in the tenant (actual version reported as -1)
     */
    void updateRequest(Request request, long expectedVersion);

    /**
     * Reads one page of a queue: the tenant's requests that {@link RequestFacts#matches(Request,
     * RequestSelection)} says belong to the selection, in {@link RequestFacts#order(RequestSort)} of the
     * selection's sort, at most {@code selection.limit()} of them. A store with columns filters and sorts in
     * the database; it must not read the tenant's requests into memory.
     *
     * @param tenant    the tenant
     * @param selection the filters, order, start and size
     * @return the page's requests, in order
     */
    List<Request> findRequests(TenantId tenant, RequestSelection selection);

    /**
     * Counts the tenant's requests a selection's filters match, ignoring its start and size.
     *
     * @param tenant    the tenant
     * @param selection the filters
     * @return how many requests match
     */
    long countRequests(TenantId tenant, RequestSelection selection);

    /**
     * Counts requests by status, in the store (not by loading them).
     *
     * @param tenant       the tenant
     * @param organization only this organisation's requests, if present
     * @return count per status; statuses without requests may be missing
     */
    Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization);

    /**
     * Counts request metrics of one tenant over a period, in the store (not by loading requests), with the
     * meaning of {@link RequestMetricsCounter#count}: one row per specialist, group, organisation or the
     * tenant that has any figure, ordered by key.
     *
     * @param tenant the tenant
     * @param query  per what, for which subject, over which period
     * @return the rows, by key
     */
    List<dev.supportkit.api.reports.RequestMetrics> requestMetrics(TenantId tenant,
                                                                   dev.supportkit.api.reports.MetricsQuery query);

    /**
     * Tells whether a satisfaction survey was sent to a representative at or after a time (surveys are
     * sent at most once per representative in a period).
     *
     * @param tenant         the tenant
     * @param representative the representative
     * @param since          the earliest sending time that counts
     * @return true when one of the representative's requests has a survey sent at or after {@code since}
     */
    boolean surveyedSince(TenantId tenant, dev.supportkit.api.directory.RepresentativeId representative,
                          Instant since);

    /**
     * Stores a contact.
     *
     * @param tenant  the tenant
     * @param contact the contact
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when a contact with that id exists
     */
    void insertContact(TenantId tenant, Contact contact);

    /**
     * @param tenant  the tenant
     * @param request the request
     * @return its contacts, oldest first (by {@code receivedAt}, then id)
     */
    List<Contact> findContacts(TenantId tenant, RequestId request);

    /**
     * Appends a journal record.
     *
     * @param record the record
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when that request already has an
     *         entry with that sequence number
     */
    void appendJournal(JournalRecord record);

    /**
     * @param tenant  the tenant
     * @param request the request
     * @return its journal records by sequence
     */
    List<JournalRecord> findJournal(TenantId tenant, RequestId request);

    /**
     * Reads a stretch of one request's (or log's) journal, e.g. the records whose events an event sink is about
     * to publish. A store reads them by its journal key; this default filters {@link #findJournal}.
     *
     * @param tenant  the tenant
     * @param request the request, or the log
     * @param first   the first sequence number wanted
     * @param last    the last sequence number wanted (included)
     * @return the records with sequence numbers from {@code first} to {@code last}, by sequence; fewer when some
     *         do not exist
     */
    default List<JournalRecord> findJournalRange(TenantId tenant, RequestId request, long first, long last) {
        return findJournal(tenant, request).stream()
                .filter(r -> r.sequence() >= first && r.sequence() <= last).toList();
    }

    /**
     * Reads a tenant's journal records across its requests (audit reads), in (request id, sequence) order
     * after the selection's position, at most its limit.
     *
     * @param tenant    the tenant
     * @param selection functions, actor, period, position and limit
     * @return the matching records, in order
     */
    List<JournalRecord> findJournalRecords(TenantId tenant, JournalSelection selection);

    /**
     * Counts a tenant's journal records per actor and labour function in a period, in the store.
     *
     * @param tenant the tenant
     * @param from   records at or after this time
     * @param until  records before this time
     * @return one total per actor and function with any record, ordered by actor then function
     */
    List<FunctionTotal> countJournalByFunction(TenantId tenant, Instant from, Instant until);

    /**
     * Counts a tenant's requests registered in a period by category, model or hour of registration, in the
     * store.
     *
     * @param tenant the tenant
     * @param key    what to count by
     * @param from   registered at or after this time
     * @param until  registered before this time
     * @return the count per key value, for values with any request
     */
    Map<String, Long> countRegistered(TenantId tenant, RequestCountKey key, Instant from, Instant until);

    /**
     * Records an outbox message.
     *
     * @param message the message
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when a message with that id exists
     */
    void enqueueOutbox(OutboxMessage message);

    /**
     * @param tenant  the tenant
     * @param request the request
     * @return the outbox messages recorded for the request, oldest first (by {@code createdAt}, then id)
     */
    List<OutboxMessage> findOutbox(TenantId tenant, RequestId request);

    /**
     * Outbox messages of a tenant in one delivery state, e.g. the dead letters.
     *
     * @param tenant the tenant
     * @param status the state
     * @param limit  at most this many, 1 to 1000
     * @return the messages, oldest first (by {@code createdAt}, then id)
     */
    List<OutboxMessage> findOutboxByStatus(TenantId tenant, OutboxMessage.Status status, int limit);

    /**
     * Claims pending outbox messages of every tenant whose {@code nextAttemptAt} is at or before
     * {@code lease.now()} and that are not claimed under a lease still running. The claim holds until
     * {@code lease.until()} or until {@link #updateOutbox} records the outcome. Claims of concurrent
     * transactions never overlap: on PostgreSQL and MariaDB with {@code FOR UPDATE SKIP LOCKED}, elsewhere
     * with an optimistic conditional update. The work done grows with the number of due messages, not
     * with the number stored.
     *
     * @param lease who claims, when, until when, how many
     * @return the claimed messages, earliest {@code nextAttemptAt} first
     */
    List<OutboxMessage> claimDueOutbox(Lease lease);

    /**
     * Records the outcome of a delivery attempt on a message this node claimed, and releases the claim.
     * Only {@code status}, {@code attempts}, {@code nextAttemptAt}, {@code route} and {@code lastOutcome}
     * are written; the rest of the stored message stays as it was enqueued.
     *
     * @param message the message with its new status, attempts and next attempt time
     * @param nodeId  the node that claimed it
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when the message is not claimed by
     *         {@code nodeId} any more (its lease expired and another node took it)
     */
    void updateOutbox(OutboxMessage message, String nodeId);

    /**
     * Records the outcomes of many messages this node claimed, as {@link #updateOutbox} does for each, in the
     * order given. A store may send them together (one round trip instead of one per message); this default
     * calls {@link #updateOutbox} for each.
     *
     * @param messages the messages with their new status, attempts and next attempt time
     * @param nodeId   the node that claimed them
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when any of them is not claimed by
     *         {@code nodeId} any more; the caller's transaction must then be rolled back
     */
    default void updateOutboxAll(List<OutboxMessage> messages, String nodeId) {
        for (OutboxMessage message : messages) {
            updateOutbox(message, nodeId);
        }
    }

    /**
     * One outbox message.
     *
     * @param tenant the tenant
     * @param id     the message id
     * @return the message, if it exists in that tenant
     */
    Optional<OutboxMessage> findOutboxMessage(TenantId tenant, String id);

    /**
     * Makes a message pending again from scratch (an administrator retrying a dead letter): status
     * {@code PENDING}, no attempts, first route, due at {@code nextAttemptAt}, any claim released. The
     * last outcome is kept.
     *
     * @param tenant        the tenant
     * @param id            the message id
     * @param nextAttemptAt when it is due
     * @return whether such a message existed
     */
    boolean resetOutbox(TenantId tenant, String id, Instant nextAttemptAt);

    /**
     * Stores a timer.
     *
     * @param timer the timer
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when a timer with that id exists
     */
    void scheduleTimer(TimerRecord timer);

    /**
     * Removes a request's pending timers of one kind (e.g. when a deadline is met or paused).
     *
     * @param tenant  the tenant
     * @param request the request
     * @param kind    the timer kind
     * @return how many were removed
     */
    int cancelTimers(TenantId tenant, RequestId request, String kind);

    /**
     * A request's timers that have not been completed, by due time.
     *
     * @param tenant  the tenant
     * @param request the request
     * @return the timers
     */
    List<TimerRecord> findTimers(TenantId tenant, RequestId request);

    /**
     * Claims timers of every tenant due at or before {@code lease.now()} that are not claimed under a
     * lease still running; the same guarantees as {@link #claimDueOutbox(Lease)}. Each returned timer
     * carries the number of earlier claims in {@code attempts}.
     *
     * @param lease who claims, when, until when, how many
     * @return the claimed timers, earliest due first
     */
    List<TimerRecord> claimDueTimers(Lease lease);

    /**
     * Marks a claimed timer as done; it is never returned again.
     *
     * @param timerId the timer
     * @param nodeId  the node that claimed it
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when the timer is not claimed by
     *         {@code nodeId} any more
     */
    void completeTimer(String timerId, String nodeId);

    /**
     * Creates or replaces a directory entry of the entry's type and id.
     *
     * @param tenant the tenant
     * @param entry  the entry
     */
    void saveDirectoryEntry(TenantId tenant, DirectoryEntry entry);

    /**
     * @param tenant the tenant
     * @param type   the entry type, e.g. {@code Organization.class}
     * @param id     the entry's id text
     * @param <T>    the entry type
     * @return the entry, if it exists in that tenant
     */
    <T extends DirectoryEntry> Optional<T> findDirectoryEntry(TenantId tenant, Class<T> type, String id);

    /**
     * @param tenant the tenant
     * @param type   the entry type
     * @param owner  only entries of this organisation, if present
     * @param <T>    the entry type
     * @return the entries, ordered by id
     */
    <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                            Optional<OrganizationId> owner);

    /**
     * One page of directory entries, ordered by id as {@link #listDirectoryEntries(TenantId, Class, Optional)}
     * orders them, starting after an id. The default pages through the whole list; a store that keeps many
     * entries should override it with a keyset query (the JDBC store does), comparing ids the way its own
     * order does.
     *
     * @param tenant  the tenant
     * @param type    the entry type
     * @param owner   only entries of this organisation, if present
     * @param afterId only entries whose id comes after this one, if present
     * @param limit   the most entries to return, at least 1
     * @param <T>     the entry type
     * @return at most {@code limit} entries, ordered by id
     */
    default <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                    Optional<OrganizationId> owner,
                                                                    Optional<String> afterId, int limit) {
        List<T> all = listDirectoryEntries(tenant, type, owner);
        int from = 0;
        if (afterId.isPresent()) {
            while (from < all.size() && all.get(from).entryId().compareTo(afterId.get()) <= 0) {
                from++;
            }
        }
        return List.copyOf(all.subList(from, Math.min(all.size(), from + limit)));
    }

    /**
     * Stores a new visit and, while it is booked, holds its slots ({@link VisitRecord#slots()}) for each of its
     * technicians. The store guarantees, across every engine that shares it, that no slot of a technician is
     * held by two visits: a slot held by another visit, committed or concurrently being written, makes this
     * throw a {@link dev.supportkit.api.error.ConcurrencyConflictException} (the transaction is then rolled
     * back; nothing of the visit stays). A database does it with a unique key over (tenant, technician, slot).
     *
     * @param visit the visit
     */
    void insertVisit(VisitRecord visit);

    /**
     * Replaces a stored visit (moved or cancelled) and the slots it holds: its old slots are released, the new
     * ones held as by {@link #insertVisit}, with the same guarantee and the same conflict.
     *
     * @param visit the visit as it is now
     */
    void updateVisit(VisitRecord visit);

    /**
     * @param tenant the tenant
     * @param id     a visit's id
     * @return the visit, if stored
     */
    Optional<VisitRecord> findVisit(TenantId tenant, String id);

    /**
     * @param tenant  the tenant
     * @param request a request
     * @return its visits, by start
     */
    List<VisitRecord> findVisits(TenantId tenant, RequestId request);

    /**
     * The booked visits that hold a technician at some time in a window.
     *
     * @param tenant     the tenant
     * @param technician the technician
     * @param from       the window's start
     * @param until      the window's end, exclusive
     * @return the visits whose held time overlaps the window, by start
     */
    List<VisitRecord> findTechnicianVisits(TenantId tenant, SpecialistId technician, Instant from, Instant until);

    /**
     * Stores a new version of a catalogue document. It becomes the document's latest version when its
     * version is higher than every stored one.
     *
     * @param record the record
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when that tenant, kind, id and version
     *         is stored already
     */
    void insertCatalogRecord(CatalogRecord record);

    /**
     * The latest version of a catalogue document.
     *
     * @param tenant the tenant
     * @param kind   the document kind
     * @param id     the document id
     * @return its highest version, if the document exists in that tenant
     */
    Optional<CatalogRecord> findCatalogRecord(TenantId tenant, String kind, String id);

    /**
     * One version of a catalogue document.
     *
     * @param tenant  the tenant
     * @param kind    the document kind
     * @param id      the document id
     * @param version the version
     * @return that version, if stored
     */
    Optional<CatalogRecord> findCatalogRecordVersion(TenantId tenant, String kind, String id, int version);

    /**
     * Every version of a catalogue document.
     *
     * @param tenant the tenant
     * @param kind   the document kind
     * @param id     the document id
     * @return its versions, oldest first; empty when it does not exist
     */
    List<CatalogRecord> findCatalogHistory(TenantId tenant, String kind, String id);

    /**
     * The latest version of every document of a kind, optionally only those whose latest version has
     * the given key.
     *
     * @param tenant the tenant
     * @param kind   the document kind
     * @param key    only documents whose latest version has this key, if present
     * @return the latest versions, ordered by id
     */
    List<CatalogRecord> listCatalogRecords(TenantId tenant, String kind, Optional<String> key);

    /**
     * Stores a record of time spent.
     *
     * @param record the record
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when its id exists in the tenant
     */
    void insertTimeRecord(TimeRecord record);

    /**
     * Sums recorded time, in the store, per request, specialist and labour function.
     *
     * @param tenant the tenant
     * @param query  which records
     * @return one total per request, specialist and function that has records, in no particular order
     */
    List<TimeTotal> sumTime(TenantId tenant, dev.supportkit.api.work.TimeQuery query);

    /**
     * Stores an equipment failure of the failure register.
     *
     * @param row the failure
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when its id exists in the tenant
     */
    void insertFailure(FailureRow row);

    /**
     * Counts failures, in the store (a {@code GROUP BY}, not by loading them), per equipment model, component
     * and cause code. A failure counts when it failed within [from, until).
     *
     * @param tenant the tenant
     * @param from   the period's start (inclusive)
     * @param until  the period's end (exclusive)
     * @return one total per model, component (null for failures without one) and cause that has failures, in no
     *         particular order
     */
    List<FailureTotal> countFailures(TenantId tenant, Instant from, Instant until);

    /**
     * Creates or replaces the installed unit of the unit's system and component (the system as a whole when it
     * names no component).
     *
     * @param tenant the tenant
     * @param unit   the unit
     */
    void saveInstalledUnit(TenantId tenant, dev.supportkit.api.resolution.InstalledUnit unit);

    /**
     * The tenant's installed base.
     *
     * @param tenant the tenant
     * @param model  only units of this model (compared exactly), if present
     * @return the units, ordered by system id, then component id (the system as a whole first)
     */
    List<dev.supportkit.api.resolution.InstalledUnit> listInstalledUnits(TenantId tenant, Optional<String> model);
}
