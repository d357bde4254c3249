package dev.supportkit.core.internal.storage.memory;

import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.blob.tck.BlobStoreContract;

/** The in-memory provider's blob store passes the blob store contract kit. */
class InMemoryBlobStoreContractTest extends BlobStoreContract {
    @Override
    protected BlobStore createStore() {
        return new InMemoryStorageProvider().blobs().orElseThrow();
    }
}
