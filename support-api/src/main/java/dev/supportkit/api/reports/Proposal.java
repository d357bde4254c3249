package dev.supportkit.api.reports;

import dev.supportkit.api.request.RequestQuery;
import java.util.List;
import java.util.Objects;

/**
 * A proposal with its evidence: what to do, the figures it rests on, and the query of the requests behind
 * those figures.
 *
 * @param kind     what it is about
 * @param subject  what it names: a category, a model, a component, a specialist, or {@code "hours"}
 * @param summary  the proposal in one sentence
 * @param figures  the figures it rests on, in order
 * @param requests lists the requests the figures were counted from
 */
public record Proposal(ProposalKind kind, String subject, String summary, List<Figure> figures,
                       RequestQuery requests) {
    /**
     * Copies the figures.
     *
     * @param kind     the kind
     * @param subject  what it names
     * @param summary  the sentence
     * @param figures  the figures
     * @param requests the requests behind it
     */
    public Proposal {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(summary, "summary");
        figures = List.copyOf(figures);
        Objects.requireNonNull(requests, "requests");
    }
}
