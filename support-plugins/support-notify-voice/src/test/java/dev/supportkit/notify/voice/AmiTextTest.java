package dev.supportkit.notify.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Escaping for Asterisk's variable parser, checked against the stub's copy of that parser. */
class AmiTextTest {
    @Test
    @DisplayName("commas, quotes, brackets and backslashes survive Asterisk's argument splitting")
    void escapes() {
        String value = "a,b \"c\" (d,e) [f,g] \\h, ),(";
        AmiText.Escaped escaped = AmiText.variable("X", value);
        assertFalse(escaped.truncated());
        assertEquals(List.of("X=" + value), AmiServerStub.separateArgs("X=" + escaped.value()));
        assertEquals(List.of("X=a", "b"), AmiServerStub.separateArgs("X=a,b"), "unescaped, a comma splits");
    }

    @Test
    @DisplayName("cutting never splits a character or an escape, and the line stays within 1024 bytes")
    void cutsAtCharacterBoundaries() {
        String value = "я,\uD83D\uDE00".repeat(300);
        AmiText.Escaped escaped = AmiText.variable("SUPPORTKIT_TEXT", value);
        assertTrue(escaped.truncated());
        int lineBytes = ("variable: SUPPORTKIT_TEXT=" + escaped.value()).getBytes(StandardCharsets.UTF_8).length;
        assertTrue(lineBytes <= 1024 && lineBytes > 1015, lineBytes + " bytes");
        String received = AmiServerStub.separateArgs("SUPPORTKIT_TEXT=" + escaped.value()).get(0).substring(16);
        assertTrue(value.startsWith(received), received);
        assertEquals(received.codePointCount(0, received.length()), escaped.characters());
    }

    @Test
    @DisplayName("control characters become single spaces")
    void lines() {
        assertEquals("a b c", AmiText.line(" a\r\n\tb\u0000c\n"));
        assertEquals("", AmiText.line(null));
    }
}
