package dev.supportkit.benchmarks;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.ResolutionReport;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What one registration costs against a fixed raw JDBC anchor that does not follow SupportKit's row sizes
 * (issue 13): throughput at 1 and 8 threads, WAL bytes per registration, and WAL bytes per whole life of a
 * request (register, take into work, redirect to the second line, resolve, sign off, close).
 *
 * <p>The anchor is one transaction inserting a ticket row (uuid key, tenant, customer, subject,
 * a 500-character description, priority, status, category, created, first-response and resolution due,
 * version), a journal row (identity key, ticket, sequence, time, actor, kind, a 20-character payload) and an
 * outbox row (identity key, ticket, channel, a 45-character payload, due time, attempts). The API registers a
 * phone contact with a 30-character subject and the same 500-character text. WAL is the difference of
 * {@code pg_current_wal_insert_lsn()} around a counted batch on one thread (the server's other work is in it
 * too, which the alternating rounds spread over both sides).
 */
final class WriteCost {
    /** The contact's and the anchor's description: 500 characters. */
    static final String TEXT = ("Since 09:00 callers hear a busy tone on every trunk of the head office; internal "
            + "calls work. We restarted the PBX twice and checked the SIP registrations, which look fine. ")
            .repeat(3).substring(0, 500);
    /** The contact's subject: 30 characters. */
    static final String SUBJECT = "No incoming calls since 09:00!";
    private static final GroupId GROUP = GroupId.of("grp-telephony");
    private static final int WAL_BATCH = 1_000;
    private static final int LIVES = 200;

    private WriteCost() {
    }

