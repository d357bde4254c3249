package dev.supportkit.api.error;

/**
 * The caller's copy is stale: someone else changed the object since the caller read it.
 * Nothing was changed; read the object again and retry the command if it still makes sense.
 */
public class ConcurrencyConflictException extends SupportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param kind            what was being changed, e.g. "request"
     * @param id              its identifier
     * @param expectedVersion the version the caller had
     * @param actualVersion   the version currently stored, or -1 when unknown
     */
    public ConcurrencyConflictException(String kind, Object id, long expectedVersion, long actualVersion) {
        super(kind + " '" + id + "' was changed concurrently: expected version " + expectedVersion
                + (actualVersion >= 0 ? " but found " + actualVersion : ""));
    }

    /**
     * Creates the exception for a conflict a store detected itself (a duplicate key, a serialization
     * failure, a deadlock).
     *
     * @param message what conflicted
     * @param cause   the store's error
     */
    public ConcurrencyConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
