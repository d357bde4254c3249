package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageFixtures;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A blob of 100 MiB, generated on the fly, streams into PostgreSQL and back without being held in memory:
 * halfway through writing and halfway through reading, the live heap (measured after a full collection) has
 * grown by less than 20 MiB over what it was before.
 */
class PostgresBlobStreamingTest {
    private static final long MIB = 1024 * 1024;
    private static final long SIZE = 100 * MIB;
    private static final long HALF = SIZE / 2;
    private static final long MAX_GROWTH = 20 * MIB;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** The heap in use after a full collection: roughly what is live. */
    private static long liveHeap() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Pseudo-random bytes from a seeded generator, digested as they are produced; never an array of them all. */
    private static final class Generated extends InputStream {
        private final SplittableRandom random = new SplittableRandom(20260312L);
        private final MessageDigest digest = sha256();
        private long produced;
        private long liveAtHalf = -1;

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, buffer.length);
            if (produced == SIZE) {
                return -1;
            }
            int n = (int) Math.min(length, SIZE - produced);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            digest.update(buffer, offset, n);
            if (produced < HALF && produced + n >= HALF) {
                liveAtHalf = liveHeap();
            }
            produced += n;
            return n;
        }
    }

    private static String growth(String when, long before, long at) {
        return when + ": live heap " + at / MIB + " MiB (" + at + " bytes) against " + before / MIB + " MiB ("
                + before + " bytes) before, a growth of " + (at - before) / MIB + " MiB (" + (at - before)
                + " bytes); allowed: under " + MAX_GROWTH / MIB + " MiB";
    }

    @Test
    @DisplayName("100 MiB stream in and out of PostgreSQL with less than 20 MiB of heap growth, size and SHA-256 intact")
    void streamsAHundredMebibytes() throws Exception {
        try (StorageProvider provider = TestDatabase.POSTGRES.create().openOwning()) {
            BlobStore blobs = provider.blobs().orElseThrow();
            TenantId tenant = StorageFixtures.tenant();
            String id = StorageFixtures.uniqueId("big");
            long before = liveHeap();

            Generated content = new Generated();
            BlobInfo info = blobs.write(tenant, id, content, 200 * MIB);

            String generatedSha256 = HexFormat.of().formatHex(content.digest.digest());
            assertEquals(new BlobInfo(id, SIZE, generatedSha256), info, "what write returns");
            assertTrue(content.liveAtHalf > 0, "the heap was measured halfway through writing");
            assertTrue(content.liveAtHalf - before < MAX_GROWTH, growth("halfway through writing", before,
                    content.liveAtHalf));

            MessageDigest digest = sha256();
            long read = 0;
            long liveAtHalfRead = -1;
            try (InputStream in = blobs.open(tenant, id)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                    if (read < HALF && read + n >= HALF) {
                        liveAtHalfRead = liveHeap();
                    }
                    read += n;
                }
            }
            assertEquals(SIZE, read, "bytes read back");
            assertEquals(generatedSha256, HexFormat.of().formatHex(digest.digest()), "SHA-256 of the bytes read back");
            assertTrue(liveAtHalfRead > 0, "the heap was measured halfway through reading");
            assertTrue(liveAtHalfRead - before < MAX_GROWTH, growth("halfway through reading", before, liveAtHalfRead));
        }
    }
}
