package dev.supportkit.spi.storage;

import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.RequestQuery;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A queue query as the engine hands it to a store: the caller's filters with "mine" already resolved
 * to a specialist and a customer's organisation already applied, the time deadline conditions are
 * measured from, where the previous page ended, and how many requests to return. A store matches and
 * orders exactly as {@link RequestFacts#matches(dev.supportkit.api.request.Request, RequestSelection)} and
 * {@link RequestFacts#order(dev.supportkit.api.request.RequestSort)} say; the storage contract kit checks
 * it. The query's own cursor and limit are not for the store.
 *
 * @param query the filters and the order; its assignee filter is never {@code MINE}
 * @param now   the engine clock's time, for deadline conditions
 * @param after where the previous page ended, if any: only requests after it in the order
 * @param limit at most this many requests (the engine asks one more than the page, to know whether a
 *              next page exists)
 */
public record RequestSelection(RequestQuery query, Instant now, Optional<RequestPosition> after, int limit) {
    /**
     * Checks the parts.
     *
     * @param query the filters and order
     * @param now   the time deadline conditions are measured from
     * @param after where the previous page ended, if any
     * @param limit at most this many, at least 1
     */
    public RequestSelection {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(after, "after");
        if (query.assignee().kind() == AssigneeFilter.Kind.MINE) {
            throw new IllegalArgumentException("resolve MINE to a specialist before selecting");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
    }

    /**
     * Returns a selection of every request the query's filters match, from the start, without the
     * query's own page limit.
     *
     * @param query the filters and order; its assignee filter is never {@code MINE}
     * @param now   the time deadline conditions are measured from
     * @param limit at most this many
     * @return the selection
     */
    public static RequestSelection of(RequestQuery query, Instant now, int limit) {
        return new RequestSelection(query, now, Optional.empty(), limit);
    }
}
