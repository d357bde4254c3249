package dev.supportkit.spi.notification;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A destination number in international (E.164) form, for channel plugins (SMS, voice and the like): {@code +}, a country code not starting with 0,
 * 7 to 15 digits in all. Spaces, hyphens, dots and parentheses between digits are ignored.
 */
public final class PhoneNumber {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumber() {
    }

    /**
     * Parses an address.
     *
     * @param address the notification's address, may be null
     * @return the digits without the {@code +}, or empty when the address is not an international number
     */
    public static Optional<String> digits(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(address.strip()).replaceAll("");
        return E164.matcher(compact).matches() ? Optional.of(compact.substring(1)) : Optional.empty();
    }
}
