package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestQueueContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The queue contract kit on H2, each test on a fresh empty database dropped afterwards. */
class H2RequestQueueContractTest extends RequestQueueContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.H2.create().openOwning();
    }
}
