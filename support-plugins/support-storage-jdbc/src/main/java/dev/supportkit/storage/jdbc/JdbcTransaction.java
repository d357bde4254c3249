package dev.supportkit.storage.jdbc;

import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.spi.storage.VisitRecord;
import static dev.supportkit.storage.jdbc.Rows.name;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.DirectoryEntry;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.CodePointOrder;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.Lease;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.RequestSelection;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.TimeTotal;
import dev.supportkit.spi.storage.TimerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One JDBC transaction. Requests and directory entries are stored as the codec's JSON plus the columns
 * queries filter and sort by; journal records, contacts, outbox messages, timers, time records, failures and
 * installed units column by column;
 * catalogue records as the engine's JSON text with their key columns and a latest-version flag. Usable
 * only until {@code inTransaction} returns.
 */
final class JdbcTransaction implements StorageTransaction {
    private final Statements sql;
    private final DataCodec codec;
    private final Claims claims;
    private boolean open = true;
    /** The first contact this transaction inserted for each request, for {@link #requestRow}. */
    private final Map<List<String>, Contact> firstContacts = new HashMap<>();

    JdbcTransaction(Statements sql, DataCodec codec) {
        this.sql = sql;
        this.codec = codec;
        this.claims = new Claims(sql);
    }

    void end() {
        open = false;
    }

    private Statements sql() {
        if (!open) {
            throw new IllegalStateException("the transaction is over; do not keep it after inTransaction returns");
        }
        return sql;
    }

    // ------------------------------------------------------------------------------------------ requests

    @Override
    public Optional<Request> findRequest(TenantId tenant, RequestId id) {
        return sql().query("findRequest", RequestColumns.SELECT + " WHERE r.tenant = ? AND r.id = ?",
                rows -> RequestColumns.read(rows, tenant, sql.dialect(), codec), tenant.value(), id.value())
                .stream().findFirst();
    }

    private static final String INSERT_JOURNAL = "INSERT INTO sk_journal (" + Rows.JOURNAL_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A request's row. Its description is left out of the document when the request's first contact, inserted
     * before it in this transaction (as the engine does), carries the same text: the text is stored once.
     */
    private Object[] requestRow(Request request) {
        Contact first = firstContacts.get(List.of(request.tenant().value(), request.id().value()));
        boolean fromContact = first != null && first.text().equals(request.description());
        List<Object> row = new ArrayList<>(List.of(request.tenant().value(), request.id().value()));
        row.addAll(RequestColumns.values(request));
        row.add(RequestDocument.of(request, !fromContact, false).toJson(codec));
        row.add(fromContact ? first.id().value() : null);
        return row.toArray();
    }

    private static Object[] journalRow(JournalRecord r) {
        return new Object[] {r.tenant().value(), r.request().value(), r.sequence(), r.occurredAt(), r.actorId(),
                r.actorName(), r.actorRole() == null ? null : JournalCodes.role(r.actorRole()), name(r.channel()),
                r.function() == null ? null : JournalCodes.function(r.function()),
                r.visibility() == null ? null : JournalCodes.visibility(r.visibility()), r.eventType(),
                r.payload(), r.description(), hash(r.previousHash()), hash(r.hash()), hash(r.stateDigest())};
    }

    /** A hash for a binary column, or a typed null. */
    static Object hash(String hash) {
        return hash == null ? Statements.TypedNull.BINARY : HashBytes.encode(hash);
    }

    @Override
    public void insertRequest(Request request) {
        sql().insert("insertRequest", () -> new ConcurrencyConflictException("request", request.id(), 0, -1),
                RequestColumns.INSERT, requestRow(request));
    }

    @Override
    public void insertRequests(List<Request> requests, List<JournalRecord> journal) {
        sql().insertBatch("insertRequests", e -> new ConcurrencyConflictException(
                "a request of the batch already exists", e), RequestColumns.INSERT,
                requests.stream().map(this::requestRow).toList());
        sql().insertBatch("insertRequests", e -> new ConcurrencyConflictException(
                "a journal record of the batch already exists", e), INSERT_JOURNAL,
                journal.stream().map(JdbcTransaction::journalRow).toList());
    }

    @Override
    public void updateRequest(Request request, long expectedVersion) {
        updateRequest(request, expectedVersion, RequestColumns.NAMES);
    }

