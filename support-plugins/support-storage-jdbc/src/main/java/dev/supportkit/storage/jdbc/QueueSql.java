package dev.supportkit.storage.jdbc;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.RequestSort;
import dev.supportkit.spi.storage.RequestFacts;
import dev.supportkit.spi.storage.RequestPosition;
import dev.supportkit.spi.storage.RequestSelection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The WHERE clause (and for a page the ORDER BY and LIMIT) of a queue query on {@code sk_requests},
 * with its parameters: the SQL form of {@link RequestFacts#matches} and {@link RequestFacts#order}.
 * Statuses and priorities are enum constants and go in as literals, so that PostgreSQL can prove a
 * partial index over open requests applies (every open status is the {@code is_open} flag alone); so does the
 * page's limit (see {@link #page}); everything else is a parameter.
 *
 * @param sql        the text after {@code WHERE}
 * @param parameters its parameters, in order
 */
record QueueSql(String sql, Object[] parameters) {
    /** The open statuses: {@code is_open} is true exactly on the rows in one of them. */
    private static final Set<RequestStatus> OPEN = Arrays.stream(RequestStatus.values()).filter(RequestStatus::isOpen)
            .collect(Collectors.toUnmodifiableSet());

    /** A page: filters, the keyset condition after the previous page, order and limit. */
    static QueueSql page(TenantId tenant, RequestSelection selection) {
        Builder b = filters(tenant, selection);
        RequestSort sort = selection.query().sort();
        List<String> keys = sortColumns(sort);
        boolean descending = RequestFacts.descending(sort);
        selection.after().ifPresent(position -> b.keyset(keys, keyValues(sort, position), descending));
        b.where.append(" ORDER BY ");
        for (int i = 0; i < keys.size(); i++) {
            b.where.append(i == 0 ? "" : ", ").append(keys.get(i)).append(descending ? " DESC" : "");
        }
        // The limit as a literal, not a parameter: PostgreSQL costs a plan with a parameter for its limit as if it
        // read a tenth of the rows, so the prepared statement's generic plan looked dearer than planning anew for
        // each page, and every page was planned again (about 0.15 ms). A page size is one of a few numbers, so the
        // driver still prepares one statement per filter shape and keeps it.
        b.where.append(" LIMIT ").append(selection.limit());
        return new QueueSql(b.where.toString(), b.parameters.toArray());
    }

    /** A count: the filters only. */
    static QueueSql count(TenantId tenant, RequestSelection selection) {
        Builder b = filters(tenant, selection);
        return new QueueSql(b.where.toString(), b.parameters.toArray());
    }

    private static List<String> sortColumns(RequestSort sort) {
        return switch (sort) {
            case DUE -> List.of("r.due_at", "r.id");
            case PRIORITY_THEN_DUE -> List.of("r.priority_rank", "r.due_at", "r.id");
            case REGISTERED, NEWEST_FIRST -> List.of("r.registered_at", "r.id");
            case RECENTLY_UPDATED, LEAST_RECENTLY_UPDATED -> List.of("r.updated_at", "r.id");
        };
    }

    private static List<Object> keyValues(RequestSort sort, RequestPosition p) {
        return sort == RequestSort.PRIORITY_THEN_DUE
                ? List.of(p.priorityRank(), p.instant(), p.id().value())
                : List.of(p.instant(), p.id().value());
    }

    private static Builder filters(TenantId tenant, RequestSelection selection) {
        RequestQuery q = selection.query();
        Builder b = new Builder();
        b.where.append("r.tenant = ?");
        b.parameters.add(tenant.value());
        if (q.statuses().equals(OPEN)) {
            // every open status: the flag says it alone, and the open indexes hold it, so no row is filtered by status
            b.where.append(" AND r.is_open");
        } else if (!q.statuses().isEmpty()) {
            b.where.append(" AND r.status IN (").append(literals(q.statuses().stream().sorted().toList(),
                    s -> "'" + s.name() + "'")).append(')');
            if (q.statuses().stream().allMatch(RequestStatus::isOpen)) {
                b.where.append(" AND r.is_open"); // implied by the statuses; lets PostgreSQL use the open indexes
            }
        }
        b.equal("r.support_line", q.line());
        b.equal("r.group_id", q.group().map(g -> g.value()));
        switch (q.assignee().kind()) {
            case UNASSIGNED -> b.where.append(" AND r.assignee IS NULL");
            case SPECIALIST -> b.equal("r.assignee", q.assignee().specialist().map(s -> s.value()));
            case ANY -> { }
            case MINE -> throw new IllegalArgumentException("MINE is resolved before selecting");
        }
        if (!q.priorities().isEmpty()) {
            b.where.append(" AND r.priority_rank IN (").append(literals(q.priorities().stream().sorted().toList(),
                    (Priority p) -> Integer.toString(RequestFacts.priorityRank(p)))).append(')');
        }
        b.equal("r.category", q.category());
        b.equal("r.organization", q.organization().map(o -> o.value()));
        b.equal("r.system_id", q.system().map(s -> s.value()));
        b.equal("r.model", q.model());
        b.equal("r.emergency", q.emergency());
        if (!q.deadlines().isEmpty()) {
            List<String> alternatives = new ArrayList<>();
            for (DeadlineCondition condition : q.deadlines().stream()
                    .sorted((x, y) -> x.kind().compareTo(y.kind())).toList()) {
                alternatives.add(b.deadline(condition, selection.now()));
            }
            b.where.append(" AND (").append(String.join(" OR ", alternatives)).append(')');
        }
        b.compare("r.registered_at", ">=", q.registeredFrom());
        b.compare("r.registered_at", "<", q.registeredUntil());
        b.compare("r.updated_at", ">=", q.updatedFrom());
        b.compare("r.updated_at", "<", q.updatedUntil());
        return b;
    }

    private static <T> String literals(List<T> values, Function<T, String> literal) {
        return values.stream().map(literal).collect(Collectors.joining(", "));
    }

    /** Collects the clause and its parameters. */
    private static final class Builder {
        final StringBuilder where = new StringBuilder();
        final List<Object> parameters = new ArrayList<>();

        void equal(String column, Optional<?> value) {
            value.ifPresent(v -> {
                where.append(" AND ").append(column).append(" = ?");
                parameters.add(v);
            });
        }

        void compare(String column, String operator, Optional<Instant> value) {
            value.ifPresent(v -> {
                where.append(" AND ").append(column).append(' ').append(operator).append(" ?");
                parameters.add(v);
            });
        }

        /** One deadline condition, as a parenthesised alternative; its parameters are added in place. */
        String deadline(DeadlineCondition condition, Instant now) {
            return switch (condition.kind()) {
                case MET -> "(r.deadline_state = 'MET')";
                case BREACHED -> {
                    parameters.add(now);
                    yield "(r.deadline_state = 'BREACHED' OR r.due_at <= ?)";
                }
                case AT_RISK -> {
                    parameters.add(now);
                    parameters.add(now.plus(condition.window()));
                    // a real due time means a deadline runs, so the state is PENDING or BREACHED
                    yield "(r.due_at > ? AND r.due_at <= ? AND r.deadline_state = 'PENDING')";
                }
            };
        }

        /**
         * Rows strictly after the position: (k1, k2, ...) > (v1, v2, ...) written out, so that every
         * database can use the index on the sort columns.
         */
        void keyset(List<String> keys, List<Object> values, boolean descending) {
            String greater = descending ? " < ?" : " > ?";
            StringBuilder condition = new StringBuilder();
            for (int i = keys.size() - 1; i >= 0; i--) {
                String key = keys.get(i);
                if (i == keys.size() - 1) {
                    condition.append(key).append(greater);
                } else {
                    condition.insert(0, key + greater + " OR (" + key + " = ? AND (").append("))");
                }
            }
            where.append(" AND (").append(condition).append(')');
            // parameters in the order the placeholders appear: v1, v1, v2, v2, ..., vn
            for (int i = 0; i < keys.size() - 1; i++) {
                parameters.add(values.get(i));
                parameters.add(values.get(i));
            }
            parameters.add(values.get(keys.size() - 1));
        }
    }
}
