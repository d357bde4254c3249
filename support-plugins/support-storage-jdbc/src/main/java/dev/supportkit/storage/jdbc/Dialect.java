package dev.supportkit.storage.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * What differs between the supported databases: the driver, the migration scripts, how instants are
 * bound, how an upsert is written, and how due rows are claimed.
 */
enum Dialect {
    /** H2 (embedded default). Claims with an optimistic conditional update: its SKIP LOCKED is broken. */
    H2("org.h2.Driver", "h2", false, "TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00'",
            "DATEDIFF(MICROSECOND, {from}, {to})",
            "MERGE INTO sk_directory (tenant, entry_type, entry_id, owner_org, entry_data) "
                    + "KEY (tenant, entry_type, entry_id) VALUES (?, ?, ?, ?, ?)"),
    /**
     * PostgreSQL: timestamptz, SKIP LOCKED claims. A duplicate key fails the insert and aborts the
     * transaction, which the engine rolls back (it retries a conflict in a new one); a plain insert writes
     * less WAL than one with ON CONFLICT, which confirms each row in a record of its own.
     */
    POSTGRESQL("org.postgresql.Driver", "postgresql", true, "TIMESTAMPTZ '1970-01-01 00:00:00+00'",
            "CAST(ROUND(EXTRACT(EPOCH FROM ({to} - {from})) * 1000000) AS BIGINT)",
            "INSERT INTO sk_directory (tenant, entry_type, entry_id, owner_org, entry_data) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (tenant, entry_type, entry_id) "
                    + "DO UPDATE SET owner_org = EXCLUDED.owner_org, entry_data = EXCLUDED.entry_data") {
        /**
         * Through {@link java.sql.Timestamp}: PgJDBC makes one from the eight bytes of a binary timestamptz
         * directly, where an {@link OffsetDateTime} costs it a date, a time, a date-time and (on Java 17) new
         * zone rules per value. A Timestamp counts days in the Julian calendar before 1582, so instants before
         * 1900 are read as OffsetDateTime, exact in every calendar.
         */
        @Override
        Instant getInstant(ResultSet rows, int column) throws SQLException {
            java.sql.Timestamp value = rows.getTimestamp(column);
            if (value == null) {
                return null;
            }
            Instant instant = value.toInstant();
            return instant.isBefore(GREGORIAN_SAFE) ? super.getInstant(rows, column) : instant;
        }

        @Override
        java.util.Optional<String> percentile(int percent, String expression) {
            // PostgreSQL takes the row at ceil(fraction * n) computed in floating point: 0.9 * 10 is a hair
            // above 9, so the fraction is lowered by far less than one row to land on the nearest rank.
            return java.util.Optional.of("percentile_disc(" + (percent / 100.0 - 1e-9) + ") WITHIN GROUP (ORDER BY "
                    + expression + ")");
        }
    },
    /** MariaDB (and MySQL through the MariaDB driver): DATETIME(6) in UTC, SKIP LOCKED claims. */
    MARIADB("org.mariadb.jdbc.Driver", "mariadb", true, "TIMESTAMP '1970-01-01 00:00:00'",
            "TIMESTAMPDIFF(MICROSECOND, {from}, {to})",
            "INSERT INTO sk_directory (tenant, entry_type, entry_id, owner_org, entry_data) "
                    + "VALUES (?, ?, ?, ?, ?) "
                    + "ON DUPLICATE KEY UPDATE owner_org = VALUES(owner_org), entry_data = VALUES(entry_data)") {

        @Override
        void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
            statement.setObject(index, LocalDateTime.ofInstant(micros(value), ZoneOffset.UTC));
        }

        @Override
        Instant getInstant(ResultSet rows, int column) throws SQLException {
            LocalDateTime value = rows.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }
    };

    private final String driverClassName;
    private final String migrationFolder;
    private final boolean skipLocked;
    private final String epoch;
    private final String elapsedMicros;
    private final String upsertDirectory;

    /**
     * @param driverClassName the JDBC driver
     * @param migrationFolder the folder of this dialect's migrations
     * @param skipLocked      whether claims use {@code FOR UPDATE SKIP LOCKED}
     * @param epoch           {@link #epoch()}
     * @param elapsedMicros   {@link #elapsedMicros}, with {@code {from}} and {@code {to}} standing for the columns
     * @param upsertDirectory {@link #upsertDirectory()}
     */
    Dialect(String driverClassName, String migrationFolder, boolean skipLocked, String epoch, String elapsedMicros,
            String upsertDirectory) {
        this.driverClassName = driverClassName;
        this.migrationFolder = migrationFolder;
        this.skipLocked = skipLocked;
        this.epoch = epoch;
        this.elapsedMicros = elapsedMicros;
        this.upsertDirectory = upsertDirectory;
    }

    /**
     * The dialect of a JDBC URL; {@code jdbc:mysql:} is served by the MariaDB driver.
     *
     * @param url the JDBC URL
     * @return the dialect, empty for an unsupported database
     */
    static Optional<Dialect> ofUrl(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return Optional.of(H2);
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return Optional.of(MARIADB);
        }
        return Optional.empty();
    }

    String driverClassName() {
        return driverClassName;
    }

    /** Flyway location of this dialect's migrations; unique, so an application's own Flyway never runs them. */
    String migrationLocation() {
        return "classpath:dev/supportkit/storage/jdbc/migration/" + migrationFolder;
    }

    /** True when claims use {@code FOR UPDATE SKIP LOCKED}, false for the optimistic conditional update. */
    boolean claimsWithSkipLocked() {
        return skipLocked;
    }

    /** Inserts or replaces a directory entry; parameters tenant, type, id, owner, data. */
    String upsertDirectory() {
        return upsertDirectory;
    }

    /**
     * @param from a timestamp column
     * @param to   a later timestamp column
     * @return an SQL expression of the microseconds between them, as a whole number
     */
    String elapsedMicros(String from, String to) {
        return elapsedMicros.replace("{from}", from).replace("{to}", to);
    }

    /** @return an SQL literal of 1970-01-01T00:00Z comparable with the timestamp columns */
    String epoch() {
        return epoch;
    }

    /**
     * @param percent    the percentile, 1 to 100
     * @param expression the values
     * @return an aggregate of the nearest-rank percentile, when the database has one that ranks as
     *         {@code RequestMetricsCounter.percentile} does; empty to rank with {@code ROW_NUMBER} instead
     */
    java.util.Optional<String> percentile(int percent, String expression) {
        return java.util.Optional.empty();
    }

    /** Binds an instant in UTC at microsecond precision (truncated, as every database must agree). */
    void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setObject(index, OffsetDateTime.ofInstant(micros(value), ZoneOffset.UTC));
    }

    /** Reads an instant written by {@link #setInstant}, from the column of this name. */
    Instant getInstant(ResultSet rows, String column) throws SQLException {
        return getInstant(rows, rows.findColumn(column));
    }

    /** Reads an instant written by {@link #setInstant}, from the column at this 1-based place. */
    Instant getInstant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** From here on a {@link java.sql.Timestamp} and an {@link Instant} count the same days. */
    private static final Instant GREGORIAN_SAFE = Instant.parse("1900-01-01T00:00:00Z");

    static Instant micros(Instant value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }
}
