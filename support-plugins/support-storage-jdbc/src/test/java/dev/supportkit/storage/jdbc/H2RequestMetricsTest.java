package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.RequestMetricsContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** Request metrics in SQL on H2, on a fresh database dropped afterwards. */
class H2RequestMetricsTest extends RequestMetricsContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.H2.create().openOwning();
    }
}