    /** Updates a request's row, writing only some of its columns (a migration writes those that exist then). */
    void updateRequest(Request request, long expectedVersion, List<String> columns) {
        List<Object> parameters = new ArrayList<>(RequestColumns.values(request, columns));
        // the journal head goes in the document only when its columns are not written (before schema version 13)
        boolean headInDocument = !columns.contains("journal_seq");
        parameters.add(RequestDocument.of(request, true, headInDocument).toJson(codec));
        parameters.add(RequestDocument.of(request, false, headInDocument).toJson(codec));
        parameters.addAll(List.of(request.tenant().value(), request.id().value(), expectedVersion));
        int updated = sql().update("updateRequest", columns == RequestColumns.NAMES ? RequestColumns.UPDATE
                : RequestColumns.update(columns), parameters.toArray());
        if (updated != 1) {
            long actual = sql.query("updateRequest", "SELECT version FROM sk_requests WHERE tenant = ? AND id = ?",
                    rows -> rows.getLong("version"), request.tenant().value(), request.id().value())
                    .stream().findFirst().orElse(-1L);
            throw actual < 0
                    ? new ConcurrencyConflictException("request '" + request.id() + "' does not exist in tenant '"
                            + request.tenant() + "'", (Throwable) null)
                    : new ConcurrencyConflictException("request", request.id(), expectedVersion, actual);
        }
    }

    @Override
    public List<Request> findRequests(TenantId tenant, RequestSelection selection) {
        QueueSql queue = QueueSql.page(tenant, selection);
        return sql().query("findRequests", RequestColumns.SELECT + " WHERE " + queue.sql(),
                rows -> RequestColumns.read(rows, tenant, sql.dialect(), codec), queue.parameters());
    }

    @Override
    public long countRequests(TenantId tenant, RequestSelection selection) {
        QueueSql queue = QueueSql.count(tenant, selection);
        return sql().query("countRequests", "SELECT COUNT(*) AS n FROM sk_requests r WHERE " + queue.sql(),
                rows -> rows.getLong("n"), queue.parameters()).get(0);
    }

    @Override
    public Map<RequestStatus, Long> countRequestsByStatus(TenantId tenant, Optional<OrganizationId> organization) {
        String sqlText = "SELECT status, COUNT(*) AS n FROM sk_requests WHERE tenant = ?"
                + (organization.isPresent() ? " AND organization = ?" : "") + " GROUP BY status";
        Object[] parameters = organization.isPresent()
                ? new Object[] {tenant.value(), organization.get().value()}
                : new Object[] {tenant.value()};
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        sql().query("countRequestsByStatus", sqlText,
                rows -> counts.put(RequestStatus.valueOf(rows.getString("status")), rows.getLong("n")), parameters);
        return counts;
    }

    // ------------------------------------------------------------------------------------------ time

    @Override
    public void insertTimeRecord(TimeRecord r) {
        sql().insert("insertTimeRecord", () -> new ConcurrencyConflictException("time record", r.id(), 0, -1),
                "INSERT INTO sk_time (tenant, id, request_id, specialist, labor_function, spent_seconds, task, note,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.tenant().value(), r.id(), r.request().value(), r.specialist().value(), r.function().code(),
                r.spent().getSeconds(), r.task(), r.note(), r.recordedAt());
    }

