package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageProviderContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The storage contract kit on Postgres, each test on a fresh empty database dropped afterwards. */
class PostgresStorageContractTest extends StorageProviderContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.POSTGRES.create().openOwning();
    }
}
