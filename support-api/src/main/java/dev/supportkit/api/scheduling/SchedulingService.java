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
}
