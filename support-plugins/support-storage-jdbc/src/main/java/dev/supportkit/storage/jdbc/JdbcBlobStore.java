package dev.supportkit.storage.jdbc;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.spi.blob.BlobDigest;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Blobs in the database, in chunks of {@value #CHUNK_SIZE} bytes: a row of {@code sk_blobs} per blob (its
 * size, SHA-256 digest and time of writing) and a row of {@code sk_blob_chunks} per chunk, numbered from 0.
 *
 * <p>A write is one transaction on a connection of its own: it reads the content a chunk at a time into one
 * buffer, inserts each chunk as it is read, and inserts the blob's row last; content over the limit, failing
 * content or a failure of the database roll it all back. So a blob exists, and can be found, only once all
 * its chunks are committed. A read fetches one chunk per query, each a short read on a pooled connection
 * given back right after, so a reader holds no connection between reads and at most one chunk in memory.
 *
 * <p>Blob ids are 1 to 128 characters; a database failure is reported as the provider's other failures are
 * ({@link dev.supportkit.api.error.ProviderException}, or
 * {@link dev.supportkit.api.error.ConcurrencyConflictException} for a conflict). Thread-safe.
 */
final class JdbcBlobStore implements BlobStore {
    /** The bytes of every chunk but a blob's last. */
    static final int CHUNK_SIZE = 1024 * 1024;
    private static final int MAX_ID_LENGTH = 128;
    private static final byte[] NO_BYTES = new byte[0];

    private static final String EXISTS = "SELECT 1 FROM sk_blobs WHERE tenant = ? AND id = ?";
    private static final String INSERT_CHUNK = "INSERT INTO sk_blob_chunks (tenant, blob_id, seq, data) "
            + "VALUES (?, ?, ?, ?)";
    private static final String INSERT_BLOB = "INSERT INTO sk_blobs (tenant, id, size_bytes, sha256, created_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private static final String FIND = "SELECT size_bytes, sha256 FROM sk_blobs WHERE tenant = ? AND id = ?";
    private static final String READ_CHUNK = "SELECT data FROM sk_blob_chunks WHERE tenant = ? AND blob_id = ? "
            + "AND seq = ?";

    private final JdbcStorageProvider provider;
    private final Clock clock;

