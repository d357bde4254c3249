package dev.supportkit.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The signature scheme and the receivers' verifier. */
class WebhookSignatureTest {
    private static final String SECRET = "whsec-test-0123456789";
    private static final String BODY = "{\"body\":\"Привет\"}";
    private static final Instant NOW = Instant.parse("2026-03-12T09:00:00Z");
    private static final String TS = "1773306000";
    /** Computed outside Java: printf '%s' '1773306000.{"body":"Привет"}' | openssl dgst -sha256 -hmac '...'. */
    private static final String OPENSSL = "sha256=6aaf11eabfbf3f982bea138db5343aba64a9f4732d6c0122403c352040923384";

    @Test
    @DisplayName("the signature matches one computed by openssl over <timestamp>.<UTF-8 body>")
    void matchesOpenssl() {
        assertEquals(OPENSSL, WebhookSignature.sign(SECRET, 1773306000L, BODY));
        assertEquals(OPENSSL, WebhookSignature.sign(SECRET, 1773306000L, BODY.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("a genuine request verifies, within the tolerance on either side of now")
    void genuineVerifies() {
        assertTrue(WebhookSignature.verify(SECRET, TS, BODY, OPENSSL, NOW, Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify(SECRET, TS, BODY.getBytes(StandardCharsets.UTF_8), OPENSSL,
                NOW.plusSeconds(300), Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify(SECRET, TS, BODY, OPENSSL, NOW.minusSeconds(300), Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify(SECRET, TS, BODY, OPENSSL.toUpperCase().replace("SHA256=", "sha256="),
                NOW, Duration.ofMinutes(5)), "hex digits in either case");
    }

    @Test
    @DisplayName("a tampered body, another timestamp, another secret or an old request fail")
    void forgeriesFail() {
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        assertFalse(WebhookSignature.verify(SECRET, TS, BODY.replace("Привет", "Пока"), OPENSSL, NOW, tolerance));
        assertFalse(WebhookSignature.verify(SECRET, "1773306001", BODY, OPENSSL, NOW, tolerance));
        assertFalse(WebhookSignature.verify(SECRET + "x", TS, BODY, OPENSSL, NOW, tolerance));
        assertFalse(WebhookSignature.verify(SECRET, TS, BODY, OPENSSL, NOW.plusSeconds(301), tolerance),
                "older than the tolerance: a replay");
        assertFalse(WebhookSignature.verify(SECRET, TS, BODY, OPENSSL, NOW.minusSeconds(301), tolerance),
                "too far in the future");
    }

    @Test
    @DisplayName("malformed headers fail instead of throwing")
    void malformedFails() {
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        for (String signature : new String[] {null, "", "sha256=", "sha1=" + OPENSSL.substring(7), OPENSSL.substring(7),
                "sha256=zz" + OPENSSL.substring(9), OPENSSL + "00", OPENSSL.substring(0, OPENSSL.length() - 2)}) {
            assertFalse(WebhookSignature.verify(SECRET, TS, BODY, signature, NOW, tolerance), signature);
        }
        for (String timestamp : new String[] {null, "", "-1773306000", "1773306000.5", "abc", "9".repeat(30)}) {
            assertFalse(WebhookSignature.verify(SECRET, timestamp, BODY, OPENSSL, NOW, tolerance), timestamp);
        }
        assertFalse(WebhookSignature.verify(SECRET, TS, (String) null, OPENSSL, NOW, tolerance));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.verify("", TS, BODY, OPENSSL, NOW, tolerance));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSignature.verify(SECRET, TS, BODY, OPENSSL, NOW, Duration.ofSeconds(-1)));
    }
}
