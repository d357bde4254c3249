package dev.supportkit.notify.sms;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 (3GPP TS 23.038) default alphabet and its extension table, unpacked: one septet per
 * octet, which is how SMPP carries {@code data_coding} 0 text. An extension character takes two
 * septets: the escape {@code 0x1B} and its code.
 */
final class Gsm7 {
    /** The escape septet that introduces an extension-table character. */
    static final int ESCAPE = 0x1B;

    /** The basic table, indexed by septet; index 0x1B (the escape) holds a character never looked up. */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\uFFFFÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** The extension table: character and its septet after the escape. */
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";
    private static final int[] EXTENSION_CODES = {0x0A, 0x14, 0x28, 0x29, 0x2F, 0x3C, 0x3D, 0x3E, 0x40, 0x65};

    private static final int[] BASIC_INDEX = new int[0x10000];
    private static final int[] EXTENSION_INDEX = new int[0x10000];

    static {
        if (BASIC.length() != 128) {
            throw new IllegalStateException("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        java.util.Arrays.fill(BASIC_INDEX, -1);
        java.util.Arrays.fill(EXTENSION_INDEX, -1);
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != ESCAPE) {
                BASIC_INDEX[BASIC.charAt(i)] = i;
            }
        }
        for (int i = 0; i < EXTENSION_CHARS.length(); i++) {
            EXTENSION_INDEX[EXTENSION_CHARS.charAt(i)] = EXTENSION_CODES[i];
        }
    }

    private Gsm7() {
    }

    /**
     * Tells whether every character of the text is in the basic or the extension table.
     *
     * @param text the text
     * @return true when the text can be sent as GSM 7-bit
     */
    static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC_INDEX[c] < 0 && EXTENSION_INDEX[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Encodes the text into unpacked septets.
     *
     * @param text text for which {@link #canEncode} is true
     * @return one octet per septet, extension characters as escape plus code
     * @throws IllegalArgumentException when a character is not in the alphabet
     */
    static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC_INDEX[c] >= 0) {
                out.write(BASIC_INDEX[c]);
            } else if (EXTENSION_INDEX[c] >= 0) {
                out.write(ESCAPE);
                out.write(EXTENSION_INDEX[c]);
            } else {
                throw new IllegalArgumentException("U+" + String.format("%04X", (int) c)
                        + " is not in the GSM 7-bit alphabet");
            }
        }
        return out.toByteArray();
    }

    /**
     * Decodes unpacked septets (the inverse of {@link #encode}).
     *
     * @param septets one octet per septet
     * @return the text
     * @throws IllegalArgumentException on a septet above 0x7F or an unknown extension code
     */
    static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder(septets.length);
        for (int i = 0; i < septets.length; i++) {
            int septet = septets[i] & 0xFF;
            if (septet > 0x7F) {
                throw new IllegalArgumentException("octet " + i + " is not a septet: 0x" + Integer.toHexString(septet));
            }
            if (septet == ESCAPE && i + 1 < septets.length) {
                int code = septets[++i] & 0xFF;
                int index = -1;
                for (int k = 0; k < EXTENSION_CODES.length; k++) {
                    if (EXTENSION_CODES[k] == code) {
                        index = k;
                    }
                }
                if (index < 0) {
                    throw new IllegalArgumentException("unknown GSM extension code 0x" + Integer.toHexString(code));
                }
                text.append(EXTENSION_CHARS.charAt(index));
            } else {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }
}
