package dev.supportkit.notify.email;

import dev.supportkit.spi.notification.NotificationAttachment;
import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject and body of a notification e-mail, in UTF-8. A body that looks like HTML (it contains
 * common HTML tags) is sent as {@code multipart/alternative}: a plain-text version derived from it plus
 * the HTML as given; any other body as {@code text/plain}. With files attached, that text is the first part of a
 * {@code multipart/mixed} message and each file follows. The locale becomes the {@code Content-Language} header.
 */
final class EmailContent {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    private static final Pattern HTML_TAG = Pattern.compile(
            "(?i)</?(html|head|body|p|div|br|hr|table|tr|td|th|ul|ol|li|h[1-6]|strong|b|em|i|u|a|span|img|pre|blockquote)"
                    + "(\\s[^<>]*)?/?>");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x[0-9a-fA-F]{1,6}|[0-9]{1,7});");

    private EmailContent() {
    }

    static void write(MimeMessage message, String subject, String body, Locale locale) throws MessagingException {
        write(message, subject, body, locale, List.of());
    }

    /**
     * Writes the message; with attachments it is {@code multipart/mixed}: the text (as above), then each file
     * with its media type and its name (RFC 2047-encoded when it is not ASCII).
     */
    static void write(MimeMessage message, String subject, String body, Locale locale,
                      List<NotificationAttachment> attachments) throws MessagingException {
        if (subject != null && !subject.isBlank()) {
            message.setSubject(LINE_BREAKS.matcher(subject.strip()).replaceAll(" "), UTF_8);
        }
        String text = body == null ? "" : body;
        MimeBodyPart textPart = attachments.isEmpty() ? null : new MimeBodyPart();
        if (looksLikeHtml(text)) {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(htmlToText(text), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(text, UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative", plain, html);
            if (textPart == null) {
                message.setContent(alternative);
            } else {
                textPart.setContent(alternative);
            }
        } else if (textPart == null) {
            message.setText(text, UTF_8, "plain");
        } else {
            textPart.setText(text, UTF_8, "plain");
        }
        if (textPart != null) {
            MimeMultipart mixed = new MimeMultipart("mixed", textPart);
            for (NotificationAttachment attachment : attachments) {
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(),
                        attachment.mediaType())));
                try {
                    file.setFileName(MimeUtility.encodeText(attachment.fileName(), UTF_8, null));
                } catch (UnsupportedEncodingException e) {
                    throw new MessagingException("UTF-8 is not supported", e);
                }
                file.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(file);
            }
            message.setContent(mixed);
        }
        if (locale != null && !locale.getLanguage().isEmpty()) {
            message.setHeader("Content-Language", locale.toLanguageTag());
        }
    }

    /** Whether the body contains at least one common HTML tag. */
    static boolean looksLikeHtml(String body) {
        return HTML_TAG.matcher(body).find();
    }

    /** A readable plain-text rendering of simple HTML: line breaks for blocks, tags dropped, entities decoded. */
    static String htmlToText(String html) {
        String text = html.replaceAll("(?is)<(script|style|head)\\b[^>]*>.*?</\\1\\s*>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)<li\\b[^>]*>", "\n- ")
                .replaceAll("(?i)</?(p|div|h[1-6]|tr|table|ul|ol|pre|blockquote|hr)\\b[^>]*>", "\n")
                .replaceAll("<[^>]*>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&apos;", "'");
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (numeric.find()) {
            String value = numeric.group(1);
            int codePoint = value.startsWith("x") ? Integer.parseInt(value.substring(1), 16) : Integer.parseInt(value);
            String replacement = Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : "?";
            numeric.appendReplacement(decoded, Matcher.quoteReplacement(replacement));
        }
        numeric.appendTail(decoded);
        return decoded.toString().replace("&amp;", "&")
                .replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n[ \\t]+", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
