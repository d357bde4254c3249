package dev.supportkit.api.error;

/**
 * The acting person's role may not make this call.
 */
public class AccessDeniedException extends SupportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which role was refused which operation
     */
    public AccessDeniedException(String message) {
        super(message);
    }
}