    @Override
    public List<TimeTotal> sumTime(TenantId tenant, TimeQuery query) {
        StringBuilder where = new StringBuilder("tenant = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenant.value()));
        query.request().ifPresent(r -> {
            where.append(" AND request_id = ?");
            parameters.add(r.value());
        });
        query.specialist().ifPresent(s -> {
            where.append(" AND specialist = ?");
            parameters.add(s.value());
        });
        query.from().ifPresent(f -> {
            where.append(" AND recorded_at >= ?");
            parameters.add(f);
        });
        query.until().ifPresent(u -> {
            where.append(" AND recorded_at < ?");
            parameters.add(u);
        });
        return sql().query("sumTime", "SELECT request_id, specialist, labor_function, SUM(spent_seconds) AS spent"
                        + " FROM sk_time WHERE " + where + " GROUP BY request_id, specialist, labor_function",
                rows -> new TimeTotal(RequestId.of(rows.getString("request_id")),
                        SpecialistId.of(rows.getString("specialist")), LaborFunction.ofCode(rows.getString(
                        "labor_function")), Duration.ofSeconds(rows.getLong("spent"))), parameters.toArray());
    }

    // ------------------------------------------------------------------------------------------ visits

    private static final String VISIT_DOCUMENT = "SELECT tenant, document, held_until FROM sk_visits ";

    @Override
    public void insertVisit(VisitRecord v) {
        sql().insert("insertVisit", () -> new ConcurrencyConflictException("visit", v.visit().id(), 0, -1),
                "INSERT INTO sk_visits (tenant, id, request_id, start_at, held_until, status, document)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)", v.tenant().value(), v.visit().id(),
                v.visit().request().value(), v.visit().start(), v.heldUntil(), v.visit().status().name(),
                codec.toJson(v.visit()));
        holdSlots(v);
    }

    @Override
    public void updateVisit(VisitRecord v) {
        int updated = sql().update("updateVisit", "UPDATE sk_visits SET start_at = ?, held_until = ?, status = ?,"
                        + " document = ? WHERE tenant = ? AND id = ?", v.visit().start(), v.heldUntil(),
                v.visit().status().name(), codec.toJson(v.visit()), v.tenant().value(), v.visit().id());
        if (updated != 1) {
            throw new ConcurrencyConflictException("visit", v.visit().id(), 0, -1);
        }
        sql.update("updateVisit", "DELETE FROM sk_visit_slots WHERE tenant = ? AND visit_id = ?", v.tenant().value(),
                v.visit().id());
        holdSlots(v);
    }

    /** One row per technician per slot; the primary key refuses a slot another visit holds. */
    private void holdSlots(VisitRecord v) {
        List<Object[]> rows = new ArrayList<>();
        for (SpecialistId technician : v.visit().technicians()) {
            for (Instant slot : v.slots()) {
                rows.add(new Object[] {v.tenant().value(), technician.value(), slot, v.visit().id()});
            }
        }
        sql.insertBatch("holdVisitSlots", e -> new ConcurrencyConflictException("a technician of visit '"
                        + v.visit().id() + "' is already booked for part of its time", e),
                "INSERT INTO sk_visit_slots (tenant, technician, slot_start, visit_id) VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<VisitRecord> findVisit(TenantId tenant, String id) {
        return sql().query("findVisit", VISIT_DOCUMENT + "WHERE tenant = ? AND id = ?", this::visit,
                tenant.value(), id).stream().findFirst();
    }

    @Override
    public List<VisitRecord> findVisits(TenantId tenant, RequestId request) {
        return sql().query("findVisits", VISIT_DOCUMENT + "WHERE tenant = ? AND request_id = ? ORDER BY start_at, id",
                this::visit, tenant.value(), request.value());
    }

    @Override
    public List<VisitRecord> findTechnicianVisits(TenantId tenant, SpecialistId technician, Instant from,
                                                  Instant until) {
        // a visit held in the window holds one of the technician's slots from the window's quarter hour on
        long step = dev.supportkit.api.scheduling.VisitBooking.GRANULARITY.toSeconds();
        Instant firstSlot = Instant.ofEpochSecond(Math.floorDiv(from.getEpochSecond(), step) * step);
        return sql().query("findTechnicianVisits", VISIT_DOCUMENT + "WHERE tenant = ? AND status = 'BOOKED'"
                        + " AND start_at < ? AND held_until > ? AND id IN (SELECT visit_id FROM sk_visit_slots"
                        + " WHERE tenant = ? AND technician = ? AND slot_start >= ? AND slot_start < ?)"
                        + " ORDER BY start_at, id", this::visit, tenant.value(), until, from, tenant.value(),
                technician.value(), firstSlot, until);
    }

    private VisitRecord visit(java.sql.ResultSet rows) throws java.sql.SQLException {
        return new VisitRecord(TenantId.of(rows.getString("tenant")), codec.fromJson(rows.getString("document"),
                Visit.class), sql.dialect().getInstant(rows, "held_until"));
    }

    // ------------------------------------------------------------------------------------------ failures

    @Override
    public void insertFailure(FailureRow r) {
        sql().insert("insertFailure", () -> new ConcurrencyConflictException("failure", r.id(), 0, -1),
                "INSERT INTO sk_failures (tenant, id, request_id, model, component_id, serial, cause_code, failed_at,"
                        + " restored_at, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.tenant().value(), r.id(), r.request().value(), r.model(),
                r.component() == null ? null : r.component().value(), r.serial(), r.causeCode(), r.failedAt(),
                r.restoredAt(), r.note(), r.recordedBy(), r.recordedAt());
    }

    @Override
    public List<dev.supportkit.api.reports.RequestMetrics> requestMetrics(TenantId tenant,
                                                                          dev.supportkit.api.reports.MetricsQuery query) {
        return new MetricsSql(sql()).count(tenant, query);
    }

    @Override
    public boolean surveyedSince(TenantId tenant, dev.supportkit.api.directory.RepresentativeId representative,
                                 Instant since) {
        return !sql().query("surveyedSince", "SELECT 1 FROM sk_requests WHERE tenant = ? AND survey_sent_at >= ?"
                + " AND representative = ? LIMIT 1", rows -> 1, tenant.value(), since, representative.value()).isEmpty();
    }

    @Override
    public List<FailureTotal> countFailures(TenantId tenant, Instant from, Instant until) {
        return sql().query("countFailures", "SELECT model, component_id, cause_code, COUNT(*) AS n FROM sk_failures"
                        + " WHERE tenant = ? AND failed_at >= ? AND failed_at < ?"
                        + " GROUP BY model, component_id, cause_code",
                rows -> {
                    String component = rows.getString("component_id");
                    return new FailureTotal(rows.getString("model"),
                            component == null ? null : ComponentId.of(component), rows.getString("cause_code"),
                            rows.getLong("n"));
                }, tenant.value(), from, until);
    }

    /** The component column of an installed unit: '' for the system as a whole (it is part of the key). */
    private static final String WHOLE_SYSTEM = "";

    @Override
    public void saveInstalledUnit(TenantId tenant, InstalledUnit unit) {
        String component = unit.component().map(ComponentId::value).orElse(WHOLE_SYSTEM);
        sql().update("saveInstalledUnit", "DELETE FROM sk_installed_units WHERE tenant = ? AND system_id = ?"
                + " AND component_id = ?", tenant.value(), unit.system().value(), component);
        sql().insert("saveInstalledUnit", () -> new ConcurrencyConflictException("installed unit of system '"
                        + unit.system() + "' was saved by a concurrent transaction", (Throwable) null),
                "INSERT INTO sk_installed_units (tenant, system_id, component_id, model, serial, commissioned_at,"
                        + " decommissioned_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), unit.system().value(), component, unit.model(), unit.serial().orElse(null),
                unit.commissionedAt(), unit.decommissionedAt().isPresent() ? unit.decommissionedAt().get()
                        : Statements.TypedNull.TIMESTAMP);
    }

    @Override
    public List<InstalledUnit> listInstalledUnits(TenantId tenant, Optional<String> model) {
        String select = "SELECT system_id, component_id, model, serial, commissioned_at, decommissioned_at"
                + " FROM sk_installed_units WHERE tenant = ?";
        Object[] parameters = model.isPresent() ? new Object[] {tenant.value(), model.get()}
                : new Object[] {tenant.value()};
        return sql().query("listInstalledUnits", select + (model.isPresent() ? " AND model = ?" : "")
                        + " ORDER BY system_id, component_id",
                rows -> {
                    String component = rows.getString("component_id");
                    return new InstalledUnit(SystemId.of(rows.getString("system_id")),
                            component.isEmpty() ? Optional.empty() : Optional.of(ComponentId.of(component)),
                            rows.getString("model"), Optional.ofNullable(rows.getString("serial")),
                            sql.dialect().getInstant(rows, "commissioned_at"),
                            Optional.ofNullable(sql.dialect().getInstant(rows, "decommissioned_at")));
                }, parameters);
    }

    // ------------------------------------------------------------------------------------------ contacts

    @Override
    public void insertContact(TenantId tenant, Contact contact) {
        firstContacts.putIfAbsent(List.of(tenant.value(), contact.request().value()), contact);
        sql().insert("insertContact", () -> new ConcurrencyConflictException("contact", contact.id(), 0, -1),
                "INSERT INTO sk_contacts (tenant, " + Rows.CONTACT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), contact.id().value(), contact.request().value(), name(contact.channel()),
                contact.representative().value(), contact.text(), contact.receivedAt(), contact.takenBy());
    }

    @Override
    public List<Contact> findContacts(TenantId tenant, RequestId request) {
        return ofRequest("findContacts", Rows.CONTACT_COLUMNS, "sk_contacts", "received_at, id",
                rows -> Rows.contact(rows, sql.dialect()), tenant, request);
    }

    // ------------------------------------------------------------------------------------------ journal

    @Override
    public void appendJournal(JournalRecord r) {
        sql().insert("appendJournal",
                () -> new ConcurrencyConflictException("journal of request", r.request(), r.sequence() - 1, -1),
                INSERT_JOURNAL, journalRow(r));
    }

    @Override
    public List<JournalRecord> findJournal(TenantId tenant, RequestId request) {
        return ofRequest("findJournal", Rows.JOURNAL_COLUMNS, "sk_journal", "seq",
                rows -> Rows.journal(rows, sql.dialect()), tenant, request);
    }

    @Override
    public List<JournalRecord> findJournalRange(TenantId tenant, RequestId request, long first, long last) {
        // a range of the journal's key
        return sql().query("findJournalRange", "SELECT " + Rows.JOURNAL_COLUMNS + " FROM sk_journal WHERE tenant = ?"
                        + " AND request_id = ? AND seq >= ? AND seq <= ? ORDER BY seq",
                rows -> Rows.journal(rows, sql.dialect()), tenant.value(), request.value(), first, last);
    }

    @Override
    public List<JournalRecord> findJournalRecords(TenantId tenant, dev.supportkit.spi.storage.JournalSelection selection) {
        List<Object> parameters = new ArrayList<>(List.of(tenant.value(), selection.from(), selection.until()));
        StringBuilder where = new StringBuilder("tenant = ? AND occurred_at >= ? AND occurred_at < ?");
        selection.after().ifPresent(p -> {
            where.append(" AND (request_id > ? OR (request_id = ? AND seq > ?))");
            parameters.addAll(List.of(p.request().value(), p.request().value(), p.sequence()));
        });
        if (!selection.functions().isEmpty()) {
            where.append(" AND labor_function IN (").append(String.join(", ",
                    java.util.Collections.nCopies(selection.functions().size(), "?"))).append(")");
            selection.functions().stream().map(JournalCodes::function).sorted().forEach(parameters::add);
        }
        selection.actorId().ifPresent(actor -> {
            where.append(" AND actor_id = ?");
            parameters.add(actor);
        });
        parameters.add(selection.limit());
        // the journal's key order: a page continues from where the last one stopped, with no index of its own
        return sql().query("findJournalRecords", "SELECT " + Rows.JOURNAL_COLUMNS + " FROM sk_journal WHERE "
                + where + " ORDER BY request_id, seq LIMIT ?", rows -> Rows.journal(rows, sql.dialect()),
                parameters.toArray());
    }

    @Override
    public List<dev.supportkit.spi.storage.FunctionTotal> countJournalByFunction(TenantId tenant, Instant from,
                                                                                Instant until) {
        return sql().query("countJournalByFunction", "SELECT actor_id, labor_function, COUNT(*) AS n FROM sk_journal"
                        + " WHERE tenant = ? AND occurred_at >= ? AND occurred_at < ?"
                        + " GROUP BY actor_id, labor_function",
                rows -> {
                    LaborFunction function = JournalCodes.function(rows.getInt("labor_function"));
                    // an entry with a number no function has (altered outside the engine) counts for nothing
                    return function == null ? null : new dev.supportkit.spi.storage.FunctionTotal(
                            rows.getString("actor_id"), function, rows.getLong("n"));
                },
                tenant.value(), from, until)
                .stream().filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing(dev.supportkit.spi.storage.FunctionTotal::actorId)
                        .thenComparing(t -> t.function().ordinal())).toList();
    }

