package dev.supportkit.api.reports;

import dev.supportkit.api.Actor;

/**
 * Reports over the tenant's requests (B/03.6, D/02.7). Computed by the storage provider, not by
 * loading every request into memory.
 */
public interface ReportService {
    /**
     * Counts the tenant's requests by status.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @return the summary
     */
    StatusSummary statusSummary(Actor actor);

    /**
     * Counts request metrics (see {@link RequestMetrics} for what each figure means) over a period and the
     * period before it, in the storage provider. Who may count what:
     * <ul>
     *   <li>an intake lead or an auditor: every scope and subject;</li>
     *   <li>a group lead: their own group ({@link MetricsScope#GROUP}; without a subject, their group) and
     *       the specialists of their group ({@link MetricsScope#SPECIALIST}; other specialists' rows are
     *       left out, and naming one is refused);</li>
     *   <li>a first-line operator or second-line engineer: themselves only ({@link MetricsScope#SPECIALIST};
     *       without a subject, themselves).</li>
     * </ul>
     *
     * @param actor who asks
     * @param query per what, for whom and over which period
     * @return this period's rows next to the previous period's
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor may not see that scope or subject
     * @throws dev.supportkit.api.error.ValidationException   when an argument is missing or out of range
     */
    MetricsReport metrics(Actor actor, MetricsQuery query);

    /**
     * Evaluates one specialist or group over a period (D/02.7): the score, its parts with their weights
     * ({@code supportkit.quality.evaluation.weight.*}) and figures, and the query of the requests behind it.
     * The same people may evaluate as may count {@link #metrics}: a specialist themselves, a group lead
     * their group and its specialists, an intake lead and an auditor anyone.
     *
     * @param actor who asks
     * @param query {@link MetricsScope#SPECIALIST} or {@link MetricsScope#GROUP} with a subject (a
     *              specialist or operator may leave it out to mean themselves), and the period
     * @return the evaluation
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor may not evaluate that subject
     * @throws dev.supportkit.api.error.ValidationException   when the scope is another or the subject missing
     */
    Evaluation evaluate(Actor actor, MetricsQuery query);

    /**
     * Reports which labour functions of the standard each person performed in a period, counted from the
     * journal in the store. An intake lead and an auditor see everyone; a group lead the specialists of
     * their group; an operator or engineer themselves.
     *
     * @param actor who asks
     * @param from  the period's start, inclusive
     * @param until the period's end, exclusive
     * @return one total per person and function, by person then function
     */
    java.util.List<LaborFunctionTotal> laborFunctions(Actor actor, java.time.Instant from, java.time.Instant until);

    /**
     * Works out proposals with their evidence for a period (D/02.7): staffing per hour of the week by the
     * Erlang C formula from measured arrivals and handling times against a target service level; knowledge
     * gaps (problem categories and models with many requests and no article in the solution base); repeated
     * failures of a model or component worth a vendor case; and routing imbalance between specialists. Each
     * proposal names its figures and the query of the requests behind them.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @param query the period, the service target and the thresholds
     * @return the proposals and the hours of the week
     */
    ProposalReport proposals(Actor actor, ProposalQuery query);

    /**
     * Puts together the summary of a period's requests for other departments (B/03.6, D/02.7); the same
     * summary the scheduled digests ({@code supportkit.quality.digests.*}) send.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @param from  the period's start, inclusive
     * @param until the period's end, exclusive
     * @return the digest
     */
    Digest digest(Actor actor, java.time.Instant from, java.time.Instant until);
}
