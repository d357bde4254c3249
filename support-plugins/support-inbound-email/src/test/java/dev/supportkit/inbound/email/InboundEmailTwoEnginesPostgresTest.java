package dev.supportkit.inbound.email;

import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The 200-message, two-engine test of {@link InboundEmailTwoEnginesTest} with both engines on one real PostgreSQL
 * database (a fresh schema at {@code SUPPORTKIT_TEST_POSTGRES_URL}, by default 127.0.0.1:5432/test): the mailbox
 * lease, the stored UID and the per-message markers hold across engines on the production database as well.
 */
class InboundEmailTwoEnginesPostgresTest extends InboundEmailTwoEnginesTest {
    private TestDatabase.Fresh database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.POSTGRES.create();
    }

    @AfterEach
    void dropDatabase() {
        database.drop().run();
    }

    @Override
    Map<String, String> storage() {
        return database.engineSettings();
    }
}
