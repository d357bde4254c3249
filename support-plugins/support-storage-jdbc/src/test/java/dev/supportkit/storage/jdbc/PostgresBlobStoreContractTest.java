package dev.supportkit.storage.jdbc;

import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The blob store contract kit on PostgreSQL. */
class PostgresBlobStoreContractTest extends JdbcBlobStoreContract {
    PostgresBlobStoreContractTest() {
        super(TestDatabase.POSTGRES);
    }
}
