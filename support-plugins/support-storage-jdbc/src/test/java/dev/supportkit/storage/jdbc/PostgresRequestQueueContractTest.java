package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestQueueContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The queue contract kit on Postgres, each test on a fresh empty database dropped afterwards. */
class PostgresRequestQueueContractTest extends RequestQueueContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.POSTGRES.create().openOwning();
    }
}
