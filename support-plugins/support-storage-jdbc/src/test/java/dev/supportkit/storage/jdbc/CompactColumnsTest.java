package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.Visibility;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact forms of journal hashes and outbox keys read back exactly as they were given. */
class CompactColumnsTest {
    private static final String SHA = "b5d0bd332d39fd79e9325e7f0923a37b4cd27b3697e16e5d56f771c68f263803";

    @Test
    @DisplayName("a SHA-256 in hex is kept as its 32 bytes, a keyed seal as its prefix and 32 bytes")
    void hashesShrink() {
        assertEquals(32, HashBytes.encode(SHA).length);
        assertEquals(SHA, HashBytes.decode(HashBytes.encode(SHA)));
        String keyed = "hmac-sha256:k1:" + SHA;
        assertEquals(1 + "hmac-sha256:k1:".length() + 32, HashBytes.encode(keyed).length);
        assertEquals(keyed, HashBytes.decode(HashBytes.encode(keyed)));
        String zero = "0".repeat(64);
        assertEquals(0, HashBytes.encode(zero).length, "the first entry's previous hash takes no bytes");
        assertEquals(zero, HashBytes.decode(HashBytes.encode(zero)));
        assertNull(HashBytes.encode(null));
        assertNull(HashBytes.decode(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "h", "not a hash", "B5D0BD332D39FD79E9325E7F0923A37B4CD27B3697E16E5D56F771C68F263803",
            "0123456789012345678901234567890", "Привет, мир: 😀 и ещё немного текста",
            "abcdefghijklmnopqrstuvwxyz01234", "\u0001\u0002\u0003", "zb5d0bd332d39fd79e9325e7f0923a37b4cd27b3697e16e5d56f771c68f26380"})
    @DisplayName("any other text reads back as it was, and never as 32 bytes")
    void otherTextsReadBack(String text) {
        byte[] stored = HashBytes.encode(text);
        assertTrue(stored.length != 32, "stored as " + stored.length + " bytes");
        assertTrue(stored.length <= HashBytes.MAX_BYTES);
        assertEquals(text, HashBytes.decode(stored));
    }

    @Test
    @DisplayName("bytes this class did not write (a hand-edited row) read as hex, so verification reports them")
    void foreignBytesReadAsHex() {
        assertEquals("7f01", HashBytes.decode(new byte[] {0x7f, 0x01}));
        assertEquals("02", HashBytes.decode(new byte[] {2}), "a padding marker with nothing after it");
        assertEquals("03ff", HashBytes.decode(new byte[] {3, (byte) 0xff}), "a keyed-seal marker too short for one");
    }

    @Test
    @DisplayName("a text of 31 UTF-8 bytes is padded so it is not read as a hash")
    void thirtyOneBytes() {
        String text = "x".repeat(31);
        assertEquals(33, HashBytes.encode(text).length);
        assertEquals(text, HashBytes.decode(HashBytes.encode(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"req-1:4:request.closed:rep-1", "req-1:", ":leading", "\\backslash", "\\:both", "plain",
            "req-10:x", "req-1", "", "other:req-1:1"})
    @DisplayName("an outbox key reads back as it was, with or without a request")
    void keysReadBack(String key) {
        assertEquals(key, IdempotencyKeys.read("req-1", IdempotencyKeys.stored("req-1", key)));
        assertEquals(key, IdempotencyKeys.read(null, IdempotencyKeys.stored(null, key)));
    }

    @Test
    @DisplayName("an engine key is kept without its request id")
    void engineKeysShrink() {
        assertEquals(":4:request.closed:rep-1", IdempotencyKeys.stored("req-1", "req-1:4:request.closed:rep-1"));
        assertEquals("\\:x", IdempotencyKeys.stored("req-1", ":x"));
        assertNull(IdempotencyKeys.stored("req-1", null));
        assertNull(IdempotencyKeys.read("req-1", null));
    }

    @Test
    @DisplayName("the journal's numbers are fixed: stored rows keep meaning what they meant")
    void journalNumbersArePinned() {
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), Arrays.stream(Role.values()).map(JournalCodes::role).toList());
        assertEquals(List.of(1013, 1023, 2016, 2026, 2036, 3016, 3026, 3036, 4017, 4027),
                Arrays.stream(LaborFunction.values()).map(JournalCodes::function).toList());
        assertEquals(List.of(1, 2), Arrays.stream(Visibility.values()).map(JournalCodes::visibility).toList());
        for (Role role : Role.values()) {
            assertEquals(role, JournalCodes.role(JournalCodes.role(role)));
            assertEquals(JournalCodes.role(role), JournalCodes.ofName("role", role.name()));
        }
        for (LaborFunction function : LaborFunction.values()) {
            assertEquals(function, JournalCodes.function(JournalCodes.function(function)));
            assertEquals(JournalCodes.function(function), JournalCodes.ofName("function", function.code()));
        }
        for (Visibility visibility : Visibility.values()) {
            assertEquals(visibility, JournalCodes.visibility(JournalCodes.visibility(visibility)));
        }
        assertNull(JournalCodes.role(JournalCodes.UNKNOWN));
        assertNull(JournalCodes.function(99));
        assertNull(JournalCodes.visibility(3));
        assertEquals(JournalCodes.UNKNOWN, JournalCodes.ofName("role", "HACKER"));
        assertEquals(JournalCodes.UNKNOWN, JournalCodes.ofName("function", null));
    }
}
