package dev.supportkit.notify.voice;

import java.nio.charset.StandardCharsets;

/**
 * Makes text safe for AMI. Every AMI header is one line ({@code Key: value\r\n}), so line breaks and
 * other control characters become spaces. Asterisk splits the value of a {@code Variable} header into
 * {@code name=value} items at commas, treating quotes, parentheses and brackets as grouping and a
 * backslash as an escape ({@code ast_app_separate_args}); those characters are escaped with a
 * backslash so the dialplan sees the text exactly. Asterisk reads at most 1024 bytes per line, so a
 * variable's value is cut to fit.
 */
final class AmiText {
    /** The longest line Asterisk's manager reads (its input buffer, without the CRLF). */
    static final int MAX_LINE_BYTES = 1024;
    /** The writer prefixes each variable with {@code variable: }. */
    private static final int VARIABLE_PREFIX_BYTES = "variable: ".length();
    private static final String SPECIAL = "\\,\"()[]";

    private AmiText() {
    }

    /**
     * One line of text: control characters (line breaks included) become single spaces.
     *
     * @param text the text, may be null
     * @return the cleaned text, empty for null
     */
    static String line(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
    }

    /**
     * The escaped value of a channel variable, cut so that {@code variable: NAME=value} fits one AMI line.
     *
     * @param name  the variable's name
     * @param value the value, may be null
     * @return the value as it goes into the header
     */
    static Escaped variable(String name, String value) {
        String clean = line(value);
        int budget = MAX_LINE_BYTES - VARIABLE_PREFIX_BYTES - name.length() - 1;
        StringBuilder out = new StringBuilder(clean.length() + 16);
        int bytes = 0;
        int kept = 0;
        for (int i = 0; i < clean.length(); ) {
            int codePoint = clean.codePointAt(i);
            String piece = (SPECIAL.indexOf(codePoint) >= 0 ? "\\" : "") + new String(Character.toChars(codePoint));
            int size = piece.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > budget) {
                break;
            }
            out.append(piece);
            bytes += size;
            i += Character.charCount(codePoint);
            kept = i;
        }
        return new Escaped(out.toString(), kept < clean.length(), clean.codePointCount(0, kept));
    }

    /**
     * A variable's value ready for the header.
     *
     * @param value      the escaped value
     * @param truncated  whether the text was cut to fit the line
     * @param characters how many characters of the text it carries
     */
    record Escaped(String value, boolean truncated, int characters) {
    }
}
