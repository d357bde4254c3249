package dev.supportkit.spi.crm;

import dev.supportkit.api.request.Request;
import dev.supportkit.spi.Provider;

/**
 * Mirrors requests into a customer-relationship-management system (B/02.6: "use CRM systems to
 * control execution").
 */
public interface CrmAdapter extends Provider {
    /**
     * Pushes the current state of a request to the CRM. Called after commit, at least once; the
     * idempotency key is the same for repeated pushes of one change.
     *
     * @param request        the request snapshot
     * @param idempotencyKey identifies the change
     */
    void pushRequest(Request request, String idempotencyKey);
}
