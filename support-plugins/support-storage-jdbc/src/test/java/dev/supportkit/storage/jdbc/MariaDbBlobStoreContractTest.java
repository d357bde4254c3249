package dev.supportkit.storage.jdbc;

import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The blob store contract kit on MariaDB. */
class MariaDbBlobStoreContractTest extends JdbcBlobStoreContract {
    MariaDbBlobStoreContractTest() {
        super(TestDatabase.MARIADB);
    }
}
