package dev.supportkit.storage.jdbc;

import dev.supportkit.storage.jdbc.testing.TestDatabase;

/** The blob store contract kit on H2. */
class H2BlobStoreContractTest extends JdbcBlobStoreContract {
    H2BlobStoreContractTest() {
        super(TestDatabase.H2);
    }
}
