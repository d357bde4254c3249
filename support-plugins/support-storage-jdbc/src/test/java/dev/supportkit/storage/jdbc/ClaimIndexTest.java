package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The claim queries walk an index by due time over pending rows, so their cost follows the number of
 * due rows: with 20,000 delivered messages and 20,000 future timers stored, the database plans an
 * index scan on the claim indexes, not a scan of the tables.
 */
abstract class ClaimIndexTest {
    static final int STORED = 20_000;

    abstract TestDatabase database();

    /** Fills the tables with rows no claim wants, plus a few due ones, and refreshes the statistics. */
    abstract void seed(Statement statement) throws SQLException;

    /** Returns the plan of a query, one line per row of EXPLAIN's output. */
    abstract String explain(Connection connection, String query) throws SQLException;

    abstract Object now();

    @Test
    @DisplayName("claim queries use the due-time indexes, not a table scan")
    void claimQueriesUseTheirIndexes() throws Exception {
        TestDatabase.Fresh db = database().create();
        try {
            db.open("node-i", Map.of()).close(); // creates the schema
        } catch (RuntimeException e) {
            db.drop().run();
            throw e;
        }
        try (Connection connection = database().connect(db.url());
             Statement statement = connection.createStatement()) {
            seed(statement);
            String outboxPlan = explain(connection, Claims.DUE_OUTBOX + " FOR UPDATE SKIP LOCKED");
            String timerPlan = explain(connection, Claims.DUE_TIMERS + " FOR UPDATE SKIP LOCKED");
            assertTrue(outboxPlan.contains("sk_outbox_due"), "outbox claim plan:\n" + outboxPlan);
            assertTrue(timerPlan.contains("sk_timers_due"), "timer claim plan:\n" + timerPlan);
        } finally {
            db.drop().run();
        }
    }

    String plan(PreparedStatement explain) throws SQLException {
        explain.setObject(1, now());
        explain.setObject(2, now());
        explain.setInt(3, 10);
        List<String> lines = new ArrayList<>();
        try (ResultSet rows = explain.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    line.append(rows.getMetaData().getColumnLabel(i)).append('=').append(rows.getString(i)).append(' ');
                }
                lines.add(line.toString());
            }
        }
        return String.join("\n", lines);
    }
}

class PostgresClaimIndexTest extends ClaimIndexTest {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRES;
    }

    @Override
    void seed(Statement statement) throws SQLException {
        statement.execute("INSERT INTO sk_outbox (id, tenant, topic, created_at, status, attempts, next_attempt_at) "
                + "SELECT 'done-' || g, 't', 'x', TIMESTAMPTZ '2026-01-01 00:00:00Z', 'DELIVERED', 1, "
                + "TIMESTAMPTZ '2026-01-01 00:00:00Z' FROM generate_series(1, " + STORED + ") g");
        statement.execute("INSERT INTO sk_outbox (id, tenant, topic, created_at, status, attempts, next_attempt_at) "
                + "SELECT 'due-' || g, 't', 'x', TIMESTAMPTZ '2026-01-01 00:00:00Z', 'PENDING', 0, "
                + "TIMESTAMPTZ '2026-01-01 00:00:00Z' FROM generate_series(1, 20) g");
        statement.execute("INSERT INTO sk_timers (id, tenant, kind, due_at, attempts) "
                + "SELECT 'later-' || g, 't', 'k', TIMESTAMPTZ '2027-01-01 00:00:00Z', 0 "
                + "FROM generate_series(1, " + STORED + ") g");
        statement.execute("ANALYZE sk_outbox");
        statement.execute("ANALYZE sk_timers");
    }

    @Override
    String explain(Connection connection, String query) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
            return plan(explain);
        }
    }

    @Override
    Object now() {
        return OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }
}

class MariaDbClaimIndexTest extends ClaimIndexTest {
    @Override
    TestDatabase database() {
        return TestDatabase.MARIADB;
    }

    @Override
    void seed(Statement statement) throws SQLException {
        statement.execute("INSERT INTO sk_outbox (id, tenant, topic, created_at, status, attempts, next_attempt_at) "
                + "SELECT CONCAT('done-', seq), 't', 'x', '2026-01-01', 'DELIVERED', 1, '2026-01-01' "
                + "FROM seq_1_to_" + STORED);
        statement.execute("INSERT INTO sk_outbox (id, tenant, topic, created_at, status, attempts, next_attempt_at) "
                + "SELECT CONCAT('due-', seq), 't', 'x', '2026-01-01', 'PENDING', 0, '2026-01-01' FROM seq_1_to_20");
        statement.execute("INSERT INTO sk_timers (id, tenant, kind, due_at, attempts) "
                + "SELECT CONCAT('later-', seq), 't', 'k', '2027-01-01', 0 FROM seq_1_to_" + STORED);
        statement.execute("ANALYZE TABLE sk_outbox, sk_timers");
    }

    @Override
    String explain(Connection connection, String query) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
            return plan(explain);
        }
    }

    @Override
    Object now() {
        return LocalDateTime.of(2026, 6, 1, 0, 0);
    }
}
