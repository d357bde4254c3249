package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.core.internal.storage.CatalogProviderState;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import dev.supportkit.spi.storage.StorageProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the provider state the engine hands to plugins ({@code ProviderContext.state()}) does on a store:
 * compare-and-set that never loses an update when several engines change one value at once, and keys
 * that belong to one provider only. Each store's test extends this kit.
 */
public abstract class ProviderStateContract {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-12T09:00:00Z"));
    private StorageProvider storage;
    private String provider;

    /**
     * Opens the store under test, empty or not; the kit closes it.
     *
     * @return a ready storage provider
     */
    protected abstract StorageProvider openStorage();

    @BeforeEach
    final void open() {
        storage = openStorage();
        provider = "crm-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    final void close() {
        storage.close();
    }

    private ProviderStateStore state(String providerId) {
        return new CatalogProviderState(storage, providerId, clock);
    }

    @Test
    void aValueIsCreatedOnceAndChangedOnlyFromTheVersionRead() {
        ProviderStateStore state = state(provider);
        assertEquals(Optional.empty(), state.get("token"));

        assertTrue(state.compareAndSet("token", 0, "{\"access\":\"a1\"}"));
        assertFalse(state.compareAndSet("token", 0, "{\"access\":\"other\"}"), "a second create must fail");
        clock.advance(java.time.Duration.ofMinutes(5));
        assertTrue(state.compareAndSet("token", 1, "{\"access\":\"a2\"}"));
        assertFalse(state.compareAndSet("token", 1, "{\"access\":\"stale\"}"), "a stale version must fail");

        assertEquals(Optional.of(new ProviderState("token", 2, "{\"access\":\"a2\"}", clock.instant())),
                state.get("token"));
    }

    @Test
    void providersDoNotSeeEachOthersKeys() {
        assertTrue(state(provider).compareAndSet("cursor", 0, "41"));
        ProviderStateStore other = state(provider + "-other");
        assertEquals(Optional.empty(), other.get("cursor"));
        assertTrue(other.compareAndSet("cursor", 0, "7"));
        assertEquals("41", state(provider).get("cursor").orElseThrow().value());
    }

    @Test
    void badKeysAndVersionsAreRefusedNamingTheRule() {
        ProviderStateStore state = state(provider);
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> state.get(" "));
        assertTrue(blank.getMessage().contains("key"), blank.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> state.compareAndSet("k".repeat(ProviderStateStore.MAX_KEY_LENGTH + 1), 0, "v"));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> state.compareAndSet("k", -1, "v"));
        assertTrue(negative.getMessage().contains("expectedVersion"), negative.getMessage());
    }

    @Test
    void concurrentIncrementsFromSeveralWritersLoseNothing() throws Exception {
        int writers = 4;
        int incrementsEach = 15;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                // Each writer has its own store object, as each engine would.
                ProviderStateStore state = state(provider);
                Callable<Integer> increments = () -> {
                    int conflicts = 0;
                    for (int i = 0; i < incrementsEach; i++) {
                        while (true) {
                            Optional<ProviderState> current = state.get("counter");
                            int version = current.map(ProviderState::version).orElse(0);
                            int value = current.map(s -> Integer.parseInt(s.value())).orElse(0);
                            if (state.compareAndSet("counter", version, Integer.toString(value + 1))) {
                                break;
                            }
                            conflicts++;
                        }
                    }
                    return conflicts;
                };
                done.add(pool.submit(increments));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        ProviderState last = state(provider).get("counter").orElseThrow();
        assertEquals(Integer.toString(writers * incrementsEach), last.value());
        assertEquals(writers * incrementsEach, last.version());
    }
}