    JdbcBlobStore(JdbcStorageProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    @Override
    public BlobInfo write(TenantId tenant, String blobId, InputStream content, long maxBytes) {
        checkId(tenant, blobId);
        Objects.requireNonNull(content, "content");
        BlobDigest digest = new BlobDigest(blobId, maxBytes);
        return provider.onConnection(false, sql -> {
            if (!sql.query("writeBlob", EXISTS, rows -> true, tenant.value(), blobId).isEmpty()) {
                throw alreadyExists(tenant, blobId);
            }
            byte[] buffer = new byte[CHUNK_SIZE];
            int seq = 0;
            for (int n = fill(blobId, content, buffer); n > 0; n = fill(blobId, content, buffer)) {
                digest.update(buffer, 0, n);
                sql.insert("writeBlob", () -> alreadyExists(tenant, blobId), INSERT_CHUNK, tenant.value(), blobId,
                        seq++, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
            }
            BlobInfo info = digest.info();
            sql.insert("writeBlob", () -> alreadyExists(tenant, blobId), INSERT_BLOB, tenant.value(), blobId,
                    info.size(), info.sha256(), clock.instant());
            return info;
        });
    }

    /** Reads content until the buffer is full or the content ends; returns the number of bytes read. */
    private static int fill(String blobId, InputStream content, byte[] buffer) {
        int filled = 0;
        try {
            while (filled < buffer.length) {
                int n = content.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the content of blob '" + blobId + "' failed: " + e.getMessage(), e);
        }
        return filled;
    }

    @Override
    public InputStream open(TenantId tenant, String blobId) {
        BlobInfo info = find(tenant, blobId).orElseThrow(() -> new NotFoundException("blob", blobId));
        return new ChunkStream(tenant, blobId, info.size());
    }

    @Override
    public Optional<BlobInfo> find(TenantId tenant, String blobId) {
        checkId(tenant, blobId);
        return provider.onConnection(true, sql -> sql.query("findBlob", FIND,
                rows -> new BlobInfo(blobId, rows.getLong(1), rows.getString(2)), tenant.value(), blobId))
                .stream().findFirst();
    }

    @Override
    public boolean delete(TenantId tenant, String blobId) {
        checkId(tenant, blobId);
        return provider.onConnection(false, sql -> {
            int deleted = sql.update("deleteBlob", "DELETE FROM sk_blobs WHERE tenant = ? AND id = ?",
                    tenant.value(), blobId);
            sql.update("deleteBlob", "DELETE FROM sk_blob_chunks WHERE tenant = ? AND blob_id = ?", tenant.value(),
                    blobId);
            return deleted > 0;
        });
    }

    private static void checkId(TenantId tenant, String blobId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(blobId, "blobId");
        if (blobId.isEmpty() || blobId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("a blob id must be 1 to " + MAX_ID_LENGTH + " characters, got '"
                    + blobId + "'");
        }
    }

    private static IllegalStateException alreadyExists(TenantId tenant, String blobId) {
        return new IllegalStateException("blob '" + blobId + "' of tenant '" + tenant + "' exists already; "
                + "blobs are never overwritten");
    }

    /** A stored blob read one chunk per query; holds at most one chunk and no connection between reads. */
    private final class ChunkStream extends InputStream {
        private final TenantId tenant;
        private final String blobId;
        private final long size;
        private final int chunks;
        private byte[] chunk = NO_BYTES;
        private int position;
        private int nextSeq;
        private boolean closed;

        ChunkStream(TenantId tenant, String blobId, long size) {
            this.tenant = tenant;
            this.blobId = blobId;
            this.size = size;
            this.chunks = Math.toIntExact((size + CHUNK_SIZE - 1) / CHUNK_SIZE);
        }

        /** Makes sure unread bytes are in the chunk at hand; false at the end of the blob. */
        private boolean ready() throws IOException {
            if (closed) {
                throw new IOException("the stream of blob '" + blobId + "' is closed");
            }
            if (position < chunk.length) {
                return true;
            }
            chunk = NO_BYTES; // the previous chunk can go while the next is fetched
            position = 0;
            if (nextSeq == chunks) {
                return false;
            }
            chunk = fetch(nextSeq);
            nextSeq++;
            return true;
        }

        private byte[] fetch(int seq) throws IOException {
            List<byte[]> found;
            try {
                found = provider.onConnection(true, sql -> sql.query("readBlob", READ_CHUNK, rows -> rows.getBytes(1),
                        tenant.value(), blobId, seq));
            } catch (SupportException e) {
                throw new IOException("reading chunk " + seq + " of blob '" + blobId + "' failed: " + e.getMessage(), e);
            }
            if (found.isEmpty()) {
                throw new IOException("blob '" + blobId + "' was deleted while it was read (chunk " + seq + " of "
                        + chunks + " is gone)");
            }
            byte[] data = found.get(0);
            long expected = Math.min(CHUNK_SIZE, size - (long) seq * CHUNK_SIZE);
            if (data.length != expected) {
                throw new IOException("chunk " + seq + " of blob '" + blobId + "' has " + data.length
                        + " bytes, expected " + expected + ": the stored blob is damaged");
            }
            return data;
        }

        @Override
        public int read() throws IOException {
            return ready() ? chunk[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (length == 0) {
                return 0;
            }
            if (!ready()) {
                return -1;
            }
            int n = Math.min(length, chunk.length - position);
            System.arraycopy(chunk, position, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return closed ? 0 : chunk.length - position;
        }

        @Override
        public void close() {
            closed = true;
            chunk = NO_BYTES;
            position = 0;
        }
    }
}
