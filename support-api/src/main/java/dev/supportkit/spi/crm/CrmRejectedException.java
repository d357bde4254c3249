package dev.supportkit.spi.crm;

/**
 * Thrown by an adapter when the CRM refused a change for good (an HTTP 4xx other than 401, 408 and 429): the
 * engine dead-letters the push at once with this message, which carries the CRM's own error text and never a
 * secret. Any other exception is a temporary failure the engine retries with back-off.
 */
public class CrmRejectedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what the CRM answered, without secrets
     */
    public CrmRejectedException(String message) {
        super(message);
    }
}
