package dev.supportkit.core.internal.storage;

import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.core.testing.ProviderStateContract;
import dev.supportkit.spi.storage.StorageProvider;

/** Provider state on the in-memory store. */
class InMemoryProviderStateTest extends ProviderStateContract {
    @Override
    protected StorageProvider openStorage() {
        return new InMemoryStorageProvider();
    }
}
