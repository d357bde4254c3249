package dev.supportkit.core.internal.journal;

import dev.supportkit.spi.storage.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 hash chain over journal records. Each record's hash covers every field of the record and
 * the previous record's hash, so altering, removing or reordering an entry breaks the chain.
 */
public final class HashChain {
    /** The "previous hash" of a request's first entry. */
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    /**
     * Computes the hash a record must carry. Each field is written with its length, so no two
     * different records have the same input.
     *
     * @param r the record (its own {@code hash} field is ignored)
     * @return lower-case hex SHA-256
     */
    public static String hash(JournalRecord r) {
        StringBuilder in = new StringBuilder(256 + r.payload().length() + r.description().length());
        field(in, r.tenant().value());
        field(in, r.request().value());
        field(in, Long.toString(r.sequence()));
        field(in, r.occurredAt().toString());
        field(in, r.actorId());
        field(in, r.actorName());
        field(in, r.actorRole().name());
        field(in, r.channel() == null ? "" : r.channel().name());
        field(in, r.function().code());
        field(in, r.visibility().name());
        field(in, r.eventType());
        field(in, r.payload());
        field(in, r.description());
        field(in, r.previousHash());
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(in.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static void field(StringBuilder in, String value) {
        in.append(value.length()).append(':').append(value).append('\n');
    }
}
