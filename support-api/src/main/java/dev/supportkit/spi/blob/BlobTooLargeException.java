package dev.supportkit.spi.blob;

/**
 * A blob's content was longer than the limit its writer allowed. The store kept nothing of it.
 */
public class BlobTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the limit in bytes that was exceeded */
    private final long limit;

    /**
     * Creates the exception.
     *
     * @param limit the largest number of bytes the writer allowed
     */
    public BlobTooLargeException(long limit) {
        super("the content is larger than the limit of " + limit + " bytes; nothing was stored");
        this.limit = limit;
    }

    /**
     * Returns the largest number of bytes the writer allowed.
     *
     * @return the limit in bytes
     */
    public long limit() {
        return limit;
    }
}
