package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestMetricsContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** Request metrics in SQL on MariaDb, on a fresh database dropped afterwards. */
class MariaDbRequestMetricsTest extends RequestMetricsContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.MARIADB.create().openOwning();
    }
}
