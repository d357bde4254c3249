package dev.supportkit.core.internal.journal;

import dev.supportkit.spi.storage.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical text of a journal record that its seal covers, and the plain SHA-256 seal. Each record's seal
 * covers every field of the record and the previous record's hash, so altering, removing or reordering an
 * entry breaks the chain; {@link JournalKeys} makes the seal keyed (HMAC-SHA-256).
 */
public final class HashChain {
    /** The "previous hash" of a request's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * Computes the plain SHA-256 hash of a record.
     *
     * @param r the record (its own {@code hash} field is ignored)
     * @return lower-case hex SHA-256
     */
    public static String hash(JournalRecord r) {
        return sha256(input(r));
    }

    /**
     * SHA-256 of some bytes, as the journal writes every hash and digest.
     *
     * @param bytes the bytes
     * @return lower-case hex
     */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /**
     * Returns the text a record's seal covers. Each field is written with its length, so no two different
     * records have the same input; a missing field (only in a damaged row) is written as {@code ~}, which no
     * present field can produce. The request's state digest is covered when the record has one.
     *
     * @param r the record (its own {@code hash} field is ignored)
     * @return the UTF-8 bytes to seal
     */
    static byte[] input(JournalRecord r) {
        StringBuilder in = new StringBuilder(256 + length(r.payload()) + length(r.description()));
        field(in, r.tenant() == null ? null : r.tenant().value());
        field(in, r.request() == null ? null : r.request().value());
        field(in, Long.toString(r.sequence()));
        field(in, r.occurredAt() == null ? null : r.occurredAt().toString());
        field(in, r.actorId());
        field(in, r.actorName());
        field(in, r.actorRole() == null ? null : r.actorRole().name());
        field(in, r.channel() == null ? "" : r.channel().name());
        field(in, r.function() == null ? null : r.function().code());
        field(in, r.visibility() == null ? null : r.visibility().name());
        field(in, r.eventType());
        field(in, r.payload());
        field(in, r.description());
        field(in, r.previousHash());
        if (r.stateDigest() != null) {
            // only when present, so entries sealed before the engine recorded it still verify
            in.append("state=");
            field(in, r.stateDigest());
        }
        return in.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    private static void field(StringBuilder in, String value) {
        if (value == null) {
            in.append("~\n");
        } else {
            in.append(value.length()).append(':').append(value).append('\n');
        }
    }
}
