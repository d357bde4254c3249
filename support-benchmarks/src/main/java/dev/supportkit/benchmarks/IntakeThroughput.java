package dev.supportkit.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Registering contacts through the public API (validation against the directory, request, contact,
 * hash-chained journal entry, outbox row, one transaction) on PostgreSQL, against a raw JDBC
 * transaction that inserts one request row, one journal row and one outbox row of the same sizes.
 */
final class IntakeThroughput {
    private IntakeThroughput() {
    }

    static List<Result> run(Settings settings) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase("intake"); Fixture fx = new Fixture(db, 10)) {
            LoadRunner.WorkerFactory api = () -> () -> fx.engine.intake().registerContact(fx.operator, Fixture.contact());
            LoadRunner.throughput(2, settings.warmup(), api);
            SampleRows rows = SampleRows.read(db);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bl_requests (LIKE sk_requests INCLUDING ALL)");
                s.execute("CREATE TABLE bl_journal (LIKE sk_journal INCLUDING ALL)");
                s.execute("CREATE TABLE bl_outbox (LIKE sk_outbox INCLUDING ALL)");
            }
            LoadRunner.WorkerFactory baseline = () -> new RawIntake(db, rows);
            LoadRunner.throughput(2, settings.warmup(), baseline);
            for (int threads : new int[] {1, 8}) {
                double apiTotal = 0;
                double baseTotal = 0;
                for (int round = 0; round < settings.rounds(); round++) {
                    baseTotal += LoadRunner.throughput(threads, settings.measure(), baseline);
                    apiTotal += LoadRunner.throughput(threads, settings.measure(), api);
                }
                double value = apiTotal / settings.rounds();
                double base = baseTotal / settings.rounds();
                results.add(new Result("intake-throughput-" + threads + "-thread" + (threads == 1 ? "" : "s"),
                        "requests/s", value, base, value / base, "ratio >= 0.6", value / base >= 0.6,
                        "raw JDBC: one transaction inserting a request, a journal and an outbox row of the same sizes"));
            }
        }
        return results;
    }

    /** The values of one request, journal and outbox row the API wrote, to insert again at the same sizes. */
    record SampleRows(String snapshot, String[] journal, String[] outbox) {
        static SampleRows read(BenchDatabase db) throws Exception {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                String snapshot;
                try (ResultSet r = s.executeQuery("SELECT snapshot FROM sk_requests LIMIT 1")) {
                    r.next();
                    snapshot = r.getString(1);
                }
                String[] journal = new String[11];
                try (ResultSet r = s.executeQuery("SELECT actor_id, actor_name, actor_role, channel, labor_function,"
                        + " visibility, event_type, payload, description, previous_hash, hash FROM sk_journal LIMIT 1")) {
                    r.next();
                    for (int i = 0; i < journal.length; i++) {
                        journal[i] = r.getString(i + 1);
                    }
                }
                String[] outbox = new String[4];
                try (ResultSet r = s.executeQuery("SELECT topic, recipient, payload, idempotency_key FROM sk_outbox"
                        + " LIMIT 1")) {
                    r.next();
                    for (int i = 0; i < outbox.length; i++) {
                        outbox[i] = r.getString(i + 1);
                    }
                }
                return new SampleRows(snapshot, journal, outbox);
            }
        }
    }

    /** One thread's raw JDBC transaction: a request row, a journal row, an outbox row. */
    private static final class RawIntake implements LoadRunner.Worker {
        private final Connection connection;
        private final PreparedStatement request;
        private final PreparedStatement journal;
        private final PreparedStatement outbox;
        private final SampleRows rows;

        RawIntake(BenchDatabase db, SampleRows rows) throws Exception {
            this.rows = rows;
            connection = db.connect();
            connection.setAutoCommit(false);
            request = connection.prepareStatement("INSERT INTO bl_requests (tenant, id, version, status, organization,"
                    + " support_line, registered_at, updated_at, snapshot) VALUES (?,?,?,?,?,?,?,?,?)");
            journal = connection.prepareStatement("INSERT INTO bl_journal (tenant, request_id, seq, occurred_at,"
                    + " actor_id, actor_name, actor_role, channel, labor_function, visibility, event_type, payload,"
                    + " description, previous_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            outbox = connection.prepareStatement("INSERT INTO bl_outbox (id, tenant, request_id, topic, recipient,"
                    + " payload, idempotency_key, created_at, status, attempts, next_attempt_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        }

        @Override
        public void run() throws Exception {
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.EPOCH.plusSeconds(id.hashCode() & 0xffff));
            request.setString(1, "bench");
            request.setString(2, id);
            request.setLong(3, 1);
            request.setString(4, "REGISTERED");
            request.setString(5, "org-1");
            request.setString(6, "FIRST_LINE");
            request.setTimestamp(7, now);
            request.setTimestamp(8, now);
            request.setString(9, rows.snapshot());
            request.executeUpdate();
            journal.setString(1, "bench");
            journal.setString(2, id);
            journal.setLong(3, 1);
            journal.setTimestamp(4, now);
            for (int i = 0; i < rows.journal().length; i++) {
                journal.setString(5 + i, rows.journal()[i]);
            }
            journal.executeUpdate();
            outbox.setString(1, UUID.randomUUID().toString());
            outbox.setString(2, "bench");
            outbox.setString(3, id);
            for (int i = 0; i < rows.outbox().length; i++) {
                outbox.setString(4 + i, rows.outbox()[i]);
            }
            outbox.setTimestamp(8, now);
            outbox.setString(9, "PENDING");
            outbox.setInt(10, 0);
            outbox.setTimestamp(11, now);
            outbox.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.close();
        }
    }
}
