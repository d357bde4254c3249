package dev.supportkit.notify.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subject and body of a notification e-mail, in UTF-8. A body that looks like HTML (it contains
 * common HTML tags) is sent as {@code multipart/alternative}: a plain-text version derived from it plus
 * the HTML as given; any other body as {@code text/plain}. The locale becomes the
 * {@code Content-Language} header.
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
        if (subject != null && !subject.isBlank()) {
            message.setSubject(LINE_BREAKS.matcher(subject.strip()).replaceAll(" "), UTF_8);
        }
        String text = body == null ? "" : body;
        if (looksLikeHtml(text)) {
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(htmlToText(text), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(text, UTF_8, "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
        } else {
            message.setText(text, UTF_8, "plain");
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
