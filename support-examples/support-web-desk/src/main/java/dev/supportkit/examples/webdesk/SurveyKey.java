package dev.supportkit.examples.webdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret that signs the survey links ({@code supportkit.quality.surveys.token-key}): made once per data
 * directory from a secure random source and kept in {@code survey-token-key} beside the data, so links stay valid
 * across restarts. An embedder takes it from their secret store instead (e.g. the environment variable
 * {@code SUPPORTKIT_QUALITY_SURVEYS_TOKEN_KEY}).
 */
final class SurveyKey {
    private static final String FILE = "survey-token-key";

    private SurveyKey() {
    }

    static String readOrCreate(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(dataDirectory);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            String key = HexFormat.of().formatHex(secret);
            Files.writeString(file, key, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the survey key in " + file, e);
        }
    }
}
