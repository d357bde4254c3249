package dev.supportkit.core.internal.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.StorageProvider;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's state kept as catalogue documents of the engine's storage: one document per key under a
 * reserved tenant and a kind naming the provider, each change a new version, so the catalogue's
 * {@code (tenant, kind, id, version)} key is the compare-and-set.
 */
public final class CatalogProviderState implements ProviderStateStore {
    /** The tenant under which every provider's state is kept; no request ever belongs to it. */
    static final TenantId STATE_TENANT = TenantId.of("supportkit.provider-state");

    private final StorageProvider storage;
    private final String kind;
    private final Clock clock;

    /**
     * Creates the state store of one provider.
     *
     * @param storage    the engine's storage
     * @param providerId the provider's id
     * @param clock      the engine's clock
     */
    public CatalogProviderState(StorageProvider storage, String providerId, Clock clock) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.kind = "provider-state:" + Objects.requireNonNull(providerId, "providerId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<ProviderState> get(String key) {
        checkKey(key);
        return storage.read(tx -> tx.findCatalogRecord(STATE_TENANT, kind, key))
                .map(r -> new ProviderState(r.id(), r.version(), r.data(), r.updatedAt()));
    }

    @Override
    public boolean compareAndSet(String key, int expectedVersion, String value) {
        checkKey(key);
        Objects.requireNonNull(value, "value");
        if (expectedVersion < 0) {
            throw new IllegalArgumentException("expectedVersion must be 0 or more, got " + expectedVersion);
        }
        try {
            return storage.inTransaction(tx -> {
                int latest = tx.findCatalogRecord(STATE_TENANT, kind, key).map(CatalogRecord::version).orElse(0);
                if (latest != expectedVersion) {
                    return false;
                }
                tx.insertCatalogRecord(new CatalogRecord(STATE_TENANT, kind, key, expectedVersion + 1,
                        Optional.empty(), clock.instant(), value));
                return true;
            });
        } catch (ConcurrencyConflictException e) {
            // Another engine stored that version between our read and our insert.
            return false;
        }
    }

    private static void checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("key must be 1 to " + MAX_KEY_LENGTH
                    + " non-blank characters, got " + key.length());
        }
    }
}
