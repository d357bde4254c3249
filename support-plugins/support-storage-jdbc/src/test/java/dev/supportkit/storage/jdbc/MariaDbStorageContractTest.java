package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageProviderContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The storage contract kit on MariaDb, each test on a fresh empty database dropped afterwards. */
class MariaDbStorageContractTest extends StorageProviderContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.MARIADB.create().openOwning();
    }
}
