package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.reports.LaborFunctionTotal;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.journal.HashChain;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Someone with write access to the tables, but without the journal key, changes a request's journal by
 * direct SQL; {@code verify()} names the exact entry every time and never throws.
 */
class JournalTamperOnDatabasesTest {
    private static final String SECRET = "tamper-test-secret-0123456789abcdefghij";

    private TestDatabase.Fresh database;
    private EngineFixture fx;
    private Connection sql;
    private Dialect dialect;

    @AfterEach
    void close() throws SQLException {
        if (sql != null) {
            sql.close();
        }
        if (fx != null) {
            fx.close();
        }
        if (database != null) {
            database.drop().run();
        }
    }

    private void start(TestDatabase server) {
        database = server.create();
        dialect = server == TestDatabase.POSTGRES ? Dialect.POSTGRESQL : Dialect.valueOf(server.name());
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        settings.put("supportkit.journal.keys.k1.secret", SECRET);
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        fx = new EngineFixture(settings);
        sql = server.connect(database.url());
    }

    private Request closedRequest() {
        Request request = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        assertTrue(request.journalSequence() >= 5, "a long enough journal: " + request.journalSequence());
        assertTrue(fx.engine.journal().verify(fx.auditor, request.id()).intact());
        return request;
    }

    private ChainVerification verify(Request request) {
        return fx.engine.journal().verify(fx.auditor, request.id());
    }

    private void update(String statement, Object... parameters) throws SQLException {
        try (PreparedStatement ps = sql.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            ps.executeUpdate();
        }
    }

