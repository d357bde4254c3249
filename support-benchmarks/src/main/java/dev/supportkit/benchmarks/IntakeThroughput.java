package dev.supportkit.benchmarks;

import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.request.ContactDraft;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Registering contacts through the public API (validation against the directory, choosing the system's
 * questionnaire and checking five answers against it, request, contact, hash-chained journal entry, outbox
 * row, one transaction) on PostgreSQL, against a raw JDBC transaction that inserts one request row, one
 * journal row and one outbox row of the same sizes.
 */
final class IntakeThroughput {
    private IntakeThroughput() {
    }

    static List<Result> run(Settings settings) throws Exception {
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase("intake"); Fixture fx = new Fixture(db, 10)) {
            fx.engine.intake().defineQuestionnaire(fx.admin, questionnaire());
            ContactDraft contact = contactWithAnswers();
            LoadRunner.WorkerFactory api = () -> () -> fx.engine.intake().registerContact(fx.operator, contact);
            LoadRunner.throughput(2, settings.warmup(), api);
            SampleRows rows = SampleRows.read(db);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bl_requests (LIKE sk_requests INCLUDING ALL)");
                s.execute("CREATE TABLE bl_journal (LIKE sk_journal INCLUDING ALL)");
                s.execute("CREATE TABLE bl_outbox (LIKE sk_outbox INCLUDING ALL)");
            }
            LoadRunner.WorkerFactory baseline = () -> new RawIntake(db, rows);
            LoadRunner.throughput(2, settings.warmup(), baseline);
            results.addAll(LoadRunner.againstBaseline(settings, "intake-throughput", api, baseline,
                    "raw JDBC: one transaction inserting a request, a journal and an outbox row of the same sizes"));
        }
        return results;
    }

    /** The questionnaire for the fixture's PBX model: five questions of five types, one shown on a condition. */
    static Questionnaire questionnaire() {
        return new Questionnaire(QuestionnaireId.of("pbx-no-calls"), 1, "PBX: calls do not go through",
                Optional.of("NT-300"), Optional.empty(), "Telephony department", LocalDate.of(2026, 11, 20), List.of(
                Question.choice("users-affected", "How many users are affected?", QuestionType.SINGLE_CHOICE, true,
                        List.of("one", "several", "all")),
                Question.of("whole-office", "Is the whole office without calls?", QuestionType.YES_NO, true)
                        .shownWhen("users-affected", "all"),
                Question.choice("symptoms", "What do callers hear?", QuestionType.MULTIPLE_CHOICE, false,
                        List.of("no-dial-tone", "busy-tone", "one-way-audio")),
                Question.of("handsets", "How many handsets are dead?", QuestionType.NUMBER, false)
                        .between(BigDecimal.ONE, new BigDecimal("500")),
                Question.of("since", "Since when?", QuestionType.DATE_TIME, true)));
    }

    /** The fixture's contact (always a new request) with answers to every question. */
    static ContactDraft contactWithAnswers() {
        ContactDraft c = Fixture.contact();
        return ContactDraft.builder().organization(c.organization()).representative(c.representative())
                .system(c.system()).channel(c.channel()).priority(c.priority()).subject(c.subject()).text(c.text())
                .newRequest(true).answer("users-affected", "all").answer("whole-office", "yes")
                .answer("symptoms", "busy-tone").answer("handsets", "12").answer("since", "2026-11-25T09:00")
                .build();
    }

    /** The values of one request, journal and outbox row the API wrote, to insert again at the same sizes. */
    record SampleRows(String snapshot, String[] journal, String[] outbox) {
        static SampleRows read(BenchDatabase db) throws Exception {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                String snapshot;
                try (ResultSet r = s.executeQuery("SELECT document FROM sk_requests LIMIT 1")) {
                    r.next();
                    snapshot = r.getString(1);
                }
                String[] journal = new String[11];
                try (ResultSet r = s.executeQuery("SELECT actor_id, actor_name, actor_role, channel, labor_function,"
                        + " visibility, event_type, payload, description, encode(previous_hash, 'hex'), encode(hash, 'hex')"
                        + " FROM sk_journal LIMIT 1")) {
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
            request = connection.prepareStatement(RawRows.INSERT_REQUEST);
            journal = connection.prepareStatement(RawRows.INSERT_JOURNAL);
            outbox = connection.prepareStatement("INSERT INTO bl_outbox (id, tenant, request_id, topic, recipient,"
                    + " payload, idempotency_key, created_at, status, attempts, next_attempt_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?)");
        }

        @Override
        public void run() throws Exception {
            String id = UUID.randomUUID().toString();
            Timestamp now = Timestamp.from(Instant.EPOCH.plusSeconds(id.hashCode() & 0xffff));
            RawRows.bindRequest(request, id, "REGISTERED", now, rows.snapshot());
            request.executeUpdate();
            RawRows.bindJournal(journal, id, now, rows.journal(), 0);
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
