package dev.supportkit.api.reports;

import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A summary of the requests of a period for other departments (B/03.6, D/02.7): requests by problem category,
 * by the line that holds them and by the handling path taken, the overdue ones, and recommendations.
 *
 * @param from            the period's start, inclusive
 * @param until           the period's end, exclusive
 * @param received        requests registered in the period
 * @param byCategory      of those, per problem category (requests without one are left out)
 * @param byLine          of those, per line that holds them now
 * @param byPath          of those, per handling path ({@code FIRST_LINE}, {@code ESCALATED}, with
 *                        {@code /REOPENED} when reopened)
 * @param overdue         open requests with a breached deadline now
 * @param overdueRequests the most overdue of them, at most 20, most overdue first
 * @param recommendations proposals with their evidence (see {@link ReportService#proposals})
 * @param generatedAt     when it was put together
 */
public record Digest(Instant from, Instant until, long received, Map<String, Long> byCategory,
                     Map<String, Long> byLine, Map<String, Long> byPath, long overdue, List<RequestId> overdueRequests,
                     List<Proposal> recommendations, Instant generatedAt) {
    /**
     * Copies the collections.
     *
     * @param from            the start
     * @param until           the end
     * @param received        registered in the period
     * @param byCategory      per category
     * @param byLine          per line
     * @param byPath          per path
     * @param overdue         overdue now
     * @param overdueRequests the most overdue
     * @param recommendations the proposals
     * @param generatedAt     when
     */
    public Digest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        byCategory = Map.copyOf(byCategory);
        byLine = Map.copyOf(byLine);
        byPath = Map.copyOf(byPath);
        overdueRequests = List.copyOf(overdueRequests);
        recommendations = List.copyOf(recommendations);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
