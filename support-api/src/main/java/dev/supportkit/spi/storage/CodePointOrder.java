package dev.supportkit.spi.storage;

import java.util.Comparator;

/**
 * The order of text the storage SPI means by "ordered by id": by Unicode code point, i.e. binary collation.
 * {@link String#compareTo} compares UTF-16 units instead, which puts a supplementary character (a surrogate
 * pair) before U+E000..U+FFFF; a provider that sorts in Java sorts with {@link #COMPARATOR}.
 */
public final class CodePointOrder {
    /** Compares strings by Unicode code point. */
    public static final Comparator<String> COMPARATOR = CodePointOrder::compare;

    private CodePointOrder() {
    }

    /**
     * Compares two strings by Unicode code point.
     *
     * @param a one string
     * @param b another
     * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
     */
    public static int compare(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length()) {
            int left = a.codePointAt(i);
            int right = b.codePointAt(i);
            if (left != right) {
                return Integer.compare(left, right);
            }
            i += Character.charCount(left);
        }
        return Integer.compare(a.length(), b.length());
    }
}
