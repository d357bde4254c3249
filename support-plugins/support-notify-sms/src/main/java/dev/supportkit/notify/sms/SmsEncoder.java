package dev.supportkit.notify.sms;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a text into the short messages of one SMS: GSM 7-bit when every character is in the GSM
 * alphabet, UCS-2 otherwise. Text longer than one SMS is split into concatenated parts, each starting
 * with a user data header (IEI 0x00: 8-bit reference, part count, part number) and each within the
 * limits of one SMS: 153 septets (GSM) or 67 UTF-16 units (UCS-2). An escape pair or a surrogate pair is
 * never split between parts.
 */
final class SmsEncoder {
    /** data_coding of the SMSC default alphabet (GSM 03.38, unpacked). */
    static final byte DCS_GSM = 0x00;
    /** data_coding of UCS-2 (UTF-16BE). */
    static final byte DCS_UCS2 = 0x08;

    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;
    /** The user data header counts parts in one octet. */
    static final int MAX_PARTS = 255;

    /** The alphabet of a message. */
    enum Coding {
        /** The GSM 7-bit default alphabet. */
        GSM7("GSM 7-bit", DCS_GSM),
        /** UCS-2. */
        UCS2("UCS-2", DCS_UCS2);

        private final String label;
        private final byte dataCoding;

        Coding(String label, byte dataCoding) {
            this.label = label;
            this.dataCoding = dataCoding;
        }

        /** The name used in delivery details. */
        String label() {
            return label;
        }

        /** The SMPP data_coding value. */
        byte dataCoding() {
            return dataCoding;
        }
    }

    /**
     * One SMS, ready for submit_sm.
     *
     * @param coding the alphabet
     * @param parts  the short_message of each submit_sm, in order; with a user data header when more than one
     */
    record Encoded(Coding coding, List<byte[]> parts) {
        /** Whether the parts carry a user data header (esm_class UDHI). */
        boolean concatenated() {
            return parts.size() > 1;
        }
    }

    private SmsEncoder() {
    }

    /**
     * Encodes and, when needed, splits a text.
     *
     * @param text      the message text, not empty
     * @param reference the concatenation reference shared by all parts (its low 8 bits are used)
     * @return the encoded message
     * @throws IllegalArgumentException when the text needs more than 255 parts
     */
    static Encoded encode(String text, int reference) {
        if (Gsm7.canEncode(text)) {
            byte[] septets = Gsm7.encode(text);
            if (septets.length <= GSM_SINGLE) {
                return new Encoded(Coding.GSM7, List.of(septets));
            }
            List<byte[]> chunks = new ArrayList<>();
            int start = 0;
            while (start < septets.length) {
                int end = Math.min(start + GSM_PART, septets.length);
                if (end < septets.length && septets[end - 1] == Gsm7.ESCAPE) {
                    end--; // keep the escape with its code
                }
                chunks.add(Arrays.copyOfRange(septets, start, end));
                start = end;
            }
            return new Encoded(Coding.GSM7, withHeaders(chunks, reference));
        }
        if (text.length() <= UCS2_SINGLE) {
            return new Encoded(Coding.UCS2, List.of(text.getBytes(StandardCharsets.UTF_16BE)));
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(start + UCS2_PART, text.length());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--; // keep the surrogate pair together
            }
            chunks.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
            start = end;
        }
        return new Encoded(Coding.UCS2, withHeaders(chunks, reference));
    }

    private static List<byte[]> withHeaders(List<byte[]> chunks, int reference) {
        if (chunks.size() > MAX_PARTS) {
            throw new IllegalArgumentException("the text needs " + chunks.size() + " parts; at most " + MAX_PARTS
                    + " fit one concatenated SMS");
        }
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] chunk = chunks.get(i);
            byte[] part = new byte[6 + chunk.length];
            part[0] = 0x05;                     // UDH length
            part[1] = 0x00;                     // IEI: concatenated short message, 8-bit reference
            part[2] = 0x03;                     // IE length
            part[3] = (byte) reference;         // reference
            part[4] = (byte) chunks.size();     // number of parts
            part[5] = (byte) (i + 1);           // this part, from 1
            System.arraycopy(chunk, 0, part, 6, chunk.length);
            parts.add(part);
        }
        return List.copyOf(parts);
    }
}
