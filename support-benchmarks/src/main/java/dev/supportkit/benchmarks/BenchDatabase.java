package dev.supportkit.benchmarks;

import dev.supportkit.core.SupportEngine;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh PostgreSQL schema for one benchmark, dropped at the end. The server comes from
 * {@code SUPPORTKIT_BENCH_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}) and
 * {@code SUPPORTKIT_BENCH_POSTGRES_USER} (default {@code postgres}).
 */
final class BenchDatabase implements AutoCloseable {
    final String baseUrl;
    final String user;
    final String schema;

    BenchDatabase(String purpose) throws SQLException {
        this.baseUrl = System.getenv().getOrDefault("SUPPORTKIT_BENCH_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        this.user = System.getenv().getOrDefault("SUPPORTKIT_BENCH_POSTGRES_USER", "postgres");
        this.schema = ("skb_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replace('-', '_');
        execute("CREATE SCHEMA " + schema);
    }

    /** @return the JDBC URL of the schema */
    String url() {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * Points an engine builder at this schema: JDBC storage through a pool of {@code poolSize} connections, and
     * no polling of due work (a benchmark runs it when it means to).
     *
     * @param builder  the builder, with the benchmark's other settings
     * @param poolSize connections in the pool
     * @return the builder
     */
    SupportEngine.Builder storeIn(SupportEngine.Builder builder, int poolSize) {
        return builder
                .set("supportkit.storage.provider", "jdbc")
                .set("supportkit.providers.jdbc.url", url())
                .set("supportkit.providers.jdbc.user", user)
                .set("supportkit.providers.jdbc.pool-size", Integer.toString(poolSize))
                .set("supportkit.jobs.poll-interval-ms", "0");
    }

    /**
     * Starts an engine on this schema whose clock stands still at {@code now}, with no environment settings.
     *
     * @param now      the engine's fixed time
     * @param poolSize connections in the pool
     * @return the running engine
     */
    SupportEngine startAt(Instant now, int poolSize) {
        return storeIn(SupportEngine.builder().environment(Map.of()).clock(Clock.fixed(now, ZoneOffset.UTC)), poolSize)
                .build();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
