package dev.supportkit.storage.jdbc;

import dev.supportkit.api.Identifier;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Milestones;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.storage.RequestFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request as a row of {@code sk_requests}: the facts queues and reports filter and sort by as columns
 * ({@link RequestFacts}), the rest as a {@link RequestDocument}. A request is read back from its row and,
 * when its description is its first contact's text, that contact's row.
 */
final class RequestColumns {
    /** The columns every insert and update writes, in the order of {@link #values}. */
    static final List<String> NAMES = List.of("version", "status", "organization", "support_line", "registered_at",
            "updated_at", "representative", "system_id", "model", "category", "group_id", "assignee",
            "priority_rank", "emergency", "incident", "due_at", "deadline_state", "first_response_due",
            "first_response_met", "resolution_due", "resolution_met", "vendor_case", "failed_component",
            "failure_cause", "is_open", "first_response_at", "resolved_at", "signed_off_at", "closed_at",
            "escalated_at", "reopens", "survey_sent_at", "survey_answered_at", "survey_score",
            "first_response_worked", "resolution_worked", "journal_seq", "journal_hash");
    /** The INSERT statement: key, the columns, the document and the first contact. */
    static final String INSERT = "INSERT INTO sk_requests (tenant, id, " + String.join(", ", NAMES)
            + ", document, first_contact) VALUES (?, ?, " + NAMES.stream().map(n -> "?").collect(Collectors.joining(", "))
            + ", ?, ?)";
    /**
     * The UPDATE statement: the columns, then the document in its two forms (the one without the description
     * is kept when the row names its first contact), then tenant, id and the expected version.
     */
    static final String UPDATE = update(NAMES);
    /**
     * The columns migrations V10, V11 and V13 added: the Java migration V5, which runs before them, writes the
     * others (and the journal head in the document, where rows kept it before V13).
     */
    static final List<String> ADDED_AFTER_V5 = List.of("escalated_at", "reopens", "survey_sent_at",
            "survey_answered_at", "survey_score", "first_response_worked", "resolution_worked", "journal_seq",
            "journal_hash");

    /**
     * The columns a {@link #SELECT} reads, in order; {@link #read} takes each by its place, which PgJDBC and
     * the other drivers find without a lookup by name. The tenant is not among them: every query that reads
     * requests names it, and {@link #read} is given it.
     */
    private static final List<String> SELECTED = List.of("r.id", "r.version", "r.status", "r.organization",
            "r.support_line", "r.registered_at", "r.updated_at", "r.representative", "r.system_id", "r.model",
            "r.category", "r.group_id", "r.assignee", "r.priority_rank", "r.first_response_at", "r.resolved_at",
            "r.signed_off_at", "r.closed_at", "r.escalated_at", "r.reopens", "r.journal_seq", "r.journal_hash",
            "r.document", "c.body");
    private static final int ID = place("r.id");
    private static final int VERSION = place("r.version");
    private static final int STATUS = place("r.status");
    private static final int ORGANIZATION = place("r.organization");
    private static final int SUPPORT_LINE = place("r.support_line");
    private static final int REGISTERED_AT = place("r.registered_at");
    private static final int UPDATED_AT = place("r.updated_at");
    private static final int REPRESENTATIVE = place("r.representative");
    private static final int SYSTEM_ID = place("r.system_id");
    private static final int MODEL = place("r.model");
    private static final int CATEGORY = place("r.category");
    private static final int GROUP_ID = place("r.group_id");
    private static final int ASSIGNEE = place("r.assignee");
    private static final int PRIORITY_RANK = place("r.priority_rank");
    private static final int FIRST_RESPONSE_AT = place("r.first_response_at");
    private static final int RESOLVED_AT = place("r.resolved_at");
    private static final int SIGNED_OFF_AT = place("r.signed_off_at");
    private static final int CLOSED_AT = place("r.closed_at");
    private static final int ESCALATED_AT = place("r.escalated_at");
    private static final int REOPENS = place("r.reopens");
    private static final int JOURNAL_SEQ = place("r.journal_seq");
    private static final int JOURNAL_HASH = place("r.journal_hash");
    private static final int DOCUMENT = place("r.document");
    private static final int FIRST_TEXT = place("c.body");
    /** Priorities by rank ({@link RequestFacts#priorityRank}), without a copy of {@code values()} per row. */
    private static final Priority[] BY_RANK = rankedPriorities();

