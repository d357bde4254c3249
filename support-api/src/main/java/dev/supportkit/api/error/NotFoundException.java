package dev.supportkit.api.error;

/**
 * The object does not exist, or is not visible to the caller (another tenant's or another
 * organisation's data is reported as not found, so its existence is not revealed).
 */
public class NotFoundException extends SupportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param kind what was looked for, e.g. "request"
     * @param id   the identifier that was looked for
     */
    public NotFoundException(String kind, Object id) {
        super(kind + " '" + id + "' was not found");
    }
}