    @Override
    public Map<String, Long> countRegistered(TenantId tenant, dev.supportkit.spi.storage.RequestCountKey key,
                                             Instant from, Instant until) {
        String column = switch (key) {
            case CATEGORY -> "category";
            case MODEL -> "model";
            case REGISTRATION_HOUR -> "FLOOR(" + sql().dialect().elapsedMicros(sql.dialect().epoch(), "registered_at")
                    + " / 3600000000)";
            case LINE -> "support_line";
            case PATH -> "CASE WHEN escalated_at IS NULL THEN CASE WHEN reopens > 0 THEN 'FIRST_LINE/REOPENED'"
                    + " ELSE 'FIRST_LINE' END ELSE CASE WHEN reopens > 0 THEN 'ESCALATED/REOPENED' ELSE 'ESCALATED' END"
                    + " END";
        };
        Map<String, Long> counts = new java.util.TreeMap<>();
        sql().query("countRegistered", "SELECT " + column + " AS k, COUNT(*) AS n FROM sk_requests"
                        + " WHERE tenant = ? AND registered_at >= ? AND registered_at < ? AND " + column + " IS NOT NULL"
                        + " GROUP BY " + column,
                rows -> counts.put(key == dev.supportkit.spi.storage.RequestCountKey.REGISTRATION_HOUR
                        ? Long.toString(rows.getLong("k")) : rows.getString("k"), rows.getLong("n")),
                tenant.value(), from, until);
        return counts;
    }

