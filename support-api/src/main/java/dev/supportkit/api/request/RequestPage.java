package dev.supportkit.api.request;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a queue.
 *
 * @param requests   the requests of this page, in the query's order, at most the query's limit
 * @param nextCursor where the next page starts, to pass to {@link RequestQuery.Builder#after(String)};
 *                   empty on the last page
 */
public record RequestPage(List<Request> requests, Optional<String> nextCursor) {
    /**
     * Copies the list.
     *
     * @param requests   the requests of this page
     * @param nextCursor where the next page starts; empty on the last page
     */
    public RequestPage {
        requests = List.copyOf(requests);
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
