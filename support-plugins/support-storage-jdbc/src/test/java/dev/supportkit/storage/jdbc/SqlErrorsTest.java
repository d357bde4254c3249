package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.spi.ProviderSettings;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** SQLState and vendor codes to the SPI's exceptions, per dialect. */
class SqlErrorsTest {
    private static final String SECRET = "pa55-w0rd-secret";

    private static SqlErrors errors(String url) {
        return new SqlErrors(JdbcSettings.parse(new ProviderSettings(Map.of("url", url, "password", SECRET))));
    }

    private static final SqlErrors POSTGRES = errors("jdbc:postgresql://db/app");
    private static final SqlErrors MARIADB = errors("jdbc:mariadb://db/app");
    private static final SqlErrors H2 = errors("jdbc:h2:mem:x");

    @Test
    @DisplayName("duplicate keys, serialization failures, deadlocks and lock timeouts are retryable conflicts")
    void conflicts() {
        assertConflict(POSTGRES, new SQLException("duplicate key", "23505"));
        assertConflict(POSTGRES, new SQLException("could not serialize", "40001"));
        assertConflict(POSTGRES, new SQLException("deadlock detected", "40P01"));
        assertConflict(POSTGRES, new SQLException("lock not available", "55P03"));
        assertConflict(MARIADB, new SQLException("Duplicate entry", "23000", 1062));
        assertConflict(MARIADB, new SQLException("Lock wait timeout exceeded", "HY000", 1205));
        assertConflict(MARIADB, new SQLException("Deadlock found", "40001", 1213));
        assertConflict(H2, new SQLException("Concurrent update", "90131", 90131));
        assertConflict(H2, new SQLException("Timeout trying to lock table", "HYT00", 50200));
    }

    @Test
    @DisplayName("anything else is a ProviderException for 'jdbc' naming the operation and SQLState, not where the "
            + "database lives")
    void failures() {
        SQLException notNull = new SQLException("null value in column \"tenant\"", "23502");
        ProviderException e = assertInstanceOf(ProviderException.class, POSTGRES.translate("insertRequest", notNull));
        assertEquals("jdbc", e.providerId());
        assertEquals("Provider 'jdbc' failed: insertRequest failed in the database [SQLState 23502]", e.getMessage());
        assertSame(notNull, e.getCause());
        SupportException lockTimeoutElsewhere = POSTGRES.translate("x", new SQLException("t", "HY000", 1205));
        assertInstanceOf(ProviderException.class, lockTimeoutElsewhere, "1205 means a conflict only on MariaDB");
        SupportException mariaNotNull = MARIADB.translate("x", new SQLException("Column cannot be null", "23000", 1048));
        assertInstanceOf(ProviderException.class, mariaNotNull, "only MariaDB's duplicate-key codes conflict");
    }

    @Test
    @DisplayName("a lost connection says so; at commit it says the outcome is unknown")
    void lostConnections() {
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        String lost = POSTGRES.translate("findRequest", io).getMessage();
        assertTrue(lost.contains("findRequest lost the connection to the database"), lost);
        assertFalse(lost.contains("db/app"), lost);
        assertTrue(POSTGRES.translateCommit(io).getMessage()
                .contains("whether the transaction was committed is unknown"));
    }

    @Test
    @DisplayName("a driver message that repeats the password is scrubbed")
    void scrubsThePassword() {
        SupportException e = MARIADB.failure("connect", new SQLException("bad password " + SECRET, "28000"));
        assertTrue(e.getMessage().endsWith("bad password ****"), e.getMessage());
        SupportException running = MARIADB.translate("connect", new SQLException("bad password " + SECRET, "28000"));
        assertFalse(running.getMessage().contains(SECRET) || running.getMessage().contains("bad password"),
                running.getMessage());
    }

    private static void assertConflict(SqlErrors errors, SQLException cause) {
        SupportException e = errors.translate("updateRequest", cause);
        assertInstanceOf(ConcurrencyConflictException.class, e, cause.getMessage());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().contains("updateRequest"), e.getMessage());
    }
}
