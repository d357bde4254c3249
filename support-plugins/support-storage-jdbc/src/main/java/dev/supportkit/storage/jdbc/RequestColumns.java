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

    /** What reading a request selects: its row, and its first contact's text when that is its description. */
    static final String SELECT = "SELECT r.tenant, r.id, r.version, r.status, r.organization, r.support_line,"
            + " r.registered_at, r.updated_at, r.representative, r.system_id, r.model, r.category, r.group_id,"
            + " r.assignee, r.priority_rank, r.first_response_at, r.resolved_at, r.signed_off_at, r.closed_at,"
            + " r.escalated_at, r.reopens, r.journal_seq, r.journal_hash,"
            + " r.document, c.body AS first_text FROM sk_requests r"
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

    /** Reads the request of the current row of a {@link #SELECT}. */
    static Request read(ResultSet rows, Dialect dialect, DataCodec codec) throws SQLException {
        RequestDocument document = codec.fromJson(rows.getString("document"), RequestDocument.class);
        String description = document.description() != null ? document.description() : rows.getString("first_text");
        return Request.builder().id(RequestId.of(rows.getString("id"))).tenant(TenantId.of(rows.getString("tenant")))
                .organization(OrganizationId.of(rows.getString("organization")))
                .representative(RepresentativeId.of(rows.getString("representative")))
                .system(optional(rows, "system_id").map(SystemId::of).orElse(null))
                .model(rows.getString("model")).subject(document.subject()).description(description)
                .channel(document.channel())
                .priority(Priority.values()[Priority.CRITICAL.ordinal() - rows.getInt("priority_rank")])
                .status(RequestStatus.valueOf(rows.getString("status")))
                .line(SupportLine.valueOf(rows.getString("support_line")))
                .group(optional(rows, "group_id").map(GroupId::of).orElse(null))
                .assignee(optional(rows, "assignee").map(SpecialistId::of).orElse(null))
                .resolution(document.resolution())
                .registeredAt(dialect.getInstant(rows, "registered_at"))
                .updatedAt(dialect.getInstant(rows, "updated_at")).version(rows.getLong("version"))
                .journalHead(journalSequence(rows, document), journalHash(rows, document))
                .deadlines(document.deadlines())
                .vendorCase(document.vendorCase()).category(rows.getString("category")).intake(document.intake())
                .typical(document.typical())
                .workPlan(document.workPlan())
                .works(document.works())
                .survey(document.survey())
                .milestones(new Milestones(instant(rows, dialect, "first_response_at"),
                        instant(rows, dialect, "resolved_at"), instant(rows, dialect, "signed_off_at"),
                        instant(rows, dialect, "closed_at"), instant(rows, dialect, "escalated_at"),
                        rows.getInt("reopens")))
                .build();
    }

    /** The journal head's sequence: its column, or in a row written before schema version 13, the document. */
    private static long journalSequence(ResultSet rows, RequestDocument document) throws SQLException {
        long sequence = rows.getLong("journal_seq");
        if (!rows.wasNull()) {
            return sequence;
        }
        return document.journalSequence() == null ? 0 : document.journalSequence();
    }

    /** The journal head's hash: its column, or in a row written before schema version 13, the document. */
    private static String journalHash(ResultSet rows, RequestDocument document) throws SQLException {
        byte[] hash = rows.getBytes("journal_hash");
        return hash == null ? document.journalHash() : HashBytes.decode(hash);
    }

    /** A working time as whole microseconds (what the metrics' percentiles order by), or a typed null. */
    private static Object micros(Optional<java.time.Duration> time) {
        return time.<Object>map(t -> t.toNanos() / 1000).orElse(Statements.TypedNull.BIGINT);
    }

    private static Optional<Instant> instant(ResultSet rows, Dialect dialect, String column) throws SQLException {
        return Optional.ofNullable(dialect.getInstant(rows, column));
    }

    private static Optional<String> optional(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
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
