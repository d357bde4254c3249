package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.core.internal.storage.BlobCopy;
import dev.supportkit.spi.blob.BlobDigest;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Blobs as byte arrays in memory, lost when the JVM exits: for tests and the demo only, since every blob is
 * held whole (the content streams in, but is kept as one array). Thread-safe.
 */
final class InMemoryBlobStore implements BlobStore {
    private record Key(TenantId tenant, String id) {
    }

    /** The bytes are never handed out, so they never change after the write. */
    private record Stored(byte[] content, BlobInfo info) {
    }

    private final ConcurrentMap<Key, Stored> blobs = new ConcurrentHashMap<>();

    @Override
    public BlobInfo write(TenantId tenant, String blobId, InputStream content, long maxBytes) {
        Key key = key(tenant, blobId);
        Objects.requireNonNull(content, "content");
        BlobDigest digest = new BlobDigest(blobId, maxBytes);
        if (blobs.containsKey(key)) {
            throw BlobCopy.alreadyExists(tenant, blobId);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BlobInfo info;
        try {
            info = BlobCopy.copy(blobId, digest, content, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array output failed", e); // it never does
        }
        if (blobs.putIfAbsent(key, new Stored(bytes.toByteArray(), info)) != null) {
            throw BlobCopy.alreadyExists(tenant, blobId);
        }
        return info;
    }

    @Override
    public InputStream open(TenantId tenant, String blobId) {
        Stored stored = blobs.get(key(tenant, blobId));
        if (stored == null) {
            throw new NotFoundException("blob", blobId);
        }
        return new ByteArrayInputStream(stored.content());
    }

    @Override
    public Optional<BlobInfo> find(TenantId tenant, String blobId) {
        return Optional.ofNullable(blobs.get(key(tenant, blobId))).map(Stored::info);
    }

    @Override
    public boolean delete(TenantId tenant, String blobId) {
        return blobs.remove(key(tenant, blobId)) != null;
    }

    private static Key key(TenantId tenant, String blobId) {
        return new Key(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(blobId, "blobId"));
    }
}
