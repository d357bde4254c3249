package dev.supportkit.spi.blob;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Stores blobs, the contents of files attached to requests, as streams: a store never needs a whole blob
 * in memory, neither while writing it nor while reading it back (except a store that keeps everything in
 * memory anyway).
 *
 * <p>A blob is written once under an identifier chosen by the caller and is then immutable: it can be read,
 * described and deleted, never overwritten. Blobs belong to a tenant; a blob written for one tenant is not
 * visible to another, and two tenants may use the same identifier for different blobs.
 *
 * <p>Identifiers of 1 to 128 characters from {@code [A-Za-z0-9._-]}, other than {@code "."} and
 * {@code ".."}, are accepted by every store; a store may refuse others (and, for a store on files, tenants
 * whose identifier has other characters) with {@link IllegalArgumentException}.
 *
 * <p>A failure of the store itself is reported as {@link dev.supportkit.api.error.ProviderException} or,
 * by a store on files, {@link UncheckedIOException}. Implementations are thread-safe.
 */
public interface BlobStore {
    /**
     * Streams content into a new blob, computing its size and SHA-256 digest on the way. The content is
     * read to its end (or until it exceeds the limit) and is not closed. Either the whole blob is stored or nothing is: on any failure no
     * part of it can be read or found, and the store keeps no partial rows or files, so the same
     * identifier can be written again. Empty content gives an empty blob.
     *
     * @param tenant   the tenant the blob belongs to
     * @param blobId   the new blob's identifier within the tenant
     * @param content  the bytes, read once from where the stream stands to its end
     * @param maxBytes the largest number of bytes allowed; not negative
     * @return the stored blob's identifier, size and digest
     * @throws BlobTooLargeException    when the content has more than {@code maxBytes} bytes
     * @throws IllegalStateException    when the tenant already has a blob with this identifier
     * @throws UncheckedIOException     when reading the content fails, with the content's
     *                                  {@link java.io.IOException} as its cause
     * @throws IllegalArgumentException when {@code maxBytes} is negative, or the store refuses the identifier
     */
    BlobInfo write(TenantId tenant, String blobId, InputStream content, long maxBytes);

    /**
     * Opens a stored blob for reading. The stream reads the content a part at a time; the caller closes
     * it. A blob deleted while it is being read may end the reading with an {@link java.io.IOException}.
     *
     * @param tenant the tenant the blob belongs to
     * @param blobId the blob's identifier
     * @return a stream of the blob's bytes
     * @throws NotFoundException when the tenant has no blob with this identifier
     */
    InputStream open(TenantId tenant, String blobId);

    /**
     * Describes a stored blob.
     *
     * @param tenant the tenant the blob belongs to
     * @param blobId the blob's identifier
     * @return its identifier, size and digest, or empty when the tenant has no blob with this identifier
     */
    Optional<BlobInfo> find(TenantId tenant, String blobId);

    /**
     * Deletes a stored blob; afterwards its identifier may be written again.
     *
     * @param tenant the tenant the blob belongs to
     * @param blobId the blob's identifier
     * @return true when a blob was deleted, false when there was none
     */
    boolean delete(TenantId tenant, String blobId);
}
