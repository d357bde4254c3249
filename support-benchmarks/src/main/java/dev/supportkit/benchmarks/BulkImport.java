package dev.supportkit.benchmarks;

import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Importing historical requests through the public API in batches of 1,000 (whole-batch validation,
 * one journal entry each, the storage provider's batch insert), against a raw JDBC batched insert of
 * the same request and journal rows, 1,000 per transaction.
 */
final class BulkImport {
    private static final int BATCH = 1_000;
    private static final Instant REGISTERED = Instant.parse("2024-01-15T09:00:00Z");

    private BulkImport() {
    }

    static Result run(Settings settings) throws Exception {
        try (BenchDatabase db = new BenchDatabase("import"); Fixture fx = new Fixture(db, 4)) {
            int[] next = {0};
            LoadRunner.ThrowingRunnable apiBatch = () -> fx.engine.intake().importRequests(fx.admin, "OTRS",
                    batch(next[0]++));
            for (int i = 0; i < 3; i++) {
                apiBatch.run();
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bl_requests (LIKE sk_requests INCLUDING ALL)");
                s.execute("CREATE TABLE bl_journal (LIKE sk_journal INCLUDING ALL)");
            }
            String[] sample = sample(db);
            int[] nextRaw = {0};
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                LoadRunner.ThrowingRunnable rawBatch = () -> rawBatch(c, sample, nextRaw[0]++);
                for (int i = 0; i < 3; i++) {
                    rawBatch.run();
                }
                double apiMillis = 0;
                double rawMillis = 0;
                for (int i = 0; i < settings.importBatches(); i++) {
                    rawMillis += LoadRunner.millis(rawBatch);
                    apiMillis += LoadRunner.millis(apiBatch);
                }
                double api = settings.importBatches() * BATCH / (apiMillis / 1000);
                double raw = settings.importBatches() * BATCH / (rawMillis / 1000);
                return new Result("bulk-import", "requests/s", api, raw, api / raw, "ratio >= 0.5", api / raw >= 0.5,
                        "raw JDBC batched insert of the same request and journal rows, 1,000 per transaction");
            }
        }
    }

    private static List<ImportedRequest> batch(int number) {
        List<ImportedRequest> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            Instant registered = REGISTERED.plusSeconds(number * 10_000L + i);
            batch.add(new ImportedRequest("OTRS-" + number + "-" + i, Fixture.ORG, Fixture.REP, Fixture.SYSTEM,
                    Channel.EMAIL, "Printer on the 3rd floor jams", "The printer jams on every second page since Monday.",
                    null, RequestStatus.CLOSED, null, registered, registered.plusSeconds(86_400),
                    ResolutionReport.of("Replaced the pickup roller", "Worn pickup roller")));
        }
        return batch;
    }

    /** Snapshot and journal values of an imported request, to insert again at the same sizes. */
    private static String[] sample(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT q.document, j.actor_id, j.actor_name, j.actor_role, j.channel,"
                     + " j.labor_function, j.visibility, j.event_type, j.payload, j.description,"
                     + " encode(j.previous_hash, 'hex'), encode(j.hash, 'hex')"
                     + " FROM sk_requests q JOIN sk_journal j ON j.tenant = q.tenant AND j.request_id = q.id LIMIT 1")) {
            r.next();
            String[] values = new String[12];
            for (int i = 0; i < values.length; i++) {
                values[i] = r.getString(i + 1);
            }
            return values;
        }
    }

    private static void rawBatch(Connection c, String[] sample, int number) throws Exception {
        try (PreparedStatement request = c.prepareStatement(RawRows.INSERT_REQUEST);
             PreparedStatement journal = c.prepareStatement(RawRows.INSERT_JOURNAL)) {
            for (int i = 0; i < BATCH; i++) {
                String id = "raw-" + number + "-" + i;
                Timestamp registered = Timestamp.from(REGISTERED.plusSeconds(number * 10_000L + i));
                RawRows.bindRequest(request, id, "CLOSED", registered, sample[0]);
                request.addBatch();
                RawRows.bindJournal(journal, id, registered, sample, 1);
                journal.addBatch();
            }
            request.executeBatch();
            journal.executeBatch();
            c.commit();
        }
    }
}
