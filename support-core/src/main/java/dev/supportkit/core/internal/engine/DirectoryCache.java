package dev.supportkit.core.internal.engine;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.DirectoryEntry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps directory entries read on this node for a short time, so that validating a contact does not
 * read the same organisation, representative and system from the database every time. Entries saved
 * through this node are dropped at once; entries saved by another node are seen at the latest when
 * their time here runs out ({@code supportkit.directory.cache-seconds}). An entry found absent is kept
 * as absent for the same time (most recipients have no delivery preferences, most organisations no SLA
 * policy), so a registration does not ask the database again and again for what is not there. Time
 * comes from the engine's clock. Bounded: when full, it starts again empty.
 */
final class DirectoryCache {
    private static final int MAX_ENTRIES = 10_000;

    private record Key(TenantId tenant, Class<?> type, String id) {
    }

    /** {@code entry} is null when the entry was found absent. */
    private record Cached(DirectoryEntry entry, Instant expiresAt) {
    }

    private final Clock clock;
    private final Duration ttl;
    private final Map<Key, Cached> entries = new ConcurrentHashMap<>();

    DirectoryCache(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
    }

    boolean enabled() {
        return !ttl.isZero();
    }

    /**
     * @return empty when this node knows nothing current about the entry; otherwise what it knows: the
     *         entry, or an empty optional when the entry was found absent
     */
    <T extends DirectoryEntry> Optional<Optional<T>> get(TenantId tenant, Class<T> type, String id) {
        Cached cached = entries.get(new Key(tenant, type, id));
        if (cached == null || !cached.expiresAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(type.cast(cached.entry())));
    }

    /** Remembers what the store answered: the entry, or its absence. */
    void put(TenantId tenant, Class<?> type, String id, Optional<? extends DirectoryEntry> found) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(new Key(tenant, type, id), new Cached(found.orElse(null), clock.instant().plus(ttl)));
    }

    void invalidate(TenantId tenant, Class<?> type, String id) {
        entries.remove(new Key(tenant, type, id));
    }
}
