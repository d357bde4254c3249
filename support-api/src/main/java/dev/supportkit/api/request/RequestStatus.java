package dev.supportkit.api.request;

/**
 * Where a request is in its life. Legal moves:
 * <pre>
 * REGISTERED ──take into work──▶ IN_PROGRESS_FIRST_LINE
 * IN_PROGRESS_FIRST_LINE ──redirect──▶ AT_INTAKE_LEAD | AT_SECOND_LINE
 * AT_INTAKE_LEAD ──redirect──▶ AT_SECOND_LINE;   AT_SECOND_LINE ──redirect──▶ AT_INTAKE_LEAD
 * AT_SECOND_LINE ──escalate to vendor | vendor correspondence | vendor answer──▶ AT_SECOND_LINE
 * any working state ──request clarification──▶ WAITING_FOR_CUSTOMER ──customer answers──▶ the same working state
 * any working state ──resolve──▶ RESOLVED
 * RESOLVED ──customer signs off──▶ SIGNED_OFF ──close──▶ CLOSED
 * RESOLVED ──customer objects (reopen)──▶ the working state of the line that resolved it
 * </pre>
 * The working states are {@link #IN_PROGRESS_FIRST_LINE}, {@link #AT_INTAKE_LEAD} and {@link #AT_SECOND_LINE}.
 */
public enum RequestStatus {
    /** Registered from a contact, not yet taken into work. */
    REGISTERED,
    /** A first-line operator works on it. */
    IN_PROGRESS_FIRST_LINE,
    /** Redirected to the lead of the intake group (non-typical problem). */
    AT_INTAKE_LEAD,
    /** Redirected to a second-line group. */
    AT_SECOND_LINE,
    /** Waiting for the customer to clarify; the request returns to its line when they answer. */
    WAITING_FOR_CUSTOMER,
    /** The problem is removed; waiting for the customer's representative to sign off or object. */
    RESOLVED,
    /** The customer's representative signed off the results. */
    SIGNED_OFF,
    /** Closed; no further changes. */
    CLOSED;

    /**
     * Returns true for the states in which a support line actively works on the request.
     *
     * @return true for the states in which a support line actively works on the request
     */
    public boolean isWorking() {
        return this == IN_PROGRESS_FIRST_LINE || this == AT_INTAKE_LEAD || this == AT_SECOND_LINE;
    }

    /**
     * Returns true once the request is closed.
     *
     * @return true once the request is closed
     */
    public boolean isTerminal() {
        return this == CLOSED;
    }

    /**
     * Returns true while the request waits for support or for the customer: registered, in work at any
     * line, or waiting for the customer. Resolved, signed off and closed requests are not open.
     *
     * @return true for REGISTERED up to WAITING_FOR_CUSTOMER
     */
    public boolean isOpen() {
        return compareTo(RESOLVED) < 0;
    }
}
