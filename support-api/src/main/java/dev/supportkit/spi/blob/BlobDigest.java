package dev.supportkit.spi.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Counts and digests the bytes of a blob while a store takes them in, under the writer's limit: the part
 * every {@link BlobStore#write} has in common. Feed it each piece of content before keeping the piece; it
 * throws as soon as the content is over the limit, so the store can discard what it kept so far. Not
 * thread-safe: one instance per write.
 */
public final class BlobDigest {
    private final String blobId;
    private final long maxBytes;
    private final MessageDigest sha256;
    private long size;

    /**
     * Starts counting a blob's content.
     *
     * @param blobId   the identifier of the blob being written
     * @param maxBytes the largest number of bytes the writer allows
     * @throws IllegalArgumentException when {@code maxBytes} is negative
     */
    public BlobDigest(String blobId, long maxBytes) {
        this.blobId = Objects.requireNonNull(blobId, "blobId");
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Counts and digests the next piece of content.
     *
     * @param bytes  holds the piece
     * @param offset where the piece starts in {@code bytes}
     * @param length how many bytes the piece has
     * @throws BlobTooLargeException when the content so far is longer than the limit
     */
    public void update(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        size += length;
        if (size > maxBytes) {
            throw new BlobTooLargeException(maxBytes);
        }
        sha256.update(bytes, offset, length);
    }

    /**
     * Returns the number of bytes counted so far.
     *
     * @return the size so far
     */
    public long size() {
        return size;
    }

    /**
     * Ends the digest once the content is over: the blob's identifier, size and SHA-256 digest.
     *
     * @return what describes the blob
     */
    public BlobInfo info() {
        return new BlobInfo(blobId, size, HexFormat.of().formatHex(sha256.digest()));
    }
}
