package dev.supportkit.core.internal.request;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;

/**
 * New ids for requests, contacts and outbox messages: 128 bits, the first 48 the creation time in milliseconds and
 * the other 80 random, as 25 lower-case letters and digits rather than a UUID's 36 characters.
 *
 * <p>Each id is written into many rows and index entries (a request's id into every journal entry and message of
 * it), so the 11 characters count on every command; and ids made later sort after earlier ones (the text has a
 * fixed width and its digits sort as they count), so a new request's index entries go to the end of each index
 * instead of splitting pages all over it. 80 random bits keep ids unguessable; the creation time an id shows is the
 * registration time its request shows anyway. Letters and digits only: the id is safe in URLs, e-mail
 * Message-IDs (whose parts SupportKit splits at {@code _} and {@code .}), broker topics and subjects, and reads
 * the same whatever case a person or a system gives it.
 */
public final class CompactIds {
    private static final int LENGTH = 25; // 36^25 > 2^128
    private static final int RANDOM_BITS = 80;
    private static final long TIME_MASK = (1L << 48) - 1;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CompactIds() {
    }

    /**
     * @param at the creation time (the engine's clock)
     * @return a new id of 25 characters
     */
    public static String next(Instant at) {
        BigInteger value = BigInteger.valueOf(at.toEpochMilli() & TIME_MASK).shiftLeft(RANDOM_BITS)
                .or(new BigInteger(RANDOM_BITS, RANDOM));
        String text = value.toString(Character.MAX_RADIX);
        return "0".repeat(LENGTH - text.length()) + text;
    }
}