    static List<Result> run(Settings settings) throws Exception {
        if (TEXT.length() != 500 || SUBJECT.length() != 30) {
            throw new IllegalStateException("the anchor's sizes changed");
        }
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase("write"); Fixture fx = new Fixture(db, 10)) {
            Staff staff = Staff.enrol(fx);
            createAnchorTables(db);
            ContactDraft contact = ContactDraft.builder().organization(Fixture.ORG).representative(Fixture.REP)
                    .system(Fixture.SYSTEM).channel(Channel.PHONE).priority(Priority.NORMAL).subject(SUBJECT)
                    .text(TEXT).newRequest(true).build();
            LoadRunner.WorkerFactory api = () -> () -> fx.engine.intake().registerContact(fx.operator, contact);
            LoadRunner.WorkerFactory anchor = () -> new Anchor(db);
            LoadRunner.throughput(2, settings.warmup(), api);
            LoadRunner.throughput(2, settings.warmup(), anchor);
            results.addAll(LoadRunner.againstBaseline(settings, "registration-vs-anchor", api, anchor,
                    "fixed raw JDBC anchor: ticket, journal and outbox row in one transaction"));

            double apiWal = 0;
            double anchorWal = 0;
            for (int round = 0; round < settings.rounds(); round++) {
                try (Anchor worker = new Anchor(db)) {
                    anchorWal += walPerOperation(db, WAL_BATCH, worker::run);
                }
                apiWal += walPerOperation(db, WAL_BATCH, () -> fx.engine.intake().registerContact(fx.operator, contact));
            }
            apiWal /= settings.rounds();
            anchorWal /= settings.rounds();
            results.add(new Result("wal-bytes-per-registration", "bytes", apiWal, anchorWal, apiWal / anchorWal,
                    "ratio <= 2", apiWal / anchorWal <= 2.0, "the fixed anchor's WAL bytes per transaction"));

            double life = walPerOperation(db, LIVES, () -> staff.wholeLife(fx.engine.intake()
                    .registerContact(fx.operator, contact)));
            results.add(new Result("wal-bytes-per-whole-life", "bytes", life, anchorWal, life / anchorWal,
                    "value <= 10000 bytes (absolute; the ratio is to one anchor transaction)", life <= 10_000,
                    "the fixed anchor's WAL bytes per transaction"));
        }
        return results;
    }

    /** WAL bytes per operation over a batch on this thread. */
    private static double walPerOperation(BenchDatabase db, int count, LoadRunner.ThrowingRunnable operation)
            throws Exception {
        try (Connection c = db.connect()) {
            long before = lsn(c);
            for (int i = 0; i < count; i++) {
                operation.run();
            }
            return (double) (lsn(c) - before) / count;
        }
    }

    private static long lsn(Connection c) throws Exception {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::bigint")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void createAnchorTables(BenchDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE anchor_ticket (id uuid PRIMARY KEY, tenant varchar(64), customer varchar(64),"
                    + " subject varchar(200), description text, priority int, status varchar(20),"
                    + " category varchar(64), created_at timestamp, first_response_due timestamp,"
                    + " resolution_due timestamp, version bigint)");
            s.execute("CREATE TABLE anchor_journal (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " ticket_id uuid, seq int, at timestamp, actor varchar(64), kind varchar(64), payload text)");
            s.execute("CREATE TABLE anchor_outbox (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                    + " ticket_id uuid, channel varchar(20), payload text, due_at timestamp, attempts int)");
        }
    }

    /** One thread's anchor transaction. */
    private static final class Anchor implements LoadRunner.Worker {
        private static final String JOURNAL_PAYLOAD = "{\"channel\":\"PHONE\"}!"; // 20 characters
        private static final String OUTBOX_PAYLOAD = "{\"topic\":\"request.registered\",\"lang\":\"ru\"}!!!"; // 45
        private final Connection connection;
        private final PreparedStatement ticket;
        private final PreparedStatement journal;
        private final PreparedStatement outbox;

        Anchor(BenchDatabase db) throws Exception {
            if (JOURNAL_PAYLOAD.length() != 20 || OUTBOX_PAYLOAD.length() != 45) {
                throw new IllegalStateException("the anchor's payload sizes changed");
            }
            connection = db.connect();
            connection.setAutoCommit(false);
            ticket = connection.prepareStatement("INSERT INTO anchor_ticket (id, tenant, customer, subject,"
                    + " description, priority, status, category, created_at, first_response_due, resolution_due,"
                    + " version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            journal = connection.prepareStatement("INSERT INTO anchor_journal (ticket_id, seq, at, actor, kind,"
                    + " payload) VALUES (?,?,?,?,?,?)");
            outbox = connection.prepareStatement("INSERT INTO anchor_outbox (ticket_id, channel, payload, due_at,"
                    + " attempts) VALUES (?,?,?,?,?)");
        }

        @Override
        public void run() throws Exception {
            UUID id = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.parse("2026-03-12T09:00:00Z"));
            ticket.setObject(1, id);
            ticket.setString(2, "bench");
            ticket.setString(3, "org-1");
            ticket.setString(4, SUBJECT);
            ticket.setString(5, TEXT);
            ticket.setInt(6, 2);
            ticket.setString(7, "REGISTERED");
            ticket.setString(8, "telephony");
            ticket.setTimestamp(9, now);
            ticket.setTimestamp(10, Timestamp.from(now.toInstant().plus(Duration.ofHours(1))));
            ticket.setTimestamp(11, Timestamp.from(now.toInstant().plus(Duration.ofHours(8))));
            ticket.setLong(12, 1);
            ticket.executeUpdate();
            journal.setObject(1, id);
            journal.setInt(2, 1);
            journal.setTimestamp(3, now);
            journal.setString(4, "op");
            journal.setString(5, "REGISTERED");
            journal.setString(6, JOURNAL_PAYLOAD);
            journal.executeUpdate();
            outbox.setObject(1, id);
            outbox.setString(2, "EMAIL");
            outbox.setString(3, OUTBOX_PAYLOAD);
            outbox.setTimestamp(4, now);
            outbox.setInt(5, 0);
            outbox.executeUpdate();
            connection.commit();
        }

        @Override
        public void close() throws java.sql.SQLException {
            connection.close();
        }
    }

    /** The staff a whole life needs: a second-line group with an engineer, a lead who closes. */
    private record Staff(Fixture fx, Actor engineer, Actor closer, Actor customer) {
        static Staff enrol(Fixture fx) {
            var dir = fx.engine.directory();
            dir.saveRepresentative(fx.admin, new Representative(Fixture.REP, Fixture.ORG, "Irina Petrova",
                    "irina@example.com", null, true));
            dir.saveGroup(fx.admin, new SupportGroup(GROUP, "Telephony", SupportLine.SECOND_LINE));
            dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("eng"), "Viktor Engineer",
                    Role.SECOND_LINE_ENGINEER, GROUP));
            dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("lead"), "Galina Lead", Role.GROUP_LEAD, GROUP));
            dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("op"), "Operator", Role.FIRST_LINE_OPERATOR,
                    null));
            return new Staff(fx, Actor.staff("eng", "Viktor Engineer", Role.SECOND_LINE_ENGINEER, Fixture.TENANT),
                    Actor.staff("lead", "Galina Lead", Role.GROUP_LEAD, Fixture.TENANT),
                    Actor.customer(Fixture.REP.value(), "Irina Petrova", Fixture.TENANT, Fixture.ORG));
        }

        /** Takes a registered request through the rest of its life. */
        void wholeLife(Request registered) {
            var engine = fx.engine;
            Request r = engine.intake().takeIntoWork(fx.operator, registered.ref());
            r = engine.escalation().redirect(fx.operator, r.ref(), RedirectTarget.secondLine(GROUP), "hardware");
            r = engine.resolution().resolve(engineer, r.ref(), ResolutionReport.of("Replaced the trunk card",
                    "Trunk card failure"));
            r = engine.resolution().signOff(customer, r.ref(), "Works now");
            engine.quality().close(closer, r.ref(), "Confirmed");
        }
    }
}
