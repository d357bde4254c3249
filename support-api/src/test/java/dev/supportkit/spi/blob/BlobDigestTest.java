package dev.supportkit.spi.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The digest stores feed while writing, and the record it ends in. */
class BlobDigestTest {
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void countsAndDigestsPiecesUpToTheLimit() {
        byte[] abc = "xabcx".getBytes(StandardCharsets.US_ASCII);
        BlobDigest digest = new BlobDigest("b", 3);

        digest.update(abc, 1, 2);
        digest.update(abc, 3, 1);

        assertEquals(3, digest.size());
        assertEquals(new BlobInfo("b", 3, ABC_SHA256), digest.info());
    }

    @Test
    void refusesContentOverTheLimitAndANegativeLimit() {
        BlobDigest digest = new BlobDigest("b", 3);
        digest.update(new byte[3], 0, 3);

        BlobTooLargeException e = assertThrows(BlobTooLargeException.class, () -> digest.update(new byte[1], 0, 1));

        assertEquals(3, e.limit());
        assertThrows(IllegalArgumentException.class, () -> new BlobDigest("b", -1));
        assertThrows(IndexOutOfBoundsException.class, () -> new BlobDigest("b", 9).update(new byte[2], 1, 2));
    }

    @Test
    void blobInfoRefusesNullsNegativeSizesAndOtherDigests() {
        assertThrows(NullPointerException.class, () -> new BlobInfo(null, 0, ABC_SHA256));
        assertThrows(NullPointerException.class, () -> new BlobInfo("b", 0, null));
        assertThrows(IllegalArgumentException.class, () -> new BlobInfo("b", -1, ABC_SHA256));
        assertThrows(IllegalArgumentException.class, () -> new BlobInfo("b", 0, ABC_SHA256.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> new BlobInfo("b", 0, "abc"));
    }
}
