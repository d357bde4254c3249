package dev.supportkit.examples.webdesk;

import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The pages' texts in Russian and English ({@code webdesk/messages_ru.properties} and {@code _en}, UTF-8).
 * A missing key shows as the key itself in brackets, and a test keeps both files' keys equal.
 */
public final class Messages {
    /** The languages offered. */
    public static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("ru"), Locale.ENGLISH);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale.getLanguage().equals("ru") ? LANGUAGES.get(0) : Locale.ENGLISH;
        this.bundle = ResourceBundle.getBundle("webdesk.messages", this.locale, NO_FALLBACK);
    }

    /**
     * The texts of a language; English unless Russian.
     *
     * @param locale the language
     * @return the texts
     */
    public static Messages of(Locale locale) {
        return new Messages(locale);
    }

    /**
     * The language of these texts.
     *
     * @return the locale
     */
    public Locale locale() {
        return locale;
    }

    /**
     * A text, with {@code {0}}, {@code {1}} … replaced by the arguments.
     *
     * @param key  the key
     * @param args the arguments
     * @return the text
     */
    public String t(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "[" + key + "]";
        }
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /**
     * The text of an enum constant ({@code status.AT_SECOND_LINE}), or its name when none is given.
     *
     * @param prefix the key's prefix
     * @param value  the constant
     * @return the text
     */
    public String name(String prefix, Enum<?> value) {
        String key = prefix + "." + value.name();
        return bundle.containsKey(key) ? bundle.getString(key) : value.name();
    }
}
