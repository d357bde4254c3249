package dev.supportkit.storage.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Storage in a relational database through JDBC: H2 (the embedded default), PostgreSQL or MariaDB,
 * with a HikariCP pool and a schema kept by Flyway. Created by {@link JdbcStorageProviderFactory}.
 *
 * <p>Each {@link #inTransaction(Function)} call is one JDBC transaction at READ COMMITTED; writes
 * are checked optimistically (a request update names the version it was based on). A conflict the
 * database detects is reported as {@link dev.supportkit.api.error.ConcurrencyConflictException}, any
 * other database failure as {@link ProviderException} for provider {@code jdbc}; neither ever contains
 * the password. Attachments are kept in the same database ({@link #blobs()}). Thread-safe.
 */
public final class JdbcStorageProvider implements StorageProvider {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStorageProvider.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final JdbcSettings settings;
    private final DataCodec codec;
    private final SqlErrors errors;
    private final HikariDataSource pool;
    private final JdbcBlobStore blobs;
    private final AtomicBoolean closed = new AtomicBoolean();

    JdbcStorageProvider(JdbcSettings settings, ProviderContext context) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.codec = Objects.requireNonNull(context.codec(), "codec");
        this.errors = new SqlErrors(settings);
        settings.h2FileDirectory().ifPresent(this::createDirectory);
        this.pool = openPool(settings);
        try {
            new SchemaMigrator(settings, codec).apply(pool, binaryCollation());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        this.blobs = new JdbcBlobStore(this, context.clock());
        LOG.info("JDBC storage ready: {} (node {})", this, context.nodeId());
    }

    private void createDirectory(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ProviderException(JdbcStorageProviderFactory.ID, "cannot create the H2 data directory '"
                    + directory + "': " + e, e);
        }
    }

    private HikariDataSource openPool(JdbcSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("supportkit-jdbc-" + POOLS.incrementAndGet());
        config.setDataSource(new DriverConnections(settings));
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeoutMs());
        config.setValidationTimeout(Math.min(5_000, settings.connectionTimeoutMs()));
        config.setAutoCommit(false);
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            SQLException cause = sqlCause(e);
            throw errors.failure("cannot connect to " + settings.url()
                    + settings.user().map(user -> " as user '" + user + "'").orElse("") + " ("
                    + JdbcSettings.PREFIX + JdbcSettings.CONNECTION_TIMEOUT_MS.name() + "="
                    + settings.connectionTimeoutMs() + ")" + (cause == null ? ": " + e.getMessage() : ""), cause);
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** MariaDB: a binary collation without trailing-space padding; MySQL 8 names it differently. */
    private String binaryCollation() {
        if (settings.url().dialect() != Dialect.MARIADB) {
            return "";
        }
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT VERSION()")) {
            rows.next();
            boolean mariaDb = rows.getString(1).toLowerCase(Locale.ROOT).contains("mariadb");
            connection.commit();
            return mariaDb ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin";
        } catch (SQLException e) {
            throw errors.translate("reading the server version", e);
        }
    }

    @Override
    public <T> T inTransaction(Function<StorageTransaction, T> work) {
        return run(work, false);
    }

    /**
     * Runs a read in auto-commit mode: under READ COMMITTED each statement has its own view inside a
     * transaction too, so the transaction would add nothing but a commit round trip. Writes are refused.
     */
    @Override
    public <T> T read(Function<StorageTransaction, T> work) {
        return run(work, true);
    }

    private <T> T run(Function<StorageTransaction, T> work, boolean readOnly) {
        Objects.requireNonNull(work, "work");
        return onConnection(readOnly, statements -> {
            JdbcTransaction transaction = new JdbcTransaction(statements, codec);
            try {
                return work.apply(transaction);
            } finally {
                transaction.end();
            }
        });
    }

    /**
     * Runs work on one pooled connection: a read in auto-commit mode (every write refused), anything else as
     * one transaction, committed when the work returns and rolled back when it throws.
     *
     * @param readOnly true for a read
     * @param work     the statements to run
     * @param <T>      the result type
     * @return what the work returned
     */
    <T> T onConnection(boolean readOnly, Function<Statements, T> work) {
        if (closed.get()) {
            throw new IllegalStateException("the JDBC storage provider is closed");
        }
        Connection connection = connect();
        try {
            if (readOnly) {
                autoCommit(connection, true);
            }
            T result = work.apply(new Statements(connection, settings.url().dialect(), errors, readOnly));
            if (readOnly) {
                autoCommit(connection, false); // as the pool hands connections out
            } else {
                commit(connection);
            }
            return result;
        } catch (RuntimeException | Error e) {
            rollback(connection);
            throw e;
        } finally {
            close(connection);
        }
    }

    private Connection connect() {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            throw errors.runtimeFailure("no connection to the database within " + settings.connectionTimeoutMs()
                    + " ms", e);
        }
    }

    private void autoCommit(Connection connection, boolean on) {
        try {
            connection.setAutoCommit(on);
        } catch (SQLException e) {
            throw errors.translate("switching auto-commit", e);
        }
    }

    private void commit(Connection connection) {
        try {
            connection.commit();
        } catch (SQLException e) {
            throw errors.translateCommit(e);
        }
    }

    private void rollback(Connection connection) {
        try {
            if (connection.isClosed()) {
                return; // lost and closed by the pool: the database rolls the transaction back itself
            }
            connection.rollback();
        } catch (SQLException e) {
            // The transaction's own exception is what the caller needs; a lost connection rolls back anyway.
            LOG.warn("Rollback failed on {}: {}", settings.url(), settings.scrub(String.valueOf(e.getMessage())));
        }
    }

    private void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Returning a connection to the pool failed: {}", settings.scrub(e.getMessage()));
        }
    }

    /**
     * Returns the blob store in this database: attachments in the tables {@code sk_blobs} and
     * {@code sk_blob_chunks}, written and read a chunk of 1 MiB at a time.
     *
     * @return the database's blob store, the same one on every call
     */
    @Override
    public Optional<BlobStore> blobs() {
        return Optional.of(blobs);
    }

    /** Closes the pool; open transactions are not interrupted. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.close();
            LOG.info("JDBC storage closed: {}", settings.url());
        }
    }

    /**
     * Returns the database URL (without secrets), the user and the pool size; never the password.
     *
     * @return a description for logs
     */
    @Override
    public String toString() {
        return "JdbcStorageProvider[" + settings.url().dialect().name().toLowerCase(Locale.ROOT) + " "
                + settings.url() + ", user=" + settings.user().orElse("") + ", pool-size=" + settings.poolSize()
                + ", schema=" + settings.schemaMode().name().toLowerCase(Locale.ROOT) + "]";
    }
}
