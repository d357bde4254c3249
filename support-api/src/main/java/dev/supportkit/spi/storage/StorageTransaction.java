package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
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
     * Replaces a request if its stored version is {@code expectedVersion}.
     *
     * @param request         the new snapshot (its version is {@code expectedVersion + 1})
     * @param expectedVersion the version the change was based on
     * @throws dev.supportkit.api.error.ConcurrencyConflictException when the stored version differs, or
     *         when no such request exists in the tenant (actual version reported as -1)
     */
    void updateRequest(Request request, long expectedVersion);

    /**
     * @param tenant the tenant
     * @param query  the filter
     * @return matching requests ordered by registration time, then id
     */
    List<Request> findRequests(TenantId tenant, RequestQuery query);

    /**
     * Counts requests by status, in the store (not by loading them).
     *
     * @param tenant       the tenant
     * @param organization only this organisation's requests, if present
     * @return count per status; statuses without requests may be missing
     */
    Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization);

    /**
     * Stores a contact.
     *
     * @param tenant  the tenant
     * @param contact the contact
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
     * Records an outbox message.
     *
     * @param message the message
     */
    void enqueueOutbox(OutboxMessage message);

    /**
     * @param tenant  the tenant
     * @param request the request
     * @return the outbox messages recorded for the request, oldest first (by {@code createdAt}, then id)
     */
    List<OutboxMessage> findOutbox(TenantId tenant, RequestId request);

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
}
