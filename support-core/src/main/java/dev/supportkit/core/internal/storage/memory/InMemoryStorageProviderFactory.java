package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;

/**
 * The {@code memory} storage: the engine's default, for demos and tests. Each engine gets its own
 * empty store.
 */
public final class InMemoryStorageProviderFactory implements StorageProviderFactory {
    /** The id configuration selects it by. */
    public static final String ID = "memory";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public StorageProvider create(ProviderContext context) {
        return new InMemoryStorageProvider();
    }

    @Override
    public int order() {
        return -100;
    }
}
