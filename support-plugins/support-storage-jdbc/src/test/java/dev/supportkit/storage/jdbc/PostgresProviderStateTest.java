package dev.supportkit.storage.jdbc;

import dev.supportkit.core.testing.ProviderStateContract;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** Provider state (plugins' compare-and-set values) on Postgres, on a fresh database dropped afterwards. */
class PostgresProviderStateTest extends ProviderStateContract {
    @Override
    protected StorageProvider openStorage() {
        return TestDatabase.POSTGRES.create().openOwning();
    }
}
