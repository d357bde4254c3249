package dev.supportkit.spi.storage;

import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a queue page ended: the sort key of its last request. The next page holds the requests that
 * come strictly after it in the selection's order. Which parts count depends on the order: the
 * priority rank only for {@code PRIORITY_THEN_DUE}; the instant is the due time for {@code DUE} and
 * {@code PRIORITY_THEN_DUE}, the registration time for {@code REGISTERED} and {@code NEWEST_FIRST}, the
 * last change for the two update orders.
 *
 * @param priorityRank the last request's {@link RequestFacts#priorityRank() priority rank}
 * @param instant      the last request's instant in the order
 * @param id           the last request's id
 */
public record RequestPosition(int priorityRank, Instant instant, RequestId id) {
    /**
     * Checks that the parts are present.
     *
     * @param priorityRank the priority rank
     * @param instant      the instant
     * @param id           the id
     */
    public RequestPosition {
        Objects.requireNonNull(instant, "instant");
        Objects.requireNonNull(id, "id");
    }
}