    // ------------------------------------------------------------------------------------------ outbox

    @Override
    public void enqueueOutbox(OutboxMessage m) {
        sql().insert("enqueueOutbox", () -> new ConcurrencyConflictException("outbox message", m.id(), 0, -1),
                "INSERT INTO sk_outbox (" + Rows.OUTBOX_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                m.id(), m.tenant().value(), requestId(m.request()), m.topic(), m.recipient(), m.payload(),
                IdempotencyKeys.stored(requestId(m.request()), m.idempotencyKey()), m.createdAt(), m.status(), m.attempts(), m.nextAttemptAt(), m.route(),
                m.lastOutcome());
    }

    @Override
    public List<OutboxMessage> findOutbox(TenantId tenant, RequestId request) {
        return ofRequest("findOutbox", Rows.OUTBOX_COLUMNS, "sk_outbox", "created_at, id",
                rows -> Rows.outbox(rows, sql.dialect()), tenant, request);
    }

    @Override
    public List<OutboxMessage> findOutboxByStatus(TenantId tenant, OutboxMessage.Status status, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000, got " + limit);
        }
        return sql().query("findOutboxByStatus", "SELECT " + Rows.OUTBOX_COLUMNS + " FROM sk_outbox "
                        + "WHERE tenant = ? AND status = ? ORDER BY created_at, id LIMIT ?",
                rows -> Rows.outbox(rows, sql.dialect()), tenant.value(), status, limit);
    }

    @Override
    public List<OutboxMessage> claimDueOutbox(Lease lease) {
        sql();
        return claims.outbox(lease);
    }

    private static final String UPDATE_OUTBOX = "UPDATE sk_outbox SET status = ?, attempts = ?, next_attempt_at = ?, "
            + "route = ?, last_outcome = ?, claimed_by = NULL, lease_until = NULL "
            + "WHERE id = ? AND tenant = ? AND claimed_by = ?";

    @Override
    public void updateOutbox(OutboxMessage m, String nodeId) {
        if (sql().update("updateOutbox", UPDATE_OUTBOX, outcomeOf(m, nodeId)) != 1) {
            throw lostClaim(m, nodeId);
        }
    }

    /** How many ids one UPDATE of {@link #updateOutboxAll} names at most. */
    private static final int OUTCOME_ID_CHUNK = 500;

    /**
     * One UPDATE per outcome shared by many messages (a pass's delivered events mostly share one) and per
     * {@value #OUTCOME_ID_CHUNK} of their ids, instead of one per message.
     */
    @Override
    public void updateOutboxAll(List<OutboxMessage> messages, String nodeId) {
        Map<List<Object>, List<OutboxMessage>> byOutcome = new LinkedHashMap<>();
        for (OutboxMessage m : messages) {
            byOutcome.computeIfAbsent(Arrays.asList(m.status(), m.attempts(), m.nextAttemptAt(), m.route(),
                    m.lastOutcome(), m.tenant().value()), k -> new ArrayList<>()).add(m);
        }
        for (Map.Entry<List<Object>, List<OutboxMessage>> outcome : byOutcome.entrySet()) {
            List<OutboxMessage> same = outcome.getValue();
            for (int from = 0; from < same.size(); from += OUTCOME_ID_CHUNK) {
                List<OutboxMessage> chunk = same.subList(from, Math.min(same.size(), from + OUTCOME_ID_CHUNK));
                List<Object> parameters = new ArrayList<>(outcome.getKey());
                parameters.add(nodeId);
                chunk.forEach(m -> parameters.add(m.id()));
                int updated = sql().update("updateOutboxAll", "UPDATE sk_outbox SET status = ?, attempts = ?, "
                        + "next_attempt_at = ?, route = ?, last_outcome = ?, claimed_by = NULL, lease_until = NULL "
                        + "WHERE tenant = ? AND claimed_by = ? AND id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", parameters.toArray());
                if (updated != chunk.size()) {
                    throw new ConcurrencyConflictException("outbox message claims of node " + nodeId + " on "
                            + (chunk.size() - updated) + " of the messages from", chunk.get(0).id(), 0, -1);
                }
            }
        }
    }

    private static Object[] outcomeOf(OutboxMessage m, String nodeId) {
        return new Object[] {m.status(), m.attempts(), m.nextAttemptAt(), m.route(), m.lastOutcome(), m.id(),
                m.tenant().value(), nodeId};
    }

    private static ConcurrencyConflictException lostClaim(OutboxMessage m, String nodeId) {
        return new ConcurrencyConflictException("outbox message claim of node " + nodeId + " on", m.id(), 0, -1);
    }

    @Override
    public Optional<OutboxMessage> findOutboxMessage(TenantId tenant, String id) {
        return sql().query("findOutboxMessage", "SELECT " + Rows.OUTBOX_COLUMNS + " FROM sk_outbox "
                        + "WHERE tenant = ? AND id = ?", rows -> Rows.outbox(rows, sql.dialect()), tenant.value(), id)
                .stream().findFirst();
    }

    @Override
    public boolean resetOutbox(TenantId tenant, String id, Instant nextAttemptAt) {
        return sql().update("resetOutbox", "UPDATE sk_outbox SET status = ?, attempts = 0, next_attempt_at = ?, "
                        + "route = 0, claimed_by = NULL, lease_until = NULL WHERE tenant = ? AND id = ?",
                OutboxMessage.Status.PENDING, nextAttemptAt, tenant.value(), id) == 1;
    }

    // ------------------------------------------------------------------------------------------ timers

    @Override
    public void scheduleTimer(TimerRecord t) {
        sql().insert("scheduleTimer", () -> new ConcurrencyConflictException("timer", t.id(), 0, -1),
                "INSERT INTO sk_timers (" + Rows.TIMER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)",
                t.id(), t.tenant().value(), requestId(t.request()), t.kind(), t.dueAt(), t.payload(), t.attempts());
    }

    @Override
    public int cancelTimers(TenantId tenant, RequestId request, String kind) {
        return sql().update("cancelTimers", "DELETE FROM sk_timers WHERE tenant = ? AND request_id = ? AND kind = ?",
                tenant.value(), request.value(), kind);
    }

    @Override
    public List<TimerRecord> findTimers(TenantId tenant, RequestId request) {
        return ofRequest("findTimers", Rows.TIMER_COLUMNS, "sk_timers", "due_at, id",
                rows -> Rows.timer(rows, sql.dialect()), tenant, request);
    }

    /** The rows of one request in a table, in the given order. */
    private <T> List<T> ofRequest(String operation, String columns, String table, String orderBy,
                                  Statements.RowMapper<T> mapper, TenantId tenant, RequestId request) {
        return sql().query(operation, "SELECT " + columns + " FROM " + table
                + " WHERE tenant = ? AND request_id = ? ORDER BY " + orderBy, mapper, tenant.value(), request.value());
    }

    @Override
    public List<TimerRecord> claimDueTimers(Lease lease) {
        sql();
        return claims.timers(lease);
    }

    @Override
    public void completeTimer(String timerId, String nodeId) {
        int deleted = sql().update("completeTimer", "DELETE FROM sk_timers WHERE id = ? AND claimed_by = ?",
                timerId, nodeId);
        if (deleted != 1) {
            throw new ConcurrencyConflictException("timer claim of node " + nodeId + " on", timerId, 0, -1);
        }
    }

    // ------------------------------------------------------------------------------------------ directory

    @Override
    public void saveDirectoryEntry(TenantId tenant, DirectoryEntry entry) {
        sql().update("saveDirectoryEntry", sql.dialect().upsertDirectory(), tenant.value(),
                entry.getClass().getSimpleName(), entry.entryId(), entry.owner().map(OrganizationId::value).orElse(null),
                codec.toJson(entry));
    }

    @Override
    public <T extends DirectoryEntry> Optional<T> findDirectoryEntry(TenantId tenant, Class<T> type, String id) {
        return sql().query("findDirectoryEntry", "SELECT entry_data FROM sk_directory "
                        + "WHERE tenant = ? AND entry_type = ? AND entry_id = ?",
                rows -> codec.fromJson(rows.getString("entry_data"), type), tenant.value(), type.getSimpleName(), id)
                .stream().findFirst();
    }

    @Override
    public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                   Optional<OrganizationId> owner) {
        return directoryEntries(tenant, type, owner, Optional.empty(), OptionalInt.empty());
    }

    /** A keyset page: {@code entry_id > ?} in the database's own order, so pages never skip or repeat. */
    @Override
    public <T extends DirectoryEntry> List<T> listDirectoryEntries(TenantId tenant, Class<T> type,
                                                                   Optional<OrganizationId> owner,
                                                                   Optional<String> afterId, int limit) {
        return directoryEntries(tenant, type, owner, afterId, OptionalInt.of(limit));
    }

    private <T extends DirectoryEntry> List<T> directoryEntries(TenantId tenant, Class<T> type,
                                                                Optional<OrganizationId> owner,
                                                                Optional<String> afterId, OptionalInt limit) {
        List<Object> parameters = new java.util.ArrayList<>(List.of(tenant.value(), type.getSimpleName()));
        owner.ifPresent(o -> parameters.add(o.value()));
        afterId.ifPresent(parameters::add);
        limit.ifPresent(parameters::add);
        String sqlText = "SELECT entry_data FROM sk_directory WHERE tenant = ? AND entry_type = ?"
                + (owner.isPresent() ? " AND owner_org = ?" : "") + (afterId.isPresent() ? " AND entry_id > ?" : "")
                + " ORDER BY entry_id" + (limit.isPresent() ? " LIMIT ?" : "");
        return sql().query("listDirectoryEntries", sqlText, rows -> codec.fromJson(rows.getString("entry_data"), type),
                parameters.toArray());
    }

    // ------------------------------------------------------------------------------------------ catalogue

    private static final String SELECT_CATALOG = "SELECT " + Rows.CATALOG_COLUMNS + " FROM sk_catalog ";

    /**
     * Inserts the version, flagged {@code latest} when it is higher than every stored version of the
     * document (then first unflagging the previous latest one). The unique key over the flag makes a
     * concurrent writer that read an outdated highest version fail with a duplicate key instead of
     * leaving two latest versions; the primary key rejects a stored version.
     */
    @Override
    public void insertCatalogRecord(CatalogRecord r) {
        Object[] document = {r.tenant().value(), r.kind(), r.id()};
        int highest = sql().query("insertCatalogRecord", "SELECT MAX(version) AS highest FROM sk_catalog "
                        + "WHERE tenant = ? AND kind = ? AND id = ?", rows -> {
                    int version = rows.getInt("highest");
                    return rows.wasNull() ? 0 : version;
                }, document).get(0);
        boolean latest = r.version() > highest;
        if (latest && highest > 0) { // a first version has no earlier one to demote
            sql.update("insertCatalogRecord", "UPDATE sk_catalog SET latest = NULL "
                            + "WHERE tenant = ? AND kind = ? AND id = ? AND latest = TRUE AND version < ?",
                    r.tenant().value(), r.kind(), r.id(), r.version());
        }
        sql.insert("insertCatalogRecord",
                () -> new ConcurrencyConflictException("catalogue " + r.kind(), r.id(), r.version() - 1, -1),
                "INSERT INTO sk_catalog (" + Rows.CATALOG_COLUMNS + ", latest) VALUES (?, ?, ?, ?, ?, ?, ?, "
                        + (latest ? "TRUE" : "NULL") + ")",
                r.tenant().value(), r.kind(), r.id(), r.version(), r.key().orElse(null), r.updatedAt(), r.data());
    }

    @Override
    public Optional<CatalogRecord> findCatalogRecord(TenantId tenant, String kind, String id) {
        return sql().query("findCatalogRecord", SELECT_CATALOG + "WHERE tenant = ? AND kind = ? AND id = ? "
                        + "AND latest = TRUE", rows -> Rows.catalog(rows, sql.dialect()), tenant.value(), kind, id)
                .stream().findFirst();
    }

    @Override
    public Optional<CatalogRecord> findCatalogRecordVersion(TenantId tenant, String kind, String id, int version) {
        return sql().query("findCatalogRecordVersion", SELECT_CATALOG + "WHERE tenant = ? AND kind = ? AND id = ? "
                        + "AND version = ?", rows -> Rows.catalog(rows, sql.dialect()), tenant.value(), kind, id, version)
                .stream().findFirst();
    }

    @Override
    public List<CatalogRecord> findCatalogHistory(TenantId tenant, String kind, String id) {
        return sql().query("findCatalogHistory", SELECT_CATALOG + "WHERE tenant = ? AND kind = ? AND id = ? "
                + "ORDER BY version", rows -> Rows.catalog(rows, sql.dialect()), tenant.value(), kind, id);
    }

    /**
     * The latest versions by id. The database orders by its binary collation; the result is sorted again
     * by code point because H2 compares UTF-16 units, which differs for characters outside the BMP.
     */
    @Override
    public List<CatalogRecord> listCatalogRecords(TenantId tenant, String kind, Optional<String> key) {
        String sqlText = SELECT_CATALOG + "WHERE tenant = ? AND kind = ? AND latest = TRUE"
                + (key.isPresent() ? " AND record_key = ?" : "") + " ORDER BY id";
        Object[] parameters = key.isPresent()
                ? new Object[] {tenant.value(), kind, key.get()}
                : new Object[] {tenant.value(), kind};
        List<CatalogRecord> records = new ArrayList<>(sql().query("listCatalogRecords", sqlText,
                rows -> Rows.catalog(rows, sql.dialect()), parameters));
        records.sort(Comparator.comparing(CatalogRecord::id, CodePointOrder.COMPARATOR));
        return records;
    }

    private static String requestId(RequestId request) {
        return request == null ? null : request.value();
    }
}