    /**
     * What reading a request selects: its row, and its first contact's text when that is its description. The
     * caller adds the WHERE clause, which names the tenant.
     */
    static final String SELECT = "SELECT " + String.join(", ", SELECTED) + " FROM sk_requests r"
            + " LEFT JOIN sk_contacts c ON c.tenant = r.tenant AND c.request_id = r.id AND c.id = r.first_contact";

    private RequestColumns() {
    }

    /**
     * The UPDATE statement of some of the columns: those columns, then the document in its two forms (the one
     * without the description is kept when the row names its first contact), then tenant, id and the expected
     * version.
     *
     * @param names the columns, a subset of {@link #NAMES} in its order
     * @return the statement
     */
    static String update(List<String> names) {
        return "UPDATE sk_requests SET " + names.stream().map(n -> n + " = ?").collect(Collectors.joining(", "))
                + ", document = CASE WHEN first_contact IS NULL THEN ? ELSE ? END"
                + " WHERE tenant = ? AND id = ? AND version = ?";
    }

    /**
     * @param request the snapshot
     * @param names   the columns wanted, a subset of {@link #NAMES}
     * @return their values, in the order of {@code names}
     */
    static List<Object> values(Request request, List<String> names) {
        List<Object> all = values(request);
        return names.stream().map(n -> all.get(NAMES.indexOf(n))).toList();
    }

    /**
     * @param request the snapshot
     * @return the values of {@link #NAMES}, in order
     */
    static List<Object> values(Request request) {
        RequestFacts facts = RequestFacts.of(request);
        return Arrays.asList(request.version(), request.status(), request.organization().value(), request.line(),
                request.registeredAt(), request.updatedAt(), request.representative().value(),
                id(request.system()), text(request.model()), text(request.category()), id(request.group()),
                id(request.assignee()), facts.priorityRank(), request.intake().emergency(),
                id(request.intake().incident()), facts.dueAt(), text(facts.deadlineState().map(Enum::name)),
                instant(facts.firstResponseDue()), instant(facts.firstResponseMet()), instant(facts.resolutionDue()),
                instant(facts.resolutionMet()), text(facts.vendorCase()), text(facts.failedComponent()),
                text(facts.failureCause()), request.status().isOpen(),
                instant(request.milestones().firstResponse()), instant(request.milestones().resolved()),
                instant(request.milestones().signedOff()), instant(request.milestones().closed()),
                instant(request.milestones().escalated()), request.milestones().reopens(),
                instant(request.survey().map(s -> s.sentAt())), instant(request.survey().flatMap(s -> s.answeredAt())),
                request.survey().flatMap(s -> s.score()).<Object>map(score -> score)
                        .orElse(Statements.TypedNull.INTEGER),
                micros(facts.firstResponseWorked()), micros(facts.resolutionWorked()), request.journalSequence(),
                JdbcTransaction.hash(request.journalHash()));
    }

    /** The 1-based place of a column in {@link #SELECTED}. */
    private static int place(String column) {
        int index = SELECTED.indexOf(column);
        if (index < 0) {
            throw new IllegalStateException(column + " is not selected");
        }
        return index + 1;
    }

    private static Priority[] rankedPriorities() {
        Priority[] ranked = new Priority[Priority.values().length];
        for (Priority p : Priority.values()) {
            ranked[RequestFacts.priorityRank(p)] = p;
        }
        return ranked;
    }

