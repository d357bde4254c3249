package dev.supportkit.notify.email.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;

/**
 * Strict parsing of one mailbox ({@code user@example.com} or {@code Name <user@example.com>}), used for
 * recipients and for the configured sender. Internationalised domain names are converted to their ASCII
 * (punycode) form; a non-ASCII local part is refused, since it would need SMTPUTF8.
 */
public final class MailAddresses {
    private MailAddresses() {
    }

    /**
     * Parses exactly one mailbox.
     *
     * @param text the address, optionally with a display name
     * @return the address; a display name is kept and will be written as UTF-8
     * @throws AddressException saying why the text is not exactly one deliverable mailbox
     */
    public static InternetAddress parseMailbox(String text) throws AddressException {
        if (text == null || text.isBlank()) {
            throw new AddressException("no address given");
        }
        String trimmed = text.strip();
        if (trimmed.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            throw new AddressException("the address contains control characters", trimmed);
        }
        String ascii = asciiDomain(trimmed);
        InternetAddress[] parsed = InternetAddress.parse(ascii, true);
        if (parsed.length != 1) {
            throw new AddressException("exactly one address expected, found " + parsed.length, trimmed);
        }
        InternetAddress address = parsed[0];
        if (address.isGroup()) {
            throw new AddressException("a group is not a mailbox", trimmed);
        }
        address.validate();
        String spec = address.getAddress();
        int at = spec.lastIndexOf('@');
        if (at <= 0 || at == spec.length() - 1) {
            throw new AddressException("the address needs a local part and a domain (user@example.com)", trimmed);
        }
        try {
            return new InternetAddress(spec, address.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /**
     * Returns the domain of a parsed address, lower-case.
     *
     * @param address a mailbox parsed by {@link #parseMailbox(String)}
     * @return the part after the last {@code @}
     */
    public static String domain(InternetAddress address) {
        String spec = address.getAddress();
        return spec.substring(spec.lastIndexOf('@') + 1).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Makes untrusted text (an address as given) safe for a log line or a delivery detail: control
     * characters escaped (CR as {@code \r}, LF as {@code \n}, others as their hexadecimal code point),
     * cut after 200 characters.
     *
     * @param text any text, or null
     * @return the text, escaped and shortened; the word {@code null} for null
     */
    public static String forDisplay(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder();
        int i = 0;
        for (; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                shown.append("\\r");
            } else if (c == '\n') {
                shown.append("\\n");
            } else if (c < 0x20 || c == 0x7F) {
                shown.append("\\x").append(Integer.toHexString(c));
            } else {
                shown.append(c);
            }
        }
        return i < text.length() ? shown + "..." : shown.toString();
    }

    /** Converts a non-ASCII domain of the addr-spec to punycode; refuses a non-ASCII local part. */
    private static String asciiDomain(String text) throws AddressException {
        if (text.chars().allMatch(c -> c < 0x80)) {
            return text;
        }
        int open = text.lastIndexOf('<');
        int close = text.lastIndexOf('>');
        boolean angle = open >= 0 && close == text.length() - 1 && open < close;
        String spec = angle ? text.substring(open + 1, close) : text;
        int at = spec.lastIndexOf('@');
        if (at < 0) {
            throw new AddressException("the address has no domain", text);
        }
        String local = spec.substring(0, at);
        if (local.chars().anyMatch(c -> c >= 0x80)) {
            throw new AddressException("a non-ASCII local part needs SMTPUTF8, which is not supported", text);
        }
        String domain;
        try {
            domain = IDN.toASCII(spec.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new AddressException("the domain is not a valid internationalised domain name: "
                    + e.getMessage(), text);
        }
        String asciiSpec = local + "@" + domain;
        return angle ? text.substring(0, open + 1) + asciiSpec + ">" : asciiSpec;
    }
}
