package dev.supportkit.storage.jdbc;

import dev.supportkit.core.testing.ProviderStateContract;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** Provider state (plugins' compare-and-set values) on H2, on a fresh database dropped afterwards. */
class H2ProviderStateTest extends ProviderStateContract {
    @Override
    protected StorageProvider openStorage() {
        return TestDatabase.H2.create().openOwning();
    }
}
