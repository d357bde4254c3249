package dev.supportkit.storage.jdbc;

import dev.supportkit.api.error.SupportException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs prepared statements on one connection: binds parameters (instants through the dialect, enums
 * by name, byte arrays as binary, null as SQL NULL), maps rows, and translates every {@link SQLException}.
 */
final class Statements {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private final Connection connection;
    private final Dialect dialect;
    private final SqlErrors errors;
    private final boolean readOnly;

    Statements(Connection connection, Dialect dialect, SqlErrors errors) {
        this(connection, dialect, errors, false);
    }

    /** @param readOnly true for a read run in auto-commit mode: every write is refused */
    Statements(Connection connection, Dialect dialect, SqlErrors errors, boolean readOnly) {
        this.connection = connection;
        this.dialect = dialect;
        this.errors = errors;
        this.readOnly = readOnly;
    }

    private void writable(String operation) {
        if (readOnly) {
            throw new IllegalStateException(operation + " writes, but it runs in a read-only unit of work");
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs a query and maps every row. */
    <T> List<T> query(String operation, String sql, RowMapper<T> mapper, Object... parameters) {
        try (PreparedStatement statement = prepare(sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    /** Runs an insert, update or delete and returns the number of rows it changed. */
    int update(String operation, String sql, Object... parameters) {
        writable(operation);
        try (PreparedStatement statement = prepare(sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw errors.translate(operation, e);
        }
    }

    /**
     * Runs an insert, throwing the given exception (a conflict, or for a blob an illegal state) when the key
     * exists.
     */
    void insert(String operation, Supplier<? extends RuntimeException> duplicate, String sql, Object... parameters) {
        writable(operation);
        try (PreparedStatement statement = prepare(sql, parameters)) {
            if (statement.executeUpdate() == 0) {
                throw duplicate.get();
            }
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e)) {
                RuntimeException conflict = duplicate.get();
                conflict.initCause(e);
                throw conflict;
            }
            throw errors.translate(operation, e);
        }
    }

    /**
     * Inserts many rows with one batched statement; a duplicate key anywhere fails the whole batch.
     *
     * @param operation what is being done, for error messages
     * @param duplicate makes the exception for a duplicate key from the database's report
     * @param sql       the INSERT statement
     * @param rows      the parameters of each row
     */
    void insertBatch(String operation, Function<SQLException, ? extends SupportException> duplicate, String sql,
                     List<Object[]> rows) {
        writable(operation);
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(statement, i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        } catch (SQLException e) {
            if (SqlErrors.isDuplicateKey(e) || e.getNextException() != null
                    && SqlErrors.isDuplicateKey(e.getNextException())) {
                throw duplicate.apply(e);
            }
            throw errors.translate(operation, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** A null of a type other than text: PostgreSQL does not turn a text null into a timestamp on its own. */
    enum TypedNull {
        /** A null timestamp. */
        TIMESTAMP(Types.TIMESTAMP_WITH_TIMEZONE),
        /** A null whole number. */
        INTEGER(Types.INTEGER),
        /** A null long whole number. */
        BIGINT(Types.BIGINT),
        /** A null binary string. */
        BINARY(Types.VARBINARY);

        final int sqlType;

        TypedNull(int sqlType) {
            this.sqlType = sqlType;
        }
    }

    private void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof TypedNull typed) {
            // MariaDB keeps instants as DATETIME, without a zone
            statement.setNull(index, dialect == Dialect.MARIADB && typed == TypedNull.TIMESTAMP ? Types.TIMESTAMP
                    : typed.sqlType);
        } else if (value instanceof Instant instant) {
            dialect.setInstant(statement, index, instant);
        } else if (value instanceof Enum<?> constant) {
            statement.setString(index, constant.name());
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else if (value instanceof byte[] bytes) {
            statement.setBytes(index, bytes);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }
}
