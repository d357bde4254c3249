package dev.supportkit.notify.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook requests and verifies them on the receiving side.
 * <p>
 * The signature is {@code sha256=} followed by the lower-case hex HMAC-SHA256, keyed with the shared
 * secret (its UTF-8 bytes), of {@code <timestamp>.<body>}: the decimal value of the
 * {@value #TIMESTAMP_HEADER} header (epoch seconds), a full stop, and the request body exactly as
 * received (UTF-8 JSON). A receiver checks it before parsing the body:
 * <pre>{@code
 * boolean genuine = WebhookSignature.verify(secret,
 *         request.getHeader(WebhookSignature.TIMESTAMP_HEADER), rawBodyBytes,
 *         request.getHeader(WebhookSignature.SIGNATURE_HEADER), clock.instant(),
 *         WebhookSignature.DEFAULT_TOLERANCE);
 * }</pre>
 * The tolerance window rejects replays of old requests; the {@value #IDEMPOTENCY_KEY_HEADER} header
 * lets the receiver drop a duplicate delivery within it.
 */
public final class WebhookSignature {
    /** The header carrying the signature, {@code sha256=<hex>}. */
    public static final String SIGNATURE_HEADER = "X-SupportKit-Signature";
    /** The header carrying the time of signing, in seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "X-SupportKit-Timestamp";
    /** The header carrying the notification's idempotency key, the same on every attempt. */
    public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
    /** The prefix of the signature value, naming the algorithm. */
    public static final String SCHEME = "sha256=";
    /** A reasonable tolerance between the sender's and the receiver's clocks: five minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private WebhookSignature() {
    }

    /**
     * Computes the signature header value for a body.
     *
     * @param secret    the shared secret, not empty
     * @param timestamp the value of the timestamp header, seconds since the epoch
     * @param body      the request body
     * @return {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code <timestamp>.<body>}
     * @throws IllegalArgumentException when the secret is empty
     */
    public static String sign(String secret, long timestamp, String body) {
        return sign(secret, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Computes the signature header value for a body given as bytes.
     *
     * @param secret    the shared secret, not empty
     * @param timestamp the value of the timestamp header, seconds since the epoch
     * @param body      the request body as sent
     * @return {@code sha256=} and the lower-case hex HMAC-SHA256 of {@code <timestamp>.<body>}
     * @throws IllegalArgumentException when the secret is empty
     */
    public static String sign(String secret, long timestamp, byte[] body) {
        return SCHEME + HEX.formatHex(mac(secret, Long.toString(timestamp), body));
    }

    /**
     * Verifies a request: the timestamp must be within {@code tolerance} of {@code now} (either side),
     * and the signature must match, compared in constant time.
     *
     * @param secret    the shared secret, not empty
     * @param timestamp the timestamp header as received; null or not a number fails
     * @param body      the request body as received
     * @param signature the signature header as received; null or malformed fails
     * @param now       the receiver's current time
     * @param tolerance how far the timestamp may be from {@code now}
     * @return true only for a genuine, fresh request
     * @throws IllegalArgumentException when the secret is empty or the tolerance negative
     */
    public static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
                                 Duration tolerance) {
        return body != null && verify(secret, timestamp, body.getBytes(StandardCharsets.UTF_8), signature, now,
                tolerance);
    }

    /**
     * Verifies a request given the raw body bytes: the timestamp must be within {@code tolerance} of
     * {@code now} (either side), and the signature must match, compared in constant time.
     *
     * @param secret    the shared secret, not empty
     * @param timestamp the timestamp header as received; null or not a number fails
     * @param body      the request body bytes as received
     * @param signature the signature header as received; null or malformed fails
     * @param now       the receiver's current time
     * @param tolerance how far the timestamp may be from {@code now}
     * @return true only for a genuine, fresh request
     * @throws IllegalArgumentException when the secret is empty or the tolerance negative
     */
    public static boolean verify(String secret, String timestamp, byte[] body, String signature, Instant now,
                                 Duration tolerance) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(tolerance, "tolerance");
        if (tolerance.isNegative()) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        if (timestamp == null || body == null || signature == null || !signature.startsWith(SCHEME)
                || !timestamp.matches("[0-9]{1,18}")) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        if (Math.abs(now.getEpochSecond() - seconds) > tolerance.getSeconds()) {
            return false;
        }
        byte[] given;
        try {
            given = HEX.parseHex(signature.substring(SCHEME.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(secret, timestamp, body), given);
    }

    private static byte[] mac(String secret, String timestamp, byte[] body) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the secret must not be empty");
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
