package dev.supportkit.storage.jdbc;

/**
 * An outbox message's idempotency key as {@code sk_outbox.idempotency_key} keeps it. The engine's keys begin
 * with the message's request id ({@code <request>:<journal sequence>:<topic>:<recipient>}), which the row holds
 * in {@code request_id} already: the stored key leaves that prefix out and starts with {@code ':'}. Any other
 * key that starts with {@code ':'} or {@code '\'} is stored behind a {@code '\'}, so every key reads back as it
 * was given.
 */
final class IdempotencyKeys {
    private static final char ESCAPE = '\\';

    private IdempotencyKeys() {
    }

    /**
     * @param request the message's request id, or null
     * @param key     the key, or null
     * @return what the column keeps
     */
    static String stored(String request, String key) {
        if (key == null) {
            return null;
        }
        if (request != null && key.length() > request.length() && key.startsWith(request)
                && key.charAt(request.length()) == ':') {
            return key.substring(request.length());
        }
        return !key.isEmpty() && (key.charAt(0) == ':' || key.charAt(0) == ESCAPE) ? ESCAPE + key : key;
    }

    /**
     * @param request the row's request id, or null
     * @param stored  what the column keeps, or null
     * @return the key
     */
    static String read(String request, String stored) {
        if (stored == null || stored.isEmpty()) {
            return stored;
        }
        if (stored.charAt(0) == ESCAPE) {
            return stored.substring(1);
        }
        return stored.charAt(0) == ':' && request != null ? request + stored : stored;
    }
}
