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
     * Appoints a responsible executor with a deadline (D/01.7). The entry is internal. If the
     * deadline passes while the request is still being worked on, the engine journals it as missed
     * (as the {@link dev.supportkit.api.Role#SYSTEM} actor, which raises the request's version) and
     * records a notification to the executor.
     *
     * @param actor    a group lead
     * @param ref      the request as last read; it must be at second line (working or waiting)
     * @param deadline who, by when, what
     * @return the updated request
     */
    Request setExecutorDeadline(Actor actor, RequestRef ref, ExecutorDeadline deadline);
}
