package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.SupportException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link SQLException} into the SPI's exceptions, by SQLState first and vendor code where
 * the state is too coarse: a conflict the database detected (duplicate key, serialization failure,
 * deadlock, lock timeout) becomes {@link ConcurrencyConflictException}, because retrying may succeed;
 * anything else a {@link ProviderException}. While the store runs, its message says what failed (the
 * operation and the SQLState), not where the database lives: the URL, the database's own message and the
 * cause chain go to the log (never the password). Failures at start, which an operator reads, name the
 * URL.
 */
final class SqlErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SqlErrors.class);
    /** MariaDB/MySQL: duplicate entry, duplicate key on write or update, lock wait timeout, deadlock. */
    private static final Set<Integer> MARIADB_CONFLICTS = Set.of(1062, 1586, 1205, 1213);
    /** H2: concurrent update of a row, lock timeout, deadlock. */
    private static final Set<Integer> H2_CONFLICTS = Set.of(90131, 50200, 40001);

    private final JdbcSettings settings;

    SqlErrors(JdbcSettings settings) {
        this.settings = settings;
    }

    /** True for a unique-key violation on any supported database. */
    static boolean isDuplicateKey(SQLException e) {
        String state = e.getSQLState();
        return "23505".equals(state) || ("23000".equals(state) && (e.getErrorCode() == 1062 || e.getErrorCode() == 1586));
    }

    /** True when the database reports a conflict with a concurrent transaction that a retry may avoid. */
    boolean isConflict(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return isDuplicateKey(e)
                || state.startsWith("40") // transaction rollback: serialization failure, deadlock
                || state.equals("55P03") // PostgreSQL lock_not_available
                || switch (settings.url().dialect()) {
                    case H2 -> H2_CONFLICTS.contains(e.getErrorCode());
                    case MARIADB -> MARIADB_CONFLICTS.contains(e.getErrorCode());
                    case POSTGRESQL -> false;
                };
    }

    /** True when the connection to the database is lost or cannot be made. */
    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || e instanceof SQLNonTransientConnectionException
                || e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException;
    }

    /**
     * Translates a failure of one operation.
     *
     * @param operation what was being done, e.g. {@code updateRequest}
     * @param e         the failure
     * @return the exception to throw
     */
    SupportException translate(String operation, SQLException e) {
        if (isConflict(e)) {
            return conflict(operation, e);
        }
        String what = isConnectionFailure(e)
                ? operation + " lost the connection to the database (it rolls back the open transaction)"
                : operation + " failed in the database";
        return runtimeFailure(what, e);
    }

    /**
     * Translates a failure of commit: a lost connection leaves the outcome unknown.
     *
     * @param e the failure
     * @return the exception to throw
     */
    SupportException translateCommit(SQLException e) {
        if (isConflict(e)) {
            return conflict("commit", e);
        }
        if (isConnectionFailure(e)) {
            return runtimeFailure("commit lost the connection to the database; whether the transaction was "
                    + "committed is unknown", e);
        }
        return runtimeFailure("commit failed in the database", e);
    }

    /**
     * A conflict with a concurrent transaction that the database detected.
     *
     * @param operation the operation that hit it
     * @param e         the database's report
     * @return the exception, with the report as its cause
     */
    private static ConcurrencyConflictException conflict(String operation, SQLException e) {
        return new ConcurrencyConflictException("storage operation '" + operation + "' conflicted with a concurrent"
                + " transaction (SQLState " + e.getSQLState() + "); retrying may succeed", e);
    }

    /**
     * A failure of the store, described without secrets.
     *
     * @param what what failed, naming the operation
     * @param e    the cause, or null
     * @return the exception
     */
    ProviderException failure(String what, SQLException e) {
        String detail = e == null ? "" : ": " + describe(e);
        return new ProviderException(JdbcStorageProviderFactory.ID, settings.scrub(what + detail), e);
    }

    /**
     * A failure while the store runs: the message names the operation and the SQLState only; the database's
     * address and its own message are logged (without secrets) and kept in the cause.
     *
     * @param what what failed, naming the operation
     * @param e    the cause, or null
     * @return the exception
     */
    ProviderException runtimeFailure(String what, SQLException e) {
        String state = e == null || e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
        LOG.warn("{} ({}): {}", what, settings.url(), e == null ? "" : settings.scrub(describe(e)));
        return new ProviderException(JdbcStorageProviderFactory.ID, what + state, e);
    }

    private static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : "[SQLState " + e.getSQLState() + "] ";
        return state + e.getMessage();
    }
}
