package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestQueueContract;

/** The reference store passes the queue contract kit every storage plugin must pass. */
class InMemoryRequestQueueContractTest extends RequestQueueContract {
    @Override
    protected StorageProvider createProvider() {
        return new InMemoryStorageProvider();
    }
}
