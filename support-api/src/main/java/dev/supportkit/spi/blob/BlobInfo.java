package dev.supportkit.spi.blob;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a store knows of a stored blob, computed while it was written.
 *
 * @param id     the blob's identifier within its tenant
 * @param size   the number of bytes, zero or more
 * @param sha256 the SHA-256 digest of the bytes as 64 lower-case hex digits
 */
public record BlobInfo(String id, long size, String sha256) {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /**
     * Validates the fields.
     *
     * @param id     the blob's identifier within its tenant; not null
     * @param size   the number of bytes; not negative
     * @param sha256 the SHA-256 digest as 64 lower-case hex digits; not null
     * @throws NullPointerException     when id or sha256 is null
     * @throws IllegalArgumentException when size is negative or sha256 is not 64 lower-case hex digits
     */
    public BlobInfo {
        Objects.requireNonNull(id, "BlobInfo id");
        Objects.requireNonNull(sha256, "BlobInfo sha256");
        if (size < 0) {
            throw new IllegalArgumentException("BlobInfo size must not be negative, got " + size);
        }
        if (!SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("BlobInfo sha256 must be 64 lower-case hex digits, got '" + sha256
                    + "'");
        }
    }
}
