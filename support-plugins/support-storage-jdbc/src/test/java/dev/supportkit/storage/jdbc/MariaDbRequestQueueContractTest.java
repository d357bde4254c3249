package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestQueueContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The queue contract kit on MariaDb, each test on a fresh empty database dropped afterwards. */
class MariaDbRequestQueueContractTest extends RequestQueueContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.MARIADB.create().openOwning();
    }
}
