package dev.supportkit.storage.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Journal hashes and state digests as binary columns: a SHA-256 in lower-case hex (what the engine writes)
 * is kept as its 32 bytes, half the bytes of its text in every journal row and request row; a keyed seal
 * ({@code hmac-sha256:<key id>:<hex>}) as a marker byte, its prefix as text and its 32 bytes. Any other text
 * (the storage SPI keeps what it is given) is kept as its UTF-8 bytes behind a marker byte, and never as 32
 * bytes, so that reading tells them apart by length and marker. The all-zero hash (the "previous hash" of every
 * request's first entry) is kept as no bytes at all.
 */
final class HashBytes {
    /** The column type's largest value: a marker, a padding byte and 128 characters of four UTF-8 bytes. */
    static final int MAX_BYTES = 514;
    private static final int SHA256_BYTES = 32;
    private static final byte TEXT = 1;
    private static final byte PADDED_TEXT = 2;
    private static final byte PREFIXED_SHA256 = 3;
    private static final HexFormat HEX = HexFormat.of();
    private static final String ZERO = "0".repeat(SHA256_BYTES * 2);
    private static final byte[] NO_BYTES = new byte[0];

    private HashBytes() {
    }

    /**
     * @param hash a hash as the engine writes it, any other text, or null
     * @return its stored bytes, or null
     */
    static byte[] encode(String hash) {
        if (hash == null) {
            return null;
        }
        if (ZERO.equals(hash)) {
            return NO_BYTES;
        }
        if (isSha256Hex(hash, 0)) {
            return HEX.parseHex(hash);
        }
        int hexStart = hash.length() - SHA256_BYTES * 2;
        if (hexStart > 0 && isSha256Hex(hash, hexStart)) {
            byte[] prefix = hash.substring(0, hexStart).getBytes(StandardCharsets.UTF_8);
            byte[] stored = new byte[1 + prefix.length + SHA256_BYTES];
            stored[0] = PREFIXED_SHA256;
            System.arraycopy(prefix, 0, stored, 1, prefix.length);
            System.arraycopy(HEX.parseHex(hash, hexStart, hash.length()), 0, stored, 1 + prefix.length, SHA256_BYTES);
            return stored;
        }
        byte[] text = hash.getBytes(StandardCharsets.UTF_8);
        // a marked text of 32 bytes would read as a SHA-256: pad it to 33
        int skip = text.length + 1 == SHA256_BYTES ? 2 : 1;
        byte[] stored = new byte[text.length + skip];
        stored[0] = skip == 2 ? PADDED_TEXT : TEXT;
        stored[skip - 1] = stored[0];
        System.arraycopy(text, 0, stored, skip, text.length);
        return stored;
    }

    /**
     * @param stored the bytes {@link #encode} wrote, or null
     * @return the hash text, or null
     */
    static String decode(byte[] stored) {
        if (stored == null) {
            return null;
        }
        if (stored.length == 0) {
            return ZERO;
        }
        if (stored.length == SHA256_BYTES) {
            return HEX.formatHex(stored);
        }
        if (stored.length > SHA256_BYTES && stored[0] == PREFIXED_SHA256) {
            int hashStart = stored.length - SHA256_BYTES;
            return new String(stored, 1, hashStart - 1, StandardCharsets.UTF_8)
                    + HEX.formatHex(stored, hashStart, stored.length);
        }
        int skip = stored.length > 0 && stored[0] == PADDED_TEXT ? 2 : 1;
        if (stored.length < skip || (stored[0] != TEXT && stored[0] != PADDED_TEXT)) {
            // not written by this class (a hand-edited row): shown as hex, so verification reports it
            return HEX.formatHex(stored);
        }
        return new String(Arrays.copyOfRange(stored, skip, stored.length), StandardCharsets.UTF_8);
    }

    /** Whether {@code text} from {@code start} on is exactly a SHA-256 in lower-case hex. */
    private static boolean isSha256Hex(String text, int start) {
        if (text.length() - start != SHA256_BYTES * 2) {
            return false;
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
