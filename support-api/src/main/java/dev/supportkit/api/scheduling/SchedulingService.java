package dev.supportkit.api.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;

/**
 * Scheduling: agreed dates of works and visits (C/01.6, C/02.6), deadlines per executor (D/01.7).
 */
public interface SchedulingService {
    /**
     * Schedules a visit to the customer's site. The entry is customer-visible, so the customer is
     * told the agreed time.
     *
     * @param actor a second-line engineer or a group lead
     * @param ref   the request as last read; it must be at second line
     * @param plan  the visit
     * @return the updated request
     */
    Request scheduleVisit(Actor actor, RequestRef ref, VisitPlan plan);

    /**
     * Sets an executor's deadline on a request (D/01.7). The entry is internal. It does not assign the
     * request (use {@link dev.supportkit.api.work.WorkService#assign}). If the deadline passes while the
     * request is still open (in work at any line, or waiting for the customer), the engine journals it as
     * missed (as the
     * {@link dev.supportkit.api.Role#SYSTEM} actor, which raises the request's version) and records a
     * notification to the executor; the executor cannot mark the task done yet (work plans, issue 14, will).
     *
     * @param actor    a group lead
     * @param ref      the request as last read; it must be in work at second line ({@code AT_SECOND_LINE}; a
     *                 request waiting for the customer is refused with an
     *                 {@link dev.supportkit.api.error.InvalidTransitionException})
     * @param deadline who, by when, what
     * @return the updated request
     */
    Request setExecutorDeadline(Actor actor, RequestRef ref, ExecutorDeadline deadline);
}
