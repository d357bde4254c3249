package dev.supportkit.notify.fax.testing;

import dev.supportkit.api.TenantId;
import dev.supportkit.spi.notification.Notification;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test notifications, settings and PDF reading. */
public final class Faxes {
    /** A Cyrillic subject. */
    public static final String SUBJECT = "Уведомление о закрытии заявки №42";
    /** A Cyrillic body. */
    public static final String BODY = "Уважаемый Иван Петрович!\n\nВаша заявка «Замена картриджа» выполнена и закрыта. "
            + "Съешь же ещё этих мягких французских булок, да выпей чаю. Ёлка, щука, эхо.";
    /** The tenant of every test notification. */
    public static final TenantId TENANT = TenantId.of("acme");

    private Faxes() {
    }

    /**
     * @param key    the idempotency key
     * @param number the fax number
     * @param body   the body
     * @return a Russian notification with {@link #SUBJECT}
     */
    public static Notification fax(String key, String number, String body) {
        return new Notification(key, TENANT, number, SUBJECT, body, Locale.forLanguageTag("ru-RU"), java.util.List.of());
    }

    /**
     * @param host  the SMTP host
     * @param port  the SMTP port
     * @param extra further keys and values, alternating
     * @return the settings of a fax channel with gateway {@code {number}@fax.test}, plain SMTP
     */
    public static Map<String, String> settings(String host, int port, String... extra) {
        Map<String, String> settings = new HashMap<>(Map.of("gateway-address", "{number}@fax.test", "host", host,
                "port", Integer.toString(port), "security", "none", "from", "Служба поддержки <support@example.com>",
                "connect-timeout-ms", "5000", "timeout-ms", "5000"));
        for (int i = 0; i < extra.length; i += 2) {
            settings.put(extra[i], extra[i + 1]);
        }
        return settings;
    }

    /**
     * @param message a received fax e-mail
     * @return its only part, which must be the PDF
     * @throws Exception if it is not
     */
    public static BodyPart pdfPart(MimeMessage message) throws Exception {
        Multipart parts = (Multipart) message.getContent();
        if (parts.getCount() != 1) {
            throw new AssertionError("expected one part, got " + parts.getCount());
        }
        return parts.getBodyPart(0);
    }

    /**
     * @param part the PDF part
     * @return the PDF's bytes
     * @throws Exception if it cannot be read
     */
    public static byte[] bytes(BodyPart part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /**
     * @param pdf a PDF
     * @return its text as PDFBox extracts it, runs of white space made one blank
     * @throws IOException if it cannot be parsed
     */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ").strip();
        }
    }

    /**
     * @param text any text
     * @return the text, runs of white space made one blank
     */
    public static String flat(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
