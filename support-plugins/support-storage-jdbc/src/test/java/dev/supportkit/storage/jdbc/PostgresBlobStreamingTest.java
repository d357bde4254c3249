package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.core.SupportEngine;
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
import java.util.Map;
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

    /** What reading a stream to its end gave: its size, its SHA-256 and the live heap halfway through. */
    private record ReadBack(long size, String sha256, long liveAtHalf) {
    }

    private static ReadBack readBack(InputStream stream) throws java.io.IOException {
        MessageDigest digest = sha256();
        long read = 0;
        long liveAtHalf = -1;
        try (InputStream in = stream) {
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                if (read < HALF && read + n >= HALF) {
                    liveAtHalf = liveHeap();
                }
                read += n;
            }
        }
        return new ReadBack(read, HexFormat.of().formatHex(digest.digest()), liveAtHalf);
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

            ReadBack back = readBack(blobs.open(tenant, id));
            assertEquals(SIZE, back.size(), "bytes read back");
            assertEquals(generatedSha256, back.sha256(), "SHA-256 of the bytes read back");
            assertTrue(back.liveAtHalf() > 0, "the heap was measured halfway through reading");
            assertTrue(back.liveAtHalf() - before < MAX_GROWTH, growth("halfway through reading", before,
                    back.liveAtHalf()));
        }
    }

    @Test
    @DisplayName("a 100 MiB attachment through the engine's public API on PostgreSQL: under 20 MiB heap growth each way")
    void attachesAHundredMebibytesThroughTheEngine() throws Exception {
        TestDatabase.Fresh database = TestDatabase.POSTGRES.create();
        SupportEngine.Builder builder = SupportEngine.builder().environment(Map.of())
                .set("supportkit.storage.provider", "jdbc")
                .set("supportkit.work.attachments.max-bytes", Long.toString(200 * MIB));
        database.settings().forEach((key, value) -> builder.set("supportkit.providers.jdbc." + key, value));
        try (SupportEngine engine = builder.build()) {
            TenantId tenant = TenantId.of("acme");
            Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, tenant);
            Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, tenant);
            OrganizationId org = OrganizationId.of("org");
            engine.directory().saveOrganization(admin, new Organization(org, "Romashka", null));
            engine.directory().saveRepresentative(admin, new Representative(RepresentativeId.of("rep"), org, "Irina",
                    "irina@romashka.example", null, false));
            Request request = engine.intake().registerContact(operator, ContactDraft.builder().organization(org)
                    .representative(RepresentativeId.of("rep")).channel(Channel.EMAIL).subject("PBX dump")
                    .text("The PBX's memory dump is attached").build());
            long before = liveHeap();

            Generated content = new Generated();
            Request attached = engine.work().attach(operator, request.ref(), 1,
                    FileUpload.of("pbx-dump.zip", "application/zip", content));
            String generatedSha256 = HexFormat.of().formatHex(content.digest.digest());
            assertTrue(content.liveAtHalf - before < MAX_GROWTH, growth("halfway through attaching", before,
                    content.liveAtHalf));
            Attachment attachment = engine.work().attachments(operator, attached.id()).get(0);
            assertEquals(SIZE, attachment.size());
            assertEquals(generatedSha256, attachment.sha256(), "the journal holds the file's digest");

            ReadBack back = readBack(engine.work().openAttachment(operator, attached.id(), attachment.id()));
            assertEquals(SIZE, back.size());
            assertEquals(generatedSha256, back.sha256());
            assertTrue(back.liveAtHalf() - before < MAX_GROWTH, growth("halfway through reading the attachment",
                    before, back.liveAtHalf()));
            assertTrue(engine.journal().verify(admin, attached.id()).intact());
        } finally {
            database.drop().run();
        }
    }
}
