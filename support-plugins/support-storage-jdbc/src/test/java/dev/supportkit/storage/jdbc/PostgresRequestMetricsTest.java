package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestMetricsContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** Request metrics in SQL on Postgres, on a fresh database dropped afterwards. */
class PostgresRequestMetricsTest extends RequestMetricsContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.POSTGRES.create().openOwning();
    }
}
