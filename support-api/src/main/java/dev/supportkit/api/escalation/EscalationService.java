package dev.supportkit.api.escalation;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;

/**
 * Escalation: moving a request between lines and groups (A/02.3 and B/01.6 redirect; D/01.7
 * organisation of the group's work).
 */
public interface EscalationService {
    /**
     * Redirects a request to another line (functional escalation), with a reason. Legal from first
     * line to the intake lead or second line, from the intake lead to second line, and from second
     * line back to the intake lead.
     *
     * @param actor  a staff member of the line that holds the request (or a lead)
     * @param ref    the request as last read
     * @param target where to
     * @param reason why; required, at most 1000 characters
     * @return the redirected request
     */
    Request redirect(Actor actor, RequestRef ref, RedirectTarget target, String reason);

    /**
     * The request's service-level deadlines in plain words for the customer, e.g. "We will answer by
     * 14:00 on 12 March", in the customer's time zone; while the request waits for the customer, that the
     * deadlines are paused. The deadlines themselves are on {@link Request#deadlines()}.
     *
     * @param actor   anyone who may read the request
     * @param request the request
     * @param locale  Russian or English
     * @return one sentence per open deadline; empty when no policy applies or all are met
     */
    java.util.List<String> deadlinePromises(Actor actor, dev.supportkit.api.request.RequestId request,
                                            java.util.Locale locale);
}
