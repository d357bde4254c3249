package dev.supportkit.api.error;

/**
 * Root of every exception SupportKit throws. Unchecked: callers catch the subtype they can act on.
 */
public class SupportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what went wrong, in words a developer can act on
     */
    public SupportException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public SupportException(String message, Throwable cause) {
        super(message, cause);
    }
}
