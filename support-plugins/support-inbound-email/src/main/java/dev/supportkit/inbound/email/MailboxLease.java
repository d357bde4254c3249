package dev.supportkit.inbound.email;

import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One mailbox's claim and cursor, kept together in one provider-state value (key {@code mailbox.<name>}) and
 * changed only by compare-and-set: which node holds the mailbox until when, and the UIDVALIDITY and the highest
 * UID already taken. Because the cursor moves only with the claim's version, a node that lost its claim can no
 * longer move it: its next {@link #advance} fails and it stops.
 */
final class MailboxLease {
    private final ProviderStateStore state;
    private final String key;
    private final String node;
    private final Clock clock;
    private final Duration lease;
    private int version;
    private Cursor cursor;

    /**
     * The stored value.
     *
     * @param owner       the node holding the mailbox
     * @param leaseUntil  until when, by the engine clock
     * @param uidValidity the folder's UIDVALIDITY the UID belongs to (0: none yet)
     * @param lastUid     the highest UID taken (0: none)
     */
    record Cursor(String owner, Instant leaseUntil, long uidValidity, long lastUid) {
        String encode() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("owner", owner);
            values.put("lease-until", leaseUntil.toString());
            values.put("uidvalidity", Long.toString(uidValidity));
            values.put("uid", Long.toString(lastUid));
            return StateText.encode(values);
        }

        static Cursor decode(String text) {
            Map<String, String> values = StateText.decode(text);
            return new Cursor(values.getOrDefault("owner", ""), Instant.parse(values.getOrDefault("lease-until",
                    Instant.EPOCH.toString())), Long.parseLong(values.getOrDefault("uidvalidity", "0")),
                    Long.parseLong(values.getOrDefault("uid", "0")));
        }
    }

    MailboxLease(ProviderStateStore state, String mailbox, String node, Clock clock, Duration lease) {
        this.state = state;
        this.key = "mailbox." + mailbox;
        this.node = node;
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Claims the mailbox, or renews this node's claim when half of it has passed.
     *
     * @return the cursor when this node holds the mailbox now; empty when another node's claim is still valid
     *         or another node claimed it first
     */
    synchronized Optional<Cursor> claim() {
        Instant now = clock.instant();
        Optional<ProviderState> current = state.get(key);
        if (current.isEmpty()) {
            return store(0, new Cursor(node, now.plus(lease), 0, 0)) ? Optional.of(cursor) : Optional.empty();
        }
        Cursor stored = Cursor.decode(current.get().value());
        boolean mine = stored.owner().equals(node);
        if (!mine && stored.leaseUntil().isAfter(now)) {
            cursor = null;
            return Optional.empty();
        }
        if (mine && current.get().version() == version && stored.leaseUntil().minus(lease.dividedBy(2)).isAfter(now)) {
            cursor = stored;
            return Optional.of(stored); // still well within this node's claim: no write
        }
        Cursor claimed = new Cursor(node, now.plus(lease), stored.uidValidity(), stored.lastUid());
        return store(current.get().version(), claimed) ? Optional.of(cursor) : Optional.empty();
    }

    /**
     * Moves the cursor past a message and renews the claim.
     *
     * @param uidValidity the folder's UIDVALIDITY
     * @param uid         the message's UID
     * @return false when this node no longer holds the mailbox (nothing was stored)
     */
    synchronized boolean advance(long uidValidity, long uid) {
        if (cursor == null) {
            return false;
        }
        return store(version, new Cursor(node, clock.instant().plus(lease), uidValidity, uid));
    }

    /** Gives the mailbox up (lease ends now) when this node holds it, so another node takes over at once. */
    synchronized void release() {
        if (cursor != null) {
            store(version, new Cursor(node, Instant.EPOCH, cursor.uidValidity(), cursor.lastUid()));
            cursor = null;
        }
    }

    private boolean store(int expected, Cursor next) {
        if (state.compareAndSet(key, expected, next.encode())) {
            version = expected + 1;
            cursor = next;
            return true;
        }
        cursor = null;
        return false;
    }
}
