package dev.supportkit.api.event;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.request.RequestId;
import java.util.Objects;

/**
 * One journalled change of a request, published after commit, at least once. A consumer drops repeats by
 * {@link #eventId()} and orders a request's events by {@link #entry()}'s sequence.
 *
 * @param eventId        stable id of the change: the same on every repeated delivery
 * @param tenant         the tenant
 * @param request        the request that changed
 * @param requestVersion the request's version after the change
 * @param laborFunction  code of the labour function the change belongs to, e.g. {@code B/02.6}
 * @param entry          the journal entry the change wrote
 */
public record DomainEvent(String eventId, TenantId tenant, RequestId request, long requestVersion,
                          String laborFunction, JournalEntry entry) {

    /**
     * Checks that every part is present.
     *
     * @param eventId        stable id of the change
     * @param tenant         the tenant
     * @param request        the request that changed
     * @param requestVersion the request's version after the change
     * @param laborFunction  code of the labour function
     * @param entry          the journal entry
     * @throws NullPointerException naming the missing part
     */
    public DomainEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(laborFunction, "laborFunction");
        Objects.requireNonNull(entry, "entry");
    }
}
