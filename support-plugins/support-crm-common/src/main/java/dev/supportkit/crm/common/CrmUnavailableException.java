package dev.supportkit.crm.common;

/**
 * The CRM could not take a call now (rate limit beyond the longest wait, 5xx, network fault, credentials being
 * renewed): the engine retries the push later with back-off. The message never carries a secret.
 */
public class CrmUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, secrets masked
     */
    public CrmUnavailableException(String message) {
        super(message);
    }
}
