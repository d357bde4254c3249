package dev.supportkit.notify.sms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** GSM 03.38 encoding and splitting into concatenated parts. */
class SmsEncoderTest {
    @Test
    @DisplayName("GSM 03.38 table: known code points of the basic and extension tables")
    void gsmCodePoints() {
        assertArrayEquals(new byte[] {0x00, 0x01, 0x02, 0x11, 0x10, 0x20, 0x41, 0x61, 0x7F, 0x5F, 0x40},
                Gsm7.encode("@£$_Δ Aaà§¡"));
        assertArrayEquals(new byte[] {0x1B, 0x65, 0x1B, 0x3C, 0x1B, 0x3E, 0x1B, 0x40, 0x1B, 0x14, 0x1B, 0x2F},
                Gsm7.encode("€[]|^\\"));
        assertTrue(Gsm7.canEncode("Hello, World! 0123456789 äöüñ ÄÖÜÑ"));
        assertFalse(Gsm7.canEncode("Привет"));
        assertFalse(Gsm7.canEncode("back`tick"), "the backtick is not in the GSM alphabet");
        assertFalse(Gsm7.canEncode("smile \uD83D\uDE00"));
        assertThrows(IllegalArgumentException.class, () -> Gsm7.encode("Я"));
        String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà"
                + "\f^{}\\[~]|€";
        assertEquals(all, Gsm7.decode(Gsm7.encode(all)));
    }

    @Test
    @DisplayName("up to 160 GSM septets or 70 UCS-2 characters: one part without a header")
    void singleParts() {
        SmsEncoder.Encoded gsm = SmsEncoder.encode("a".repeat(160), 7);
        assertEquals(SmsEncoder.Coding.GSM7, gsm.coding());
        assertEquals(1, gsm.parts().size());
        assertFalse(gsm.concatenated());
        SmsEncoder.Encoded ucs2 = SmsEncoder.encode("я".repeat(70), 7);
        assertEquals(SmsEncoder.Coding.UCS2, ucs2.coding());
        assertEquals(List.of(140), ucs2.parts().stream().map(p -> p.length).toList());
    }

    @Test
    @DisplayName("161 GSM septets: 2 parts of 153 + 8; 71 UCS-2 characters: 2 parts of 67 + 4")
    void splitsAtTheLimits() {
        SmsEncoder.Encoded gsm = SmsEncoder.encode("a".repeat(161), 0x1A5);
        assertEquals(List.of(6 + 153, 6 + 8), gsm.parts().stream().map(p -> p.length).toList());
        assertArrayEquals(new byte[] {5, 0, 3, (byte) 0xA5, 2, 1}, Arrays.copyOf(gsm.parts().get(0), 6));
        assertArrayEquals(new byte[] {5, 0, 3, (byte) 0xA5, 2, 2}, Arrays.copyOf(gsm.parts().get(1), 6));
        SmsEncoder.Encoded ucs2 = SmsEncoder.encode("я".repeat(71), 1);
        assertEquals(List.of(6 + 134, 6 + 8), ucs2.parts().stream().map(p -> p.length).toList());
    }

    @Test
    @DisplayName("an extension character or a surrogate pair is never split between parts")
    void neverSplitsPairs() {
        String gsm = "a".repeat(152) + "€" + "b".repeat(20);
        SmsEncoder.Encoded encoded = SmsEncoder.encode(gsm, 1);
        assertEquals(6 + 152, encoded.parts().get(0).length, "the escape moved to the next part");
        assertEquals(0x1B, encoded.parts().get(1)[6]);
        assertEquals(gsm, Gsm7.decode(body(encoded.parts().get(0))) + Gsm7.decode(body(encoded.parts().get(1))));

        String emoji = "я".repeat(66) + "\uD83D\uDE00" + "я".repeat(10);
        SmsEncoder.Encoded ucs2 = SmsEncoder.encode(emoji, 1);
        String first = new String(body(ucs2.parts().get(0)), StandardCharsets.UTF_16BE);
        String second = new String(body(ucs2.parts().get(1)), StandardCharsets.UTF_16BE);
        assertEquals(66, first.length(), "the high surrogate moved to the next part");
        assertEquals(emoji, first + second);
    }

    @Test
    @DisplayName("more than 255 parts do not fit one concatenated SMS")
    void tooLong() {
        assertEquals(255, SmsEncoder.encode("я".repeat(67 * 255), 1).parts().size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SmsEncoder.encode("я".repeat(67 * 255 + 1), 1));
        assertEquals("the text needs 256 parts; at most 255 fit one concatenated SMS", e.getMessage());
    }

    private static byte[] body(byte[] part) {
        return Arrays.copyOfRange(part, 6, part.length);
    }
}
