package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A database written by the release before request columns (schema version 3) is converted with nothing
 * lost: an engine runs requests through their lives on a current database; they are written into a second
 * database built with the version-3 scripts, in the version-3 shape (the request row without the new
 * columns, the whole snapshot as JSON without the model the earlier release did not keep), with the other
 * tables' rows copied as they are; an engine started on it
 * migrates it, and then reads every request back as it was, answers queues as the first engine does, and
 * verifies every journal.
 */
class RequestColumnsMigrationTest {
    /** Tables whose columns did not change in version 4: copied as they are. */
    private static final List<String> UNCHANGED = List.of("sk_contacts", "sk_journal", "sk_outbox", "sk_timers",
            "sk_directory", "sk_catalog");
    private static final String V3_REQUEST_COLUMNS = "tenant, id, version, status, organization, support_line, "
            + "registered_at, updated_at, snapshot";
    private static final Pattern MODEL = Pattern.compile(",\"model\":(null|\"[^\"]*\")");

    private static final DataCodec CODEC = new JacksonCodec();

    private final List<Runnable> cleanup = new ArrayList<>();

    @AfterEach
    void close() {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).run();
        }
    }

    private EngineFixture engineOn(TestDatabase.Fresh database, EngineFixture sameTenantAs) {
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        EngineFixture fx = sameTenantAs == null ? new EngineFixture(settings)
                : new EngineFixture(sameTenantAs.tenant, null, settings);
        cleanup.add(fx::close);
        return fx;
    }

    private TestDatabase.Fresh fresh(TestDatabase server) {
        TestDatabase.Fresh database = server.create();
        cleanup.add(database.drop());
        return database;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    @DisplayName("a version-3 database is converted with nothing lost, and its journals still verify")
    void convertsAVersion3Database(TestDatabase server) throws SQLException {
        TestDatabase.Fresh current = fresh(server);
        EngineFixture before = engineOn(current, null);
        // the fixture's "standard" policy: an 8-hour resolution deadline on every request of the organisation
        before.engine.directory().saveContract(before.admin, new SupportContract(before.org, "SUP-1", "standard",
                null));
        List<Request> requests = new ArrayList<>();
        for (RequestStatus status : RequestStatus.values()) {
            requests.add(before.requestIn(status, status == RequestStatus.AT_INTAKE_LEAD ? SupportLine.INTAKE_LEAD
                    : SupportLine.SECOND_LINE));
        }
        requests.add(before.registered(before.draft().system(null)));
        before.clock.advance(Duration.ofHours(9)); // past the 8-hour resolution deadline of the open ones

        TestDatabase.Fresh old = fresh(server);
        // an in-memory H2 database lives while a connection is open: keep one until the test ends
        Connection keepAlive = server.connect(old.url());
        cleanup.add(() -> {
            try {
                keepAlive.close();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Dialect dialect = server == TestDatabase.POSTGRES ? Dialect.POSTGRESQL : Dialect.valueOf(server.name());
        try (Connection from = server.connect(current.url()); Connection to = server.connect(old.url())) {
            Flyway.configure(getClass().getClassLoader())
                    .dataSource(old.url(), server.user(), server.password())
                    .locations(dialect.migrationLocation()).table(SchemaMigrator.HISTORY_TABLE)
                    .placeholders(Map.of("binary_collation", collation(server, to))).target("3").load().migrate();
            assertFalse(hasColumn(to, "due_at"), "the version-3 schema has no request columns yet");
            writeVersion3Requests(to, before, requests);
            for (String table : UNCHANGED) {
                copy(from, to, table, columns(to, table)); // the columns version 3 had
            }
            // keys an earlier release may have kept that start as the compact form does: they must read back
            for (String key : LEGACY_KEYS) {
                legacyKey(to, key);
            }
        }

        EngineFixture after = engineOn(old, before);
        // today's engine wrote these journals with the state digest its seals cover (version 12); version 3 had
        // no column for it: put it back once the migration has added the column
        try (Connection from = server.connect(current.url()); Connection to = server.connect(old.url());
             ResultSet rows = from.createStatement().executeQuery(
                     "SELECT tenant, request_id, seq, state_digest FROM sk_journal");
             PreparedStatement restore = to.prepareStatement(
                     "UPDATE sk_journal SET state_digest = ? WHERE tenant = ? AND request_id = ? AND seq = ?")) {
            while (rows.next()) {
                restore.setBytes(1, rows.getBytes(4)); // both bytes now
                restore.setString(2, rows.getString(1));
                restore.setString(3, rows.getString(2));
                restore.setLong(4, rows.getLong(3));
                restore.executeUpdate();
            }
        }
        try (Connection db = server.connect(old.url())) {
            for (String key : LEGACY_KEYS) {
                try (PreparedStatement read = db.prepareStatement(
                        "SELECT request_id, idempotency_key FROM sk_outbox WHERE id = ?")) {
                    read.setString(1, "legacy" + LEGACY_KEYS.indexOf(key));
                    try (ResultSet row = read.executeQuery()) {
                        assertTrue(row.next());
                        assertEquals(key, IdempotencyKeys.read(row.getString(1), row.getString(2)),
                                "a key kept before version 13");
                    }
                }
            }
        }
        after.clock.advance(Duration.between(after.clock.instant(), before.clock.instant()));
        for (Request request : requests) {
            Request then = before.engine.quality().request(before.auditor, request.id());
            assertEquals(then, after.engine.quality().request(after.auditor, request.id()),
                    "request " + request.status() + " read back after the conversion");
            assertTrue(after.engine.journal().verify(after.auditor, request.id()).intact(),
                    "journal of the " + request.status() + " request verifies after the conversion");
            assertEquals(before.engine.journal().entries(before.auditor, request.id()),
                    after.engine.journal().entries(after.auditor, request.id()));
        }
        assertTrue(requests.get(0).model().isPresent(), "the model came back from the directory");
        for (RequestQuery query : List.of(RequestQuery.all(),
                RequestQuery.builder().open().sort(RequestSort.DUE).build(),
                RequestQuery.builder().deadline(DeadlineCondition.breached()).build(),
                RequestQuery.builder().group(before.telephony).sort(RequestSort.PRIORITY_THEN_DUE).build(),
                RequestQuery.builder().assignee(AssigneeFilter.unassigned()).sort(RequestSort.NEWEST_FIRST).build(),
                RequestQuery.builder().model(requests.get(0).model().orElseThrow()).build())) {
            assertEquals(ids(before.engine.quality().requests(before.auditor, query)),
                    ids(after.engine.quality().requests(after.auditor, query)), "queue " + query);
        }
        assertFalse(before.engine.quality().requests(before.auditor,
                RequestQuery.builder().deadline(DeadlineCondition.breached()).build()).isEmpty(),
                "the data has breached deadlines to compare");
    }

    private static List<RequestId> ids(List<Request> requests) {
        return requests.stream().map(Request::id).toList();
    }

    private static String collation(TestDatabase server, Connection connection) throws SQLException {
        if (server != TestDatabase.MARIADB) {
            return "";
        }
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT VERSION()")) {
            rows.next();
            return rows.getString(1).toLowerCase().contains("mariadb") ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin";
        }
    }

    private static boolean hasColumn(Connection connection, String column) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM sk_requests WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                if (meta.getColumnLabel(i).equalsIgnoreCase(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static String columns(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add(meta.getColumnLabel(i).toLowerCase());
            }
            return String.join(", ", names);
        }
    }

    /**
     * Writes each request as version 3 did: the key and filter columns, and the whole snapshot as JSON, without
     * the model (which version 3 did not have).
     */
    private static void writeVersion3Requests(Connection to, EngineFixture before, List<Request> requests)
            throws SQLException {
        try (PreparedStatement insert = to.prepareStatement("INSERT INTO sk_requests (" + V3_REQUEST_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Request request : requests) {
                Request now = before.engine.quality().request(before.auditor, request.id());
                String json = CODEC.toJson(now);
                assertTrue(MODEL.matcher(json).find() || !json.contains("\"model\""), json);
                insert.setString(1, now.tenant().value());
                insert.setString(2, now.id().value());
                insert.setLong(3, now.version());
                insert.setString(4, now.status().name());
                insert.setString(5, now.organization().value());
                insert.setString(6, now.line().name());
                insert.setObject(7, time(to, now.registeredAt()));
                insert.setObject(8, time(to, now.updatedAt()));
                insert.setString(9, MODEL.matcher(json).replaceAll(""));
                insert.executeUpdate();
            }
        }
        if (!to.getAutoCommit()) {
            to.commit();
        }
    }

    /** An instant as each database's driver takes it for the version-3 column type. */
    private static Object time(Connection connection, java.time.Instant instant) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("mariadb")
                || connection.getMetaData().getDatabaseProductName().toLowerCase().contains("mysql")
                ? java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC)
                : java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    }

    /** Outbox keys beginning with what the compact form uses: the migration escapes them. */
    private static final List<String> LEGACY_KEYS = List.of(":legacy", "\\back", "plain");

    /** Adds an outbox message of an earlier release with the given key, as a copy of one copied there. */
    private static void legacyKey(Connection to, String key) throws SQLException {
        String columns = columns(to, "sk_outbox");
        String select = columns.replaceFirst("^id,", "?,").replace("idempotency_key", "?");
        try (PreparedStatement insert = to.prepareStatement("INSERT INTO sk_outbox (" + columns + ") SELECT "
                + select + " FROM sk_outbox WHERE request_id IS NOT NULL AND id NOT LIKE 'legacy%' ORDER BY id"
                + " LIMIT 1")) {
            insert.setString(1, "legacy" + LEGACY_KEYS.indexOf(key));
            insert.setString(2, key);
            assertEquals(1, insert.executeUpdate());
        }
        if (!to.getAutoCommit()) {
            to.commit();
        }
    }

    /** Copies rows column by column. */
    private static void copy(Connection from, Connection to, String table, String columns) throws SQLException {
        int count = columns.split(",").length;
        String insert = "INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")";
        try (ResultSet rows = from.createStatement().executeQuery("SELECT " + columns + " FROM " + table);
             PreparedStatement statement = to.prepareStatement(insert)) {
            List<String> names = List.of(columns.split(",\\s*"));
            while (rows.next()) {
                for (int i = 1; i <= count; i++) {
                    Object value = rows.getObject(i);
                    String name = names.get(i - 1);
                    if (table.equals("sk_journal") && value instanceof Number number) {
                        // the journal's names: numbers since version 14
                        int code = number.intValue();
                        value = switch (name) {
                            case "actor_role" -> String.valueOf(JournalCodes.role(code));
                            case "labor_function" -> JournalCodes.function(code).code();
                            case "visibility" -> String.valueOf(JournalCodes.visibility(code));
                            default -> value;
                        };
                    }
                    if (value instanceof java.sql.Clob) {
                        value = rows.getString(i); // H2's large text, which belongs to the source connection
                    }
                    if (name.equals("idempotency_key")) { // kept whole before version 13
                        value = IdempotencyKeys.read(rows.getString("request_id"), (String) value);
                    } else if (value instanceof byte[] hash) {
                        value = HashBytes.decode(hash); // the journal's hashes: text before version 14
                    }
                    statement.setObject(i, value);
                }
                statement.executeUpdate();
            }
        }
        if (!to.getAutoCommit()) {
            to.commit();
        }
    }
}
