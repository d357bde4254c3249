package dev.supportkit.core.testing;

import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;

/** Hands every engine built with it the same in-memory store, as several nodes on one database. */
public final class SharedStorageFactory implements StorageProviderFactory {
    /** The store all engines share. */
    public final InMemoryStorageProvider store = new InMemoryStorageProvider();

    @Override
    public String id() {
        return "shared-memory";
    }

    @Override
    public StorageProvider create(ProviderContext context) {
        return store;
    }
}