    private List<JournalRecord> rows(Request request) throws SQLException {
        List<JournalRecord> records = new ArrayList<>();
        try (PreparedStatement ps = sql.prepareStatement(
                "SELECT * FROM sk_journal WHERE tenant = ? AND request_id = ? ORDER BY seq")) {
            ps.setString(1, request.tenant().value());
            ps.setString(2, request.id().value());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    records.add(Rows.journal(rs, dialect));
                }
            }
        }
        return records;
    }

    private static JournalRecord rewritten(JournalRecord r, long sequence, String description, String previous) {
        JournalRecord unsealed = new JournalRecord(r.tenant(), r.request(), sequence, r.occurredAt(), r.actorId(),
                r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(),
                description, previous, "", r.stateDigest());
        return new JournalRecord(r.tenant(), r.request(), sequence, r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), description,
                previous, HashChain.hash(unsealed), r.stateDigest());
    }

    private void where(Request request, String set, long seq, Object... values) throws SQLException {
        Object[] parameters = new Object[values.length + 3];
        System.arraycopy(values, 0, parameters, 0, values.length);
        parameters[values.length] = request.tenant().value();
        parameters[values.length + 1] = request.id().value();
        parameters[values.length + 2] = seq;
        update("UPDATE sk_journal SET " + set + " WHERE tenant = ? AND request_id = ? AND seq = ?", parameters);
    }

    /** Moves the request row's journal head (its sequence and hash columns) as an administrator could. */
    private void moveAnchor(Request request, long sequence, String hash) throws SQLException {
        update("UPDATE sk_requests SET journal_seq = ?, journal_hash = ? WHERE tenant = ? AND id = ?", sequence,
                bytes(hash), request.tenant().value(), request.id().value());
    }

    /** A hash as the journal's columns keep it. */
    private static byte[] bytes(String hex) {
        return HashBytes.encode(hex);
    }

    private static void assertBrokenAt(long entry, String wording, ChainVerification verdict) {
        assertFalse(verdict.intact(), verdict.toString());
        assertEquals(entry, verdict.brokenAt().orElseThrow(), verdict.toString());
        assertTrue(verdict.problem().orElseThrow().contains(wording), verdict.toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES", "MARIADB"})
    @DisplayName("rewritten, re-chained, inserted, removed and damaged entries are each reported at the exact entry")
    void tamperingIsReportedExactly(TestDatabase server) throws SQLException {
        start(server);

        Request altered = closedRequest();
        where(altered, "description = ?", 2, "nothing happened");
        assertBrokenAt(2, "was altered", verify(altered));

        // rewrite entry 3, re-chain every later entry with plain SHA-256 and move the anchor: no key, no luck
        Request rechained = closedRequest();
        List<JournalRecord> records = rows(rechained);
        String previous = records.get(1).hash();
        for (JournalRecord r : records.subList(2, records.size())) {
            JournalRecord forged = rewritten(r, r.sequence(), r.sequence() == 3 ? "forged" : r.description(),
                    previous);
            where(rechained, "description = ?, previous_hash = ?, hash = ?", r.sequence(), forged.description(),
                    bytes(forged.previousHash()), bytes(forged.hash()));
            previous = forged.hash();
        }
        moveAnchor(rechained, records.size(), previous);
        assertBrokenAt(3, "not sealed with the tenant's key", verify(rechained));

        // insert a forged entry 3, renumbering the rest
        Request inserted = closedRequest();
        List<JournalRecord> before = rows(inserted);
        for (int i = before.size() - 1; i >= 2; i--) {
            where(inserted, "seq = ?", before.get(i).sequence(), before.get(i).sequence() + 1);
        }
        JournalRecord forged = rewritten(before.get(1), 3, "forged", before.get(1).hash());
        update("INSERT INTO sk_journal (tenant, request_id, seq, occurred_at, actor_id, actor_name, actor_role, "
                        + "channel, labor_function, visibility, event_type, payload, description, previous_hash, hash) "
                        + "SELECT tenant, request_id, 3, occurred_at, actor_id, actor_name, actor_role, channel, "
                        + "labor_function, visibility, event_type, payload, ?, ?, ? FROM sk_journal "
                        + "WHERE tenant = ? AND request_id = ? AND seq = 2", forged.description(),
                bytes(forged.previousHash()), bytes(forged.hash()), inserted.tenant().value(), inserted.id().value());
        assertBrokenAt(3, "entry 3", verify(inserted));

        Request truncated = closedRequest();
        update("DELETE FROM sk_journal WHERE tenant = ? AND request_id = ? AND seq = ?", truncated.tenant().value(),
                truncated.id().value(), truncated.journalSequence());
        assertBrokenAt(truncated.journalSequence(), "removed", verify(truncated));

        Request unknownRole = closedRequest();
        where(unknownRole, "actor_role = ?", 3, 99); // a number no role has
        assertBrokenAt(3, "unreadable", verify(unknownRole));
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, unknownRole.id());
        assertEquals(unknownRole.journalSequence(), entries.size(), "the journal still reads");

        // an entry whose labour function has a number no function has counts for nothing in the report
        Request unknownFunction = closedRequest();
        Instant from = Instant.EPOCH;
        Instant until = fx.clock.instant().plusSeconds(1);
        long counted = fx.engine.reports().laborFunctions(fx.auditor, from, until).stream()
                .mapToLong(LaborFunctionTotal::entries).sum();
        where(unknownFunction, "labor_function = ?", 2, 99);
        long countedAfter = fx.engine.reports().laborFunctions(fx.auditor, from, until).stream()
                .mapToLong(LaborFunctionTotal::entries).sum();
        assertEquals(counted - 1, countedAfter, "the altered entry is left out, the others still counted");

        Request nullDescription = closedRequest();
        where(nullDescription, "description = NULL", 2);
        assertBrokenAt(2, "was altered", verify(nullDescription));

        Request nullLink = closedRequest();
        where(nullLink, "previous_hash = NULL", 4);
        assertBrokenAt(4, "unreadable", verify(nullLink));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES", "MARIADB"})
    @DisplayName("a checkpoint kept outside finds a journal cut back with its anchor moved, and a request deleted")
    void checkpointFindsTruncation(TestDatabase server) throws SQLException {
        start(server);
        Request kept = closedRequest();
        Request truncated = closedRequest();
        Request deleted = closedRequest();
        JournalCheckpoint checkpoint = fx.engine.journal().checkpoint(fx.auditor);
        assertEquals(List.of(kept.id(), truncated.id(), deleted.id()),
                checkpoint.heads().stream().map(JournalCheckpoint.Head::request).toList());
        assertEquals(List.of(), fx.engine.journal().verifyAgainst(fx.auditor, checkpoint));

        // cut the last two entries and move the request row's anchor back with them: verify() cannot tell
        List<JournalRecord> records = rows(truncated);
        JournalRecord newHead = records.get(records.size() - 3);
        update("DELETE FROM sk_journal WHERE tenant = ? AND request_id = ? AND seq > ?", truncated.tenant().value(),
                truncated.id().value(), newHead.sequence());
        moveAnchor(truncated, newHead.sequence(), newHead.hash());
        // the chain alone looks whole; the request row still holds the later state, which entry N-2 did not record
        assertBrokenAt(newHead.sequence(), "changed outside the engine", verify(truncated));
        update("DELETE FROM sk_requests WHERE tenant = ? AND id = ?", deleted.tenant().value(), deleted.id().value());

        List<ChainVerification> problems = fx.engine.journal().verifyAgainst(fx.auditor, checkpoint);
        assertEquals(List.of(truncated.id(), deleted.id()), problems.stream().map(ChainVerification::request).toList());
        assertBrokenAt(newHead.sequence() + 1, "entries were removed", problems.get(0));
        assertTrue(problems.get(1).problem().orElseThrow().contains("the request is gone"), problems.get(1).toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"H2", "POSTGRES", "MARIADB"})
    @DisplayName("a request row changed by SQL without its journal is reported at the journal's last entry")
    void rowChangedWithoutTheJournal(TestDatabase server) throws SQLException {
        start(server);
        Request subject = closedRequest();
        update("UPDATE sk_requests SET document = REPLACE(document, ?, ?) WHERE tenant = ? AND id = ?",
                subject.subject(), "Nothing to see here", subject.tenant().value(), subject.id().value());
        assertEquals("Nothing to see here", fx.engine.quality().request(fx.groupLead, subject.id()).subject(),
                "the forged subject is what the store now reads");
        assertBrokenAt(subject.journalSequence(), "changed outside the engine", verify(subject));

        Request status = closedRequest();
        update("UPDATE sk_requests SET status = ? WHERE tenant = ? AND id = ?", "RESOLVED",
                status.tenant().value(), status.id().value());
        assertBrokenAt(status.journalSequence(), "changed outside the engine", verify(status));

        Request line = closedRequest();
        update("UPDATE sk_requests SET support_line = ? WHERE tenant = ? AND id = ?", "INTAKE_LEAD",
                line.tenant().value(), line.id().value());
        assertBrokenAt(line.journalSequence(), "changed outside the engine", verify(line));

        Request untouched = closedRequest();
        assertTrue(verify(untouched).intact(), verify(untouched).toString());
    }
}
