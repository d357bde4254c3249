package dev.supportkit.storage.jdbc;

import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.tck.StorageProviderContract;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The storage contract kit on H2, each test on a fresh empty database dropped afterwards. */
class H2StorageContractTest extends StorageProviderContract {
    @Override
    protected StorageProvider createProvider() {
        return TestDatabase.H2.create().openOwning();
    }
}
