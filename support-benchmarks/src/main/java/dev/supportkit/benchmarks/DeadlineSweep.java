package dev.supportkit.benchmarks;

import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import dev.supportkit.spi.storage.TimerRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The time to find and claim the 100 due timers among the pending deadlines of many open requests on
 * PostgreSQL, against the same sweep with 1,000 open requests: the work must grow with the number due,
 * not the number open.
 */
final class DeadlineSweep {
    private static final Instant T0 = Instant.parse("2026-03-12T06:00:00Z");
    private static final int DUE = 100;
    private static final int ROUNDS = 25;

    private DeadlineSweep() {
    }

    static Result run(Settings settings) throws Exception {
        double large = medianClaimMillis(settings.openRequests());
        double small = medianClaimMillis(1_000);
        return new Result("deadline-sweep-" + settings.openRequests() + "-open-" + DUE + "-due", "ms per sweep", large,
                small, large / small, "ratio <= 2 (grows with the number due, not the number open)",
                large / small <= 2.0, "the same sweep with 1,000 open requests");
    }

    private static double medianClaimMillis(int open) throws Exception {
        try (BenchDatabase db = new BenchDatabase("sweep")) {
            Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
            StorageProvider storage = Providers.create(StorageProviderFactory.class, "jdbc", clock,
                    Map.of("url", db.url(), "user", db.user));
            try (storage; Connection c = db.connect()) {
                populate(c, open);
                List<Double> samples = new ArrayList<>();
                Instant now = T0.plus(Duration.ofDays(1));
                for (int round = 0; round < ROUNDS; round++) {
                    addDue(c, round);
                    List<TimerRecord> claimed = new ArrayList<>();
                    samples.add(LoadRunner.millis(() -> claimed.addAll(storage.inTransaction(tx -> tx.claimDueTimers(
                            new Lease(Providers.NODE, now, now.plusSeconds(60), DUE))))));
                    if (claimed.size() != DUE) {
                        throw new IllegalStateException("claimed " + claimed.size() + " of " + DUE + " due timers");
                    }
                    storage.inTransaction(tx -> {
                        claimed.forEach(t -> tx.completeTimer(t.id(), Providers.NODE));
                        return null;
                    });
                }
                Collections.sort(samples);
                return samples.get(samples.size() / 2);
            }
        }
    }

    /** Open requests, each with its resolution deadline pending a month ahead. */
    private static void populate(Connection c, int open) throws Exception {
        try (PreparedStatement requests = c.prepareStatement("INSERT INTO sk_requests (tenant, id, version, status,"
                + " organization, support_line, registered_at, updated_at, document) SELECT 'bench', 'r-' || g, 1,"
                + " 'AT_SECOND_LINE', 'org-1', 'SECOND_LINE', ?, ?, '{}' FROM generate_series(1, ?) g");
             PreparedStatement timers = c.prepareStatement("INSERT INTO sk_timers (id, tenant, request_id, kind,"
                     + " due_at, payload, attempts) SELECT 't-' || g, 'bench', 'r-' || g, 'sla.resolution',"
                     + " CAST(? AS TIMESTAMP WITH TIME ZONE) + g * interval '1 second', '{}', 0 FROM generate_series(1, ?) g")) {
            Timestamp t0 = Timestamp.from(T0);
            requests.setTimestamp(1, t0);
            requests.setTimestamp(2, t0);
            requests.setInt(3, open);
            requests.executeUpdate();
            timers.setTimestamp(1, Timestamp.from(T0.plus(Duration.ofDays(30))));
            timers.setInt(2, open);
            timers.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE sk_requests");
            s.execute("ANALYZE sk_timers");
        }
    }

    private static void addDue(Connection c, int round) throws Exception {
        try (PreparedStatement due = c.prepareStatement("INSERT INTO sk_timers (id, tenant, request_id, kind, due_at,"
                + " payload, attempts) SELECT 'due-' || ? || '-' || g, 'bench', 'r-' || g, 'sla.resolution.warning',"
                + " CAST(? AS TIMESTAMP WITH TIME ZONE) + g * interval '1 second', '{}', 0 FROM generate_series(1, ?) g")) {
            due.setInt(1, round);
            due.setTimestamp(2, Timestamp.from(T0.plus(Duration.ofHours(1))));
            due.setInt(3, DUE);
            due.executeUpdate();
        }
    }
}
