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
}
