package dev.supportkit.core.internal.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.blob.BlobDigest;
import dev.supportkit.spi.blob.BlobInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * What the engine's blob stores share: streaming content into a target while counting and digesting it
 * under a size limit, and the exception for a blob that exists already.
 */
public final class BlobCopy {
    private static final int BUFFER_SIZE = 64 * 1024;

    private BlobCopy() {
    }

    /**
     * Copies content to a target, counting and digesting it on the way; stops as soon as the content is
     * over the digest's limit. Neither stream is closed.
     *
     * @param blobId  the blob being written, for messages
     * @param digest  counts and digests the content, under the writer's limit
     * @param content the bytes to copy
     * @param target  where they go
     * @return the blob's identifier, size and digest
     * @throws dev.supportkit.spi.blob.BlobTooLargeException when the content is over the limit
     * @throws UncheckedIOException  when reading the content fails, with the content's exception as its cause
     * @throws IOException           when writing to the target fails
     */
    public static BlobInfo copy(String blobId, BlobDigest digest, InputStream content, OutputStream target)
            throws IOException {
        byte[] buffer = new byte[BUFFER_SIZE];
        for (int n = readContent(blobId, content, buffer); n != -1; n = readContent(blobId, content, buffer)) {
            digest.update(buffer, 0, n);
            target.write(buffer, 0, n);
        }
        return digest.info();
    }

    private static int readContent(String blobId, InputStream content, byte[] buffer) {
        try {
            return content.read(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the content of blob '" + blobId + "' failed: " + e.getMessage(), e);
        }
    }

    /**
     * The exception for writing an identifier that the tenant already has.
     *
     * @param tenant the tenant
     * @param blobId the identifier
     * @return the exception to throw
     */
    public static IllegalStateException alreadyExists(TenantId tenant, String blobId) {
        return new IllegalStateException("blob '" + blobId + "' of tenant '" + tenant + "' exists already; "
                + "blobs are never overwritten");
    }
}
