package dev.supportkit.notify.email.smtp;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Turns a notification's idempotency key into a stable Message-ID and header value. Every attempt of one
 * message gets the same Message-ID, so a receiver that keeps Message-IDs can drop a duplicate.
 */
final class MessageIds {
    /** A key made only of these characters, and not too long, is used in the Message-ID as it is. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_-]");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,900}");

    private MessageIds() {
    }

    /**
     * Returns {@code <key@domain>} when the key is plain (letters, digits, {@code _}, {@code -}; at most
     * 100), else {@code <sanitised.hash@domain>}: the key with every other character replaced by
     * {@code _} (first 40), a dot, and 16 hex digits of the key's SHA-256. The two forms cannot collide:
     * only the second contains a dot.
     */
    static String messageId(String key, String domain) {
        if (PLAIN.matcher(key).matches()) {
            return "<" + key + "@" + domain + ">";
        }
        String sanitised = UNSAFE.matcher(key).replaceAll("_");
        if (sanitised.length() > 40) {
            sanitised = sanitised.substring(0, 40);
        }
        return "<" + sanitised + "." + sha256(key).substring(0, 16) + "@" + domain + ">";
    }

    /** The key as a header value: as it is when printable ASCII, else as a UTF-8 encoded-word. */
    static String headerValue(String key) {
        if (PRINTABLE.matcher(key).matches()) {
            return key;
        }
        try {
            return MimeUtility.fold(IDEMPOTENCY_HEADER_LENGTH,
                    MimeUtility.encodeText(key, StandardCharsets.UTF_8.name(), "B"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static final int IDEMPOTENCY_HEADER_LENGTH = SmtpSender.IDEMPOTENCY_HEADER.length() + 2;

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
