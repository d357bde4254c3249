package dev.supportkit.notify.fax;

import java.util.regex.Pattern;

/**
 * A fax number in E.164 style: an optional {@code +}, then 7 to 15 digits, the first after a {@code +}
 * not 0. Blanks, hyphens, dots and parentheses are allowed between digits and dropped
 * ({@code +7 (495) 123-45-67}).
 *
 * @param digits        the digits only, e.g. {@code 74951234567}
 * @param international whether it was written with a leading {@code +}
 */
record FaxNumber(String digits, boolean international) {
    private static final Pattern ALLOWED = Pattern.compile("\\+?[0-9 ().\\-]+");

    /**
     * Parses a number as given in a notification's address.
     *
     * @param text the number
     * @return the number
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static FaxNumber parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no fax number given");
        }
        String trimmed = text.strip();
        if (!ALLOWED.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("only digits, an optional leading '+', blanks, '-', '.', '(' and ')' "
                    + "are allowed");
        }
        String digits = trimmed.replaceAll("[^0-9]", "");
        if (digits.length() < 7 || digits.length() > 15) {
            throw new IllegalArgumentException("a fax number has 7 to 15 digits (E.164), this one has "
                    + digits.length());
        }
        boolean international = trimmed.startsWith("+");
        if (international && digits.charAt(0) == '0') {
            throw new IllegalArgumentException("an international number (+...) cannot start with 0");
        }
        return new FaxNumber(digits, international);
    }

    /** The number as shown in messages: {@code +74951234567} or {@code 84951234567}. */
    @Override
    public String toString() {
        return (international ? "+" : "") + digits;
    }
}
