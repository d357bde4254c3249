package dev.supportkit.core.directory;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.request.Channel;
import dev.supportkit.core.request.FieldErrors;
import java.util.Map;
import java.util.regex.Pattern;

/** The channels a message can be delivered on, and what an address on each must look like. */
public final class ContactPoints {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern NUMBER = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern URL = Pattern.compile("^https?://\\S+$");
    private static final Map<Channel, Pattern> DELIVERABLE = Map.of(Channel.EMAIL, EMAIL, Channel.SMS, NUMBER,
            Channel.PHONE, NUMBER, Channel.FAX, NUMBER, Channel.WEBHOOK, URL);

    private ContactPoints() {
    }

    /**
     * Checks one contact point.
     *
     * @param errors where to report
     * @param field  the field path
     * @param point  the contact point
     */
    public static void validate(FieldErrors errors, String field, ContactPoint point) {
        if (!errors.required(field, point) || !errors.required(field + ".channel", point.channel())) {
            return;
        }
        Pattern format = DELIVERABLE.get(point.channel());
        if (format == null) {
            errors.add(field + ".channel", "deliverable", point.channel() + " cannot carry messages to a person; use "
                    + "EMAIL, SMS, PHONE, FAX or WEBHOOK");
        } else if (point.address() == null || !format.matcher(point.address()).matches()) {
            errors.add(field + ".address", "format", "is not a valid " + point.channel() + " address (e-mail address,"
                    + " number like +74951234567, or http(s) URL)");
        }
    }
}
