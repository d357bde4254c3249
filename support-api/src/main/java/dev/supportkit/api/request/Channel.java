package dev.supportkit.api.request;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The way a contact reached the service, or a message reached the customer. The set is open: besides
 * the built-in channels below, a plugin declares its own (a messenger, a chat) by returning
 * {@code Channel.of("telegram")} from its {@code NotificationChannel.channel()}; a contact point can then
 * name that channel and messages to it are delivered by that plugin.
 *
 * <p><b>Ids.</b> A channel id is 1 to {@value #MAX_LENGTH} characters: lower-case ASCII letters, digits,
 * {@code '-'} and {@code '_'}, starting with a letter. A built-in channel's id is its constant's name in
 * lower case ({@code email}, {@code web_form}); {@link #of} returns the constant for it.
 *
 * <p><b>Stored form.</b> {@link #name()} is what storage, JSON and the journal's hash chain hold: for a
 * built-in channel its constant's name ({@code EMAIL}, as when this type was an enum, so existing data
 * still reads), for a plugin's channel its id ({@code telegram}). {@link #of} reads both forms.
 *
 * <p>Two channels are equal when their names are; built-in channels are the constants themselves, so
 * {@code ==} against a constant works too.
 */
public final class Channel {
    /** The longest channel id. */
    public static final int MAX_LENGTH = 32;

    /** A telephone call. */
    public static final Channel PHONE = new Channel("PHONE");
    /** An e-mail. */
    public static final Channel EMAIL = new Channel("EMAIL");
    /** A web form or self-service portal. */
    public static final Channel WEB_FORM = new Channel("WEB_FORM");
    /** A chat on the vendor's site or product. */
    public static final Channel CHAT = new Channel("CHAT");
    /** A messenger (Telegram, WhatsApp and the like). */
    public static final Channel MESSENGER = new Channel("MESSENGER");
    /** A fax. */
    public static final Channel FAX = new Channel("FAX");
    /** An SMS. */
    public static final Channel SMS = new Channel("SMS");
    /** In person, e.g. during a site visit. */
    public static final Channel IN_PERSON = new Channel("IN_PERSON");
    /** A signed HTTP callback into the customer's own system. */
    public static final Channel WEBHOOK = new Channel("WEBHOOK");

    private static final List<Channel> BUILT_IN = List.of(PHONE, EMAIL, WEB_FORM, CHAT, MESSENGER, FAX, SMS,
            IN_PERSON, WEBHOOK);
    /** The built-in channels by name and by id. */
    private static final Map<String, Channel> BUILT_IN_BY_TEXT = BUILT_IN.stream()
            .flatMap(c -> Stream.of(Map.entry(c.name, c), Map.entry(c.id, c)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0," + (MAX_LENGTH - 1) + "}");

    private final String name;
    private final String id;

    private Channel(String name) {
        this.name = name;
        this.id = name.toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the channel with an id or stored name.
     *
     * @param idOrName a built-in channel's id ({@code email}) or stored name ({@code EMAIL}), or a plugin's
     *                 channel id ({@code telegram})
     * @return the built-in constant, or the plugin's channel
     * @throws ValidationException with a field error on {@code channel} (rule {@code required} or
     *                             {@code format}) when the text is no valid id
     */
    public static Channel of(String idOrName) {
        if (idOrName == null || idOrName.isEmpty()) {
            throw new ValidationException(List.of(new FieldError("channel", "required", "is required")));
        }
        Channel builtIn = BUILT_IN_BY_TEXT.get(idOrName);
        if (builtIn != null) {
            return builtIn;
        }
        if (!ID.matcher(idOrName).matches()) {
            throw new ValidationException(List.of(new FieldError("channel", "format", "must be 1 to " + MAX_LENGTH
                    + " lower-case letters, digits, '-' or '_', starting with a letter, was '" + idOrName + "'")));
        }
        return new Channel(idOrName);
    }

    /**
     * Returns the built-in channels, in the order of the former enum.
     *
     * @return a new array of the built-in constants
     */
    public static Channel[] values() {
        return BUILT_IN.toArray(new Channel[0]);
    }

    /**
     * Returns the built-in channel with a constant's name, as the former enum's {@code valueOf} did.
     *
     * @param name a built-in constant's name, e.g. {@code EMAIL}
     * @return the constant
     * @throws IllegalArgumentException when no built-in channel has that name; use {@link #of} for
     *                                  plugins' channels
     */
    public static Channel valueOf(String name) {
        Channel builtIn = BUILT_IN_BY_TEXT.get(name);
        if (builtIn == null || !builtIn.name.equals(name)) {
            throw new IllegalArgumentException("No built-in channel " + name + "; built-in: "
                    + Arrays.toString(values()));
        }
        return builtIn;
    }

    /**
     * Returns the stored form: a built-in constant's name, or a plugin channel's id.
     *
     * @return e.g. {@code EMAIL} or {@code telegram}
     */
    public String name() {
        return name;
    }

    /**
     * Returns the id: the stored form in lower case.
     *
     * @return e.g. {@code email} or {@code telegram}
     */
    public String id() {
        return id;
    }

    /**
     * Tells whether this is one of the built-in constants.
     *
     * @return true for {@link #PHONE}, {@link #EMAIL} and the other constants
     */
    public boolean isBuiltIn() {
        return BUILT_IN.contains(this);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Channel channel && channel.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /**
     * Returns the stored form, as {@link #name()}.
     *
     * @return the name
     */
    @Override
    public String toString() {
        return name;
    }
}
