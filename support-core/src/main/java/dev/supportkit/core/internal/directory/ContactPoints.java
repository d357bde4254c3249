package dev.supportkit.core.internal.directory;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.request.Channel;
import dev.supportkit.core.internal.request.FieldErrors;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The channels a message can be delivered on, and what an address on each must look like: the built-in
 * message channels with their address formats, and any other channel (a plugin's own, chat, messenger)
 * that a started notification channel delivers on, with any address of up to {@value #MAX_ADDRESS}
 * printable characters; the plugin checks that address when it delivers.
 */
public final class ContactPoints {
    /** The longest address on a channel without a known address format. */
    public static final int MAX_ADDRESS = 256;
    /** The longest e-mail address (RFC 5321 path limit). */
    public static final int MAX_EMAIL = 254;
    /** The longest webhook URL. */
    public static final int MAX_URL = 2048;
    // Possessive quantifiers and labels without dots: no backtracking, so a check runs in linear time.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]++@[^@\\s.]++(?:\\.[^@\\s.]++)++$");
    private static final Pattern NUMBER = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern URL = Pattern.compile("^https?://\\S++$");
    private static final Map<Channel, Integer> MAX_LENGTH = Map.of(Channel.EMAIL, MAX_EMAIL, Channel.SMS, 16,
            Channel.PHONE, 16, Channel.FAX, 16, Channel.WEBHOOK, MAX_URL);
    private static final Pattern PRINTABLE = Pattern.compile("^[^\\p{Cntrl}]+$");
    private static final Map<Channel, Pattern> DELIVERABLE = Map.of(Channel.EMAIL, EMAIL, Channel.SMS, NUMBER,
            Channel.PHONE, NUMBER, Channel.FAX, NUMBER, Channel.WEBHOOK, URL);

    private ContactPoints() {
    }

    /**
     * Tells whether a text is an e-mail address of at most {@value #MAX_EMAIL} characters, in linear time.
     *
     * @param address the text
     * @return whether it looks like {@code name@example.com}
     */
    public static boolean isEmail(String address) {
        return address != null && address.length() <= MAX_EMAIL && EMAIL.matcher(address).matches();
    }

    /**
     * Checks one contact point.
     *
     * @param errors    where to report
     * @param field     the field path
     * @param point     the contact point
     * @param installed whether a started notification channel delivers on a channel
     */
    public static void validate(FieldErrors errors, String field, ContactPoint point, Predicate<Channel> installed) {
        if (!errors.required(field, point) || !errors.required(field + ".channel", point.channel())) {
            return;
        }
        Pattern format = DELIVERABLE.get(point.channel());
        if (format == null && !installed.test(point.channel())) {
            errors.add(field + ".channel", "deliverable", point.channel() + " cannot carry messages to a person: no "
                    + "installed notification channel delivers on it; use EMAIL, SMS, PHONE, FAX, WEBHOOK or a "
                    + "plugin's channel");
        } else if (format == null) {
            if (point.address() == null || point.address().length() > MAX_ADDRESS
                    || !PRINTABLE.matcher(point.address()).matches()) {
                errors.add(field + ".address", "format", "must be 1 to " + MAX_ADDRESS + " printable characters");
            }
        } else if (point.address() != null && point.address().length() > MAX_LENGTH.get(point.channel())) {
            errors.add(field + ".address", "length", "must be at most " + MAX_LENGTH.get(point.channel())
                    + " characters for " + point.channel() + ", was " + point.address().length());
        } else if (point.address() == null || !format.matcher(point.address()).matches()) {
            errors.add(field + ".address", "format", "is not a valid " + point.channel() + " address (e-mail address,"
                    + " number like +74951234567, or http(s) URL)");
        }
    }
}
