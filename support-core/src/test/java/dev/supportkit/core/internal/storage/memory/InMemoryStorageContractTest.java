package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageProviderContract;

/** The reference store passes the storage contract kit every storage plugin must pass. */
class InMemoryStorageContractTest extends StorageProviderContract {
    @Override
    protected StorageProvider createProvider() {
        return new InMemoryStorageProvider();
    }
}
