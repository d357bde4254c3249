package dev.supportkit.core.internal.quality;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.request.FieldErrors;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed one-use answer tokens of satisfaction surveys: {@code tenant.request.sentAt.signature}, each part
 * base64url, the signature an HMAC-SHA-256 of the other three under {@code supportkit.quality.surveys.token-key}.
 * A token names the survey by the time it was sent, so a survey sent again makes the old token stale; it is
 * used once because an answered survey takes no second answer.
 */
public final class SurveyTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private final byte[] key;

    /** @param settings the engine settings (the token key) */
    @Inject
    public SurveyTokens(EngineSettings settings) {
        this.key = settings.quality().surveys().tokenKey().getBytes(StandardCharsets.UTF_8);
    }

    /** What a valid token names. */
    record Parsed(TenantId tenant, RequestId request, Instant sentAt) {
    }

    /**
     * @param tenant  the request's tenant
     * @param request the request
     * @param sentAt  when its survey was sent
     * @return the token
     */
    String issue(TenantId tenant, RequestId request, Instant sentAt) {
        String body = encode(tenant.value()) + "." + encode(request.value()) + "."
                + ChronoUnit.MICROS.between(Instant.EPOCH, sentAt);
        return body + "." + ENCODER.encodeToString(sign(body));
    }

    /**
     * Checks a token's form and signature.
     *
     * @param token the token
     * @return what it names
     * @throws dev.supportkit.api.error.ValidationException naming {@code token} with rule {@code format} or
     *         {@code signature}
     */
    Parsed parse(String token) {
        FieldErrors errors = new FieldErrors();
        if (!errors.required("token", token)) {
            errors.throwIfAny();
        }
        if (token.length() > 1000) {
            errors.add("token", "format", "is not a survey token").throwIfAny();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 4) {
            errors.add("token", "format", "is not a survey token").throwIfAny();
        }
        byte[] given;
        TenantId tenant;
        RequestId request;
        Instant sentAt;
        try {
            given = DECODER.decode(parts[3]);
            tenant = TenantId.of(decode(parts[0]));
            request = RequestId.of(decode(parts[1]));
            sentAt = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            errors.add("token", "format", "is not a survey token").throwIfAny();
            throw new IllegalStateException(e);
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        // compared as text: base64 spellings that differ only in a last character's unused bits decode alike
        byte[] expected = ENCODER.encodeToString(sign(body)).getBytes(StandardCharsets.US_ASCII);
        if (given.length == 0 || !MessageDigest.isEqual(expected, parts[3].getBytes(StandardCharsets.US_ASCII))) {
            errors.add("token", "signature", "was not issued by this service").throwIfAny();
        }
        return new Parsed(tenant, request, sentAt);
    }

    private byte[] sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static String encode(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String text) {
        return new String(DECODER.decode(text), StandardCharsets.UTF_8);
    }
}
