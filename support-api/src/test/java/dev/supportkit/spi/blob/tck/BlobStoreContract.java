package dev.supportkit.spi.blob.tck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.blob.BlobTooLargeException;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The contract test kit every {@link BlobStore} must pass.
 *
 * <p>A store runs the kit by extending this class in its own tests and implementing {@link #createStore()}
 * (and {@link #closeStore()} when the store needs closing, e.g. the storage provider that owns it):
 *
 * <pre>{@code
 * class JdbcBlobStoreContractTest extends BlobStoreContract {
 *     private StorageProvider provider;
 *
 *     @Override
 *     protected BlobStore createStore() {
 *         provider = new JdbcStorageProviderFactory().create(testContext(dataSourceUrl));
 *         return provider.blobs().orElseThrow();
 *     }
 *
 *     @Override
 *     protected void closeStore() {
 *         provider.close();
 *     }
 * }
 * }</pre>
 *
 * <p>The kit ships in {@code support-api}'s test-jar, like
 * {@link dev.supportkit.spi.storage.tck.StorageProviderContract}; add the test-jar and JUnit Jupiter in test
 * scope to the store's {@code pom.xml}.
 *
 * <p><b>Data.</b> Every test works in fresh random tenants ({@code t-<uuid>}) with fresh random blob
 * identifiers ({@code blob-<32 hex digits>}), so a store may be shared with other tests. The largest blob a
 * test writes has a little over 3 MiB; stores that write in parts of 1 MiB see blobs of one part, of several
 * parts and of a part and a byte.
 */
@DisplayName("Blob store contract")
public abstract class BlobStoreContract {
    /** One mebibyte, the part size of chunked stores: the sizes below straddle it. */
    private static final int MIB = 1024 * 1024;
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private BlobStore store;
    private TenantId tenant;
    private TenantId otherTenant;

    /**
     * Creates the store under test. Called before each test.
     *
     * @return a ready store
     */
    protected abstract BlobStore createStore();

    /** Releases the store after each test (e.g. closes the storage provider that owns it). By default nothing. */
    protected void closeStore() {
    }

    /** @return the store of the running test */
    protected final BlobStore store() {
        return store;
    }

    /** @return the running test's main tenant, fresh and random */
    protected final TenantId tenant() {
        return tenant;
    }

    @BeforeEach
    final void openStore() {
        tenant = StorageFixtures.tenant();
        otherTenant = StorageFixtures.tenant();
        store = createStore();
        assertNotNull(store, "createStore() returned null");
    }

    @AfterEach
    final void releaseStore() {
        if (store != null) {
            store = null;
            closeStore();
        }
    }

    // ============================================================================================== helpers

    /**
     * A fresh blob identifier.
     *
     * @return {@code blob-} and 32 random hex digits
     */
    protected static String blobId() {
        return StorageFixtures.uniqueId("blob");
    }

    /**
     * Pseudo-random bytes, the same for the same seed.
     *
     * @param size how many
     * @param seed the generator's seed
     * @return the bytes
     */
    protected static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * The SHA-256 digest of bytes as the JDK computes it, in lower-case hex.
     *
     * @param bytes the bytes
     * @return 64 hex digits
     */
    protected static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a stored blob whole, with {@link InputStream#readAllBytes()}.
     *
     * @param tenant the tenant
     * @param id     the blob
     * @return its bytes
     * @throws IOException when reading fails
     */
    protected final byte[] readBack(TenantId tenant, String id) throws IOException {
        try (InputStream in = store.open(tenant, id)) {
            return in.readAllBytes();
        }
    }

    private BlobInfo write(TenantId tenant, String id, byte[] content) {
        return store.write(tenant, id, new ByteArrayInputStream(content), content.length);
    }

    /**
     * Writes content with a limit of its own size and checks what write and find return (its size and the
     * JDK's SHA-256 of it) and that the same bytes read back.
     */
    private BlobInfo assertStored(TenantId tenant, String id, byte[] content) throws IOException {
        BlobInfo expected = new BlobInfo(id, content.length, sha256(content));
        assertEquals(expected, write(tenant, id, content), "what write returns");
        assertUnchanged(tenant, id, content, "find and open after the write");
        return expected;
    }

    /** Asserts that a stored blob is still there as it was written: found with its size and digest, same bytes. */
    private void assertUnchanged(TenantId tenant, String id, byte[] content, String why) throws IOException {
        assertEquals(Optional.of(new BlobInfo(id, content.length, sha256(content))), store.find(tenant, id), why);
        assertArrayEquals(content, readBack(tenant, id), why);
    }

    /** Writes content over the limit and checks that it is refused, naming the limit, and leaves nothing. */
    private void assertTooLarge(String id, byte[] content, long limit) {
        BlobTooLargeException e = assertThrows(BlobTooLargeException.class,
                () -> store.write(tenant, id, new ByteArrayInputStream(content), limit));
        assertEquals(limit, e.limit());
        assertTrue(e.getMessage().contains(Long.toString(limit)), "the message names the limit: " + e.getMessage());
        assertAbsent(tenant, id);
    }

    /** Asserts that the tenant has no blob under the id: not found, not readable. */
    private void assertAbsent(TenantId tenant, String id) {
        assertEquals(Optional.empty(), store.find(tenant, id), "find " + id + " in " + tenant);
        NotFoundException e = assertThrows(NotFoundException.class, () -> store.open(tenant, id).close(),
                "open " + id + " in " + tenant);
        assertTrue(e.getMessage().contains(id), "the message names the blob: " + e.getMessage());
    }

    /** Content that gives some bytes and then fails. */
    private static final class FailingContent extends InputStream {
        private final InputStream head;
        private final IOException failure = new IOException("the upload connection was reset");

        FailingContent(byte[] head) {
            this.head = new ByteArrayInputStream(head);
        }

        @Override
        public int read() throws IOException {
            int b = head.read();
            if (b < 0) {
                throw failure;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = head.read(buffer, offset, length);
            if (n < 0) {
                throw failure;
            }
            return n;
        }
    }

    // ================================================================================================ tests

    @Test
    @DisplayName("write then find and open: the size and SHA-256 of the bytes, and the same bytes back")
    void roundTrip() throws IOException {
        assertStored(tenant, blobId(), bytes(10_000, 1));
    }

    @Test
    @DisplayName("an empty stream gives an empty blob, with the digest of no bytes")
    void emptyBlob() throws IOException {
        String id = blobId();

        BlobInfo info = store.write(tenant, id, InputStream.nullInputStream(), 1024);

        assertEquals(new BlobInfo(id, 0, EMPTY_SHA256), info);
        assertEquals(Optional.of(info), store.find(tenant, id));
        try (InputStream in = store.open(tenant, id)) {
            assertEquals(-1, in.read(), "an empty blob reads as at its end");
        }
    }

    @Test
    @DisplayName("a 3 MB blob crossing part boundaries reads back byte for byte")
    void largeBlobIsByteExact() throws IOException {
        String id = blobId();
        byte[] content = bytes(3 * MIB + 4321, 3);

        BlobInfo info = store.write(tenant, id, new ByteArrayInputStream(content), 4L * MIB);

        assertEquals(new BlobInfo(id, content.length, sha256(content)), info);
        byte[] back = readBack(tenant, id);
        assertEquals(content.length, back.length, "length read back");
        assertArrayEquals(content, back);
    }

    @Test
    @DisplayName("content of exactly maxBytes is stored")
    void contentOfExactlyTheLimitIsStored() throws IOException {
        assertStored(tenant, blobId(), bytes(MIB, 4));
    }

    @Test
    @DisplayName("content one byte over maxBytes is refused and leaves nothing; the id can then be written")
    void oneByteOverTheLimitLeavesNothing() throws IOException {
        String id = blobId();
        long limit = 2L * MIB + 5;

        assertTooLarge(id, bytes((int) limit + 1, 5), limit);

        assertStored(tenant, id, bytes(1000, 6));
    }

    @Test
    @DisplayName("a limit of zero refuses a single byte")
    void zeroLimitRefusesOneByte() {
        assertTooLarge(blobId(), new byte[1], 0);
    }

    @Test
    @DisplayName("content that fails midway is reported as UncheckedIOException and leaves nothing")
    void failingContentLeavesNothing() throws IOException {
        String id = blobId();
        FailingContent content = new FailingContent(bytes(MIB + MIB / 2, 7));

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> store.write(tenant, id, content, 10L * MIB));

        assertSame(content.failure, e.getCause(), "the content's own IOException is the cause");
        assertAbsent(tenant, id);
        assertStored(tenant, id, bytes(MIB + 1, 8));
    }

    @Test
    @DisplayName("writing an id that exists is refused with IllegalStateException and keeps the first blob")
    void duplicateIdIsRefused() throws IOException {
        String id = blobId();
        byte[] first = bytes(2000, 9);
        assertStored(tenant, id, first);

        assertThrows(IllegalStateException.class, () -> write(tenant, id, bytes(3000, 10)), "other content");
        assertThrows(IllegalStateException.class, () -> write(tenant, id, new byte[0]), "empty content");

        assertUnchanged(tenant, id, first, "the first blob after refused writes");
    }

    @Test
    @DisplayName("tenants are isolated: another tenant neither sees nor deletes a blob, and may use its id")
    void tenantsAreIsolated() throws IOException {
        byte[] mine = bytes(1500, 11);
        String id = assertStored(tenant, blobId(), mine).id();

        assertAbsent(otherTenant, id);
        assertFalse(store.delete(otherTenant, id), "another tenant deletes nothing");
        assertUnchanged(tenant, id, mine, "after the other tenant's delete");
        assertStored(otherTenant, id, bytes(700, 12));
        assertUnchanged(tenant, id, mine, "after the other tenant wrote the same id");
    }

    @Test
    @DisplayName("delete removes a blob once; its id can then be written again")
    void deleteRemovesTheBlob() throws IOException {
        String id = blobId();
        String kept = blobId();
        assertStored(tenant, id, bytes(MIB + 3, 13));
        byte[] keptContent = bytes(100, 14);
        assertStored(tenant, kept, keptContent);

        assertTrue(store.delete(tenant, id), "the first delete deletes");

        assertAbsent(tenant, id);
        assertFalse(store.delete(tenant, id), "the second delete finds nothing");
        assertUnchanged(tenant, kept, keptContent, "another blob of the tenant");
        assertStored(tenant, id, bytes(10, 15));
    }

    @Test
    @DisplayName("delete and find of an unknown id: false and empty; open: NotFoundException naming it")
    void unknownIdIsNotFound() {
        String id = blobId();

        assertAbsent(tenant, id);
        assertFalse(store.delete(tenant, id));
    }

    @Test
    @DisplayName("small read(byte[], off, len) calls and single-byte read() give the same bytes")
    void smallAndSingleByteReads() throws IOException {
        String id = blobId();
        byte[] content = bytes(MIB + 777, 16);
        write(tenant, id, content);

        ByteArrayOutputStream small = new ByteArrayOutputStream();
        try (InputStream in = store.open(tenant, id)) {
            byte[] buffer = new byte[20];
            assertEquals(0, in.read(buffer, 3, 0), "a read of no bytes reads none");
            int n;
            while ((n = in.read(buffer, 3, 7)) != -1) {
                assertTrue(n >= 1 && n <= 7, "read(byte[], 3, 7) returned " + n);
                small.write(buffer, 3, n);
            }
            assertEquals(-1, in.read(buffer, 0, 5), "still at the end");
        }
        assertArrayEquals(content, small.toByteArray(), "read(byte[], off, len)");

        ByteArrayOutputStream single = new ByteArrayOutputStream();
        try (InputStream in = store.open(tenant, id)) {
            int b;
            while ((b = in.read()) != -1) {
                assertTrue(b >= 0 && b <= 255, "read() returned " + b);
                single.write(b);
            }
            assertEquals(-1, in.read(), "still at the end");
        }
        assertArrayEquals(content, single.toByteArray(), "read()");
    }

    @Test
    @DisplayName("a negative maxBytes is refused with IllegalArgumentException and stores nothing")
    void negativeLimitIsRefused() {
        String id = blobId();

        assertThrows(IllegalArgumentException.class,
                () -> store.write(tenant, id, new ByteArrayInputStream(new byte[1]), -1));

        assertAbsent(tenant, id);
    }
}
