package dev.supportkit.api.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Request metrics of a period next to those of the period before it, of the same length.
 *
 * @param query       what was counted
 * @param current     the period's rows, by key
 * @param previous    the previous period's rows, by key
 * @param generatedAt when the figures were counted
 */
public record MetricsReport(MetricsQuery query, List<RequestMetrics> current, List<RequestMetrics> previous,
                            Instant generatedAt) {
    /**
     * Copies the rows.
     *
     * @param query       what was counted
     * @param current     this period's rows
     * @param previous    the previous period's rows
     * @param generatedAt when counted
     */
    public MetricsReport {
        Objects.requireNonNull(query, "query");
        current = List.copyOf(current);
        previous = List.copyOf(previous);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }

    /**
     * Returns the period's row of one key.
     *
     * @param key a specialist, group or organisation id, or {@link RequestMetrics#TENANT_KEY}
     * @return its row, or empty when it had no requests in the period
     */
    public Optional<RequestMetrics> current(String key) {
        return current.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    /**
     * Returns the previous period's row of one key, for comparison.
     *
     * @param key a specialist, group or organisation id, or {@link RequestMetrics#TENANT_KEY}
     * @return its row, or empty when it had no requests then
     */
    public Optional<RequestMetrics> previous(String key) {
        return previous.stream().filter(r -> r.key().equals(key)).findFirst();
    }
}
