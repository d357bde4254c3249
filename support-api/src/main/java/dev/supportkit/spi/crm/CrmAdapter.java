package dev.supportkit.spi.crm;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.Provider;
import java.time.Instant;
import java.util.Optional;

/**
 * Mirrors requests into a customer-relationship-management system (B/02.6: "use CRM systems to
 * control execution"), recognises callers by the CRM's contacts, and lists the CRM's companies and contacts
 * for a directory import ({@link CrmDirectorySync}).
 *
 * <p>The engine calls {@link #push(CrmChange)} after commit, at least once per change and in order per request;
 * an adapter must make a repeated push of one change harmless. An adapter throws {@link CrmRejectedException}
 * when the CRM refuses a change for good; any other exception makes the engine retry later.
 */
public interface CrmAdapter extends Provider {
    /**
     * Pushes the current state of a request to the CRM. Called after commit, at least once; the
     * idempotency key is the same for repeated pushes of one change. Adapters that implement
     * {@link #push(CrmChange)} need not implement this.
     *
     * @param request        the request snapshot
     * @param idempotencyKey identifies the change
     */
    void pushRequest(Request request, String idempotencyKey);

    /**
     * Pushes one change of a request: what changed, the customer-visible entries it wrote and the customer.
     * The default hands the snapshot to {@link #pushRequest(Request, String)}.
     *
     * @param change the change
     */
    default void push(CrmChange change) {
        pushRequest(change.request(), change.idempotencyKey());
    }

    /**
     * Looks a caller up in the CRM by phone number or e-mail address, for intake to fill the organisation and
     * representative. Intake calls it for a contact given by the caller's number or address alone, on one of the
     * engine's threads, and waits at most {@code supportkit.intake.caller-lookup.timeout} for it (then goes on
     * without it); it is not called while {@link #pausedUntil()} is in the future. It may be called concurrently
     * with pushes. The default finds nobody.
     *
     * @param tenant       the tenant the caller called
     * @param phoneOrEmail a phone number (any formatting) or an e-mail address
     * @return the CRM's contact and its company, when the CRM knows the caller
     */
    default Optional<CrmParty> findCaller(TenantId tenant, String phoneOrEmail) {
        return Optional.empty();
    }

    /**
     * Reads one page of the CRM's companies and contacts for a directory import. The default has none.
     *
     * @param tenant the tenant importing
     * @param cursor the cursor of the page, empty for the first
     * @return the page
     */
    default CrmDirectoryPage directoryPage(TenantId tenant, Optional<String> cursor) {
        return new CrmDirectoryPage(java.util.List.of(), Optional.empty());
    }

    /**
     * Until when the adapter cannot call its CRM: the CRM asked to wait ({@code Retry-After}, a rate-limit answer)
     * or the client-side rate limit is spent. The engine holds its pushes to this adapter until then without
     * counting an attempt, so nothing waits inside the adapter. The default never pauses.
     *
     * @return the instant calls may resume, when in the future
     */
    default Optional<Instant> pausedUntil() {
        return Optional.empty();
    }
}
