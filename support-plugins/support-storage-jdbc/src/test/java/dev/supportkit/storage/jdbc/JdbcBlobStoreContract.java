package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.blob.tck.BlobStoreContract;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/**
 * The blob store contract kit on the JDBC provider's blob store, each test on a fresh empty database of one
 * server, dropped afterwards. One subclass per server.
 */
abstract class JdbcBlobStoreContract extends BlobStoreContract {
    private final TestDatabase server;
    private StorageProvider provider;

    JdbcBlobStoreContract(TestDatabase server) {
        this.server = server;
    }

    @Override
    protected BlobStore createStore() {
        provider = server.create().openOwning();
        return provider.blobs().orElseThrow();
    }

    @Override
    protected void closeStore() {
        provider.close();
    }
}
