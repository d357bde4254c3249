package dev.supportkit.crm.common;

/**
 * The CRM could not take a call now (rate limit beyond the longest wait, 5xx, network fault, credentials being
 * renewed): the engine retries the push later with back-off. The message never carries a secret. It tells whether
 * the CRM may have carried the call out all the same ({@link #outcomeUnknown()}: the call was sent and its answer
 * was lost or was a gateway error), so a retry of a call that is not idempotent looks before it repeats it.
 */
public class CrmUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    /**
     * The call was not carried out: it was not sent (paused, rate limit, credentials) or the CRM refused it (429,
     * 503, 408).
     *
     * @param message what failed, secrets masked
     */
    public CrmUnavailableException(String message) {
        this(message, false);
    }

    /**
     * Creates the exception.
     *
     * @param message        what failed, secrets masked
     * @param outcomeUnknown whether the CRM may have carried the call out
     */
    public CrmUnavailableException(String message, boolean outcomeUnknown) {
        super(message);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** @return whether the call was sent and the CRM may have carried it out (network fault, 500, 502, 504) */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
