package dev.supportkit.storage.jdbc;

import dev.supportkit.api.Identifier;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.RequestFacts;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns of {@code sk_requests} the engine writes on every insert and update, besides the key: the
 * snapshot and the facts queues and reports filter and sort by ({@link RequestFacts}).
 */
final class RequestColumns {
    /** The written columns, in the order of {@link #values}. */
    static final List<String> NAMES = List.of("version", "status", "organization", "support_line", "registered_at",
            "updated_at", "snapshot", "representative", "system_id", "model", "category", "group_id", "assignee",
            "priority_rank", "emergency", "incident", "due_at", "deadline_state", "first_response_due",
            "first_response_met", "resolution_due", "resolution_met", "vendor_case", "failed_component",
            "failure_cause");
    /** The column list of an INSERT. */
    static final String WRITTEN = String.join(", ", NAMES);
    /** The placeholders of an INSERT. */
    static final String PLACEHOLDERS = NAMES.stream().map(n -> "?").collect(Collectors.joining(", "));
    /** The SET list of an UPDATE. */
    static final String ASSIGNMENTS = NAMES.stream().map(n -> n + " = ?").collect(Collectors.joining(", "));

    private RequestColumns() {
    }

    /**
     * @param request  the snapshot
     * @param snapshot its JSON
     * @return the values of {@link #NAMES}, in order
     */
    static List<Object> values(Request request, String snapshot) {
        RequestFacts facts = RequestFacts.of(request);
        return Arrays.asList(request.version(), request.status(), request.organization().value(), request.line(),
                request.registeredAt(), request.updatedAt(), snapshot, request.representative().value(),
                id(request.system()), text(request.model()), text(request.category()), id(request.group()),
                id(request.assignee()), facts.priorityRank(), request.intake().emergency(),
                id(request.intake().incident()), facts.dueAt(), text(facts.deadlineState().map(Enum::name)),
                instant(facts.firstResponseDue()), instant(facts.firstResponseMet()), instant(facts.resolutionDue()),
                instant(facts.resolutionMet()), text(facts.vendorCase()), text(facts.failedComponent()),
                text(facts.failureCause()));
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