    /**
     * Reads the request of the current row of a {@link #SELECT}.
     *
     * @param rows    the rows, on the one to read
     * @param tenant  the tenant the query named
     * @param dialect the database's dialect
     * @param codec   the engine's codec, for the document
     * @return the request
     * @throws SQLException when the driver fails
     */
    static Request read(ResultSet rows, TenantId tenant, Dialect dialect, DataCodec codec) throws SQLException {
        RequestDocument document = DocumentReader.read(rows.getString(DOCUMENT), codec);
        String description = document.description() != null ? document.description() : rows.getString(FIRST_TEXT);
        String system = rows.getString(SYSTEM_ID);
        String group = rows.getString(GROUP_ID);
        String assignee = rows.getString(ASSIGNEE);
        return Request.builder().id(RequestId.of(rows.getString(ID))).tenant(tenant)
                .organization(OrganizationId.of(rows.getString(ORGANIZATION)))
                .representative(RepresentativeId.of(rows.getString(REPRESENTATIVE)))
                .system(system == null ? null : SystemId.of(system))
                .model(rows.getString(MODEL)).subject(document.subject()).description(description)
                .channel(document.channel())
                .priority(BY_RANK[rows.getInt(PRIORITY_RANK)])
                .status(RequestStatus.valueOf(rows.getString(STATUS)))
                .line(SupportLine.valueOf(rows.getString(SUPPORT_LINE)))
                .group(group == null ? null : GroupId.of(group))
                .assignee(assignee == null ? null : SpecialistId.of(assignee))
                .resolution(document.resolution())
                .registeredAt(dialect.getInstant(rows, REGISTERED_AT))
                .updatedAt(dialect.getInstant(rows, UPDATED_AT)).version(rows.getLong(VERSION))
                .journalHead(journalSequence(rows, document), journalHash(rows, document))
                .deadlines(document.deadlines())
                .vendorCase(document.vendorCase()).category(rows.getString(CATEGORY)).intake(document.intake())
                .typical(document.typical())
                .workPlan(document.workPlan())
                .works(document.works())
                .survey(document.survey())
                .milestones(new Milestones(instant(rows, dialect, FIRST_RESPONSE_AT),
                        instant(rows, dialect, RESOLVED_AT), instant(rows, dialect, SIGNED_OFF_AT),
                        instant(rows, dialect, CLOSED_AT), instant(rows, dialect, ESCALATED_AT),
                        rows.getInt(REOPENS)))
                .build();
    }

    /** The journal head's sequence: its column, or in a row written before schema version 13, the document. */
    private static long journalSequence(ResultSet rows, RequestDocument document) throws SQLException {
        long sequence = rows.getLong(JOURNAL_SEQ);
        if (!rows.wasNull()) {
            return sequence;
        }
        return document.journalSequence() == null ? 0 : document.journalSequence();
    }

    /** The journal head's hash: its column, or in a row written before schema version 13, the document. */
    private static String journalHash(ResultSet rows, RequestDocument document) throws SQLException {
        byte[] hash = rows.getBytes(JOURNAL_HASH);
        return hash == null ? document.journalHash() : HashBytes.decode(hash);
    }

    /** A working time as whole microseconds (what the metrics' percentiles order by), or a typed null. */
    private static Object micros(Optional<java.time.Duration> time) {
        return time.<Object>map(t -> t.toNanos() / 1000).orElse(Statements.TypedNull.BIGINT);
    }

    private static Optional<Instant> instant(ResultSet rows, Dialect dialect, int column) throws SQLException {
        return Optional.ofNullable(dialect.getInstant(rows, column));
    }

    private static Object id(Optional<? extends Identifier> value) {
        return value.map(Identifier::value).orElse(null);
    }

    private static Object text(Optional<String> value) {
        return value.orElse(null);
    }

    private static Object instant(Optional<Instant> value) {
        return value.isPresent() ? value.get() : Statements.TypedNull.TIMESTAMP;
    }
}
