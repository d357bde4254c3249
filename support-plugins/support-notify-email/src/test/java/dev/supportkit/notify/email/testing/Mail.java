package dev.supportkit.notify.email.testing;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.notification.Notification;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Test notifications and SMTP settings. */
public final class Mail {
    /** A Cyrillic subject. */
    public static final String SUBJECT = "Заявка №42 принята: ответим в течение 2 часов";
    /** A Cyrillic body of two paragraphs. */
    public static final String BODY = "Здравствуйте, Иван Петрович!\n\nВаша заявка «Не печатает принтер» зарегистрирована."
            + "\nСтатус: в работе. Ёжик, щука, эхо — проверка всех букв.";
    /** The tenant of every test notification. */
    public static final TenantId TENANT = TenantId.of("acme");

    private Mail() {
    }

    /**
     * @param key     the idempotency key
     * @param address the recipient
     * @return a notification in Russian with {@link #SUBJECT} and {@link #BODY}
     */
    public static Notification notification(String key, String address) {
        return new Notification(key, TENANT, address, SUBJECT, BODY, Locale.forLanguageTag("ru-RU"), java.util.List.of());
    }

    /**
     * @param host     the SMTP host
     * @param port     the SMTP port
     * @param security starttls, ssl or none
     * @param extra    further keys and values, alternating
     * @return the settings of a channel sending as {@code Служба поддержки <support@example.com>}
     */
    public static Map<String, String> smtp(String host, int port, String security, String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of("host", host, "port", Integer.toString(port),
                "security", security, "from", "Служба поддержки <support@example.com>",
                "connect-timeout-ms", "5000", "timeout-ms", "5000"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }
}
