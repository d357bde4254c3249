package dev.supportkit.api.reports;

import dev.supportkit.api.request.RequestQuery;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The quality evaluation of one specialist or group over a period (D/02.7): a score from 0 to 100 combined
 * from objective parts (deadlines met, first-contact resolution, resolutions not reopened) and a subjective
 * one (customers' satisfaction), with weights from configuration. It is always given with its parts, the
 * figures they come from, and the query that lists the requests behind them.
 *
 * @param query    whom and which period was evaluated
 * @param score    the combined score from 0 to 100; empty when no part had anything to count
 * @param parts    every part, in a fixed order, also those without a value
 * @param figures  the request figures the objective parts come from
 * @param requests lists the requests registered in the period that the figures count (resolutions of
 *                 requests registered earlier count too: widen its registration window to see them)
 */
public record Evaluation(MetricsQuery query, OptionalDouble score, List<EvaluationPart> parts,
                         RequestMetrics figures, RequestQuery requests) {
    /**
     * Copies the parts.
     *
     * @param query    whom and when
     * @param score    the score, if any
     * @param parts    the parts
     * @param figures  the figures
     * @param requests the requests behind it
     */
    public Evaluation {
        Objects.requireNonNull(query, "query");
        score = score == null ? OptionalDouble.empty() : score;
        parts = List.copyOf(parts);
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(requests, "requests");
    }

    /**
     * Returns one part.
     *
     * @param name the part's name
     * @return the part
     * @throws IllegalArgumentException when there is no such part
     */
    public EvaluationPart part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no evaluation part '" + name + "'"));
    }
}
