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
     * line back to the intake lead. A redirect to second line that names neither group nor assignee is
     * routed by the engine's routing rules ({@code supportkit.routing.*}), when configured: the rule's
     * group and its least-loaded second-line specialist, with a {@code Routed} journal entry; naming a
     * group or assignee overrides the rules.
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

    /**
     * Hands a request at second line to the supported system's vendor (D/01.7). The request stays
     * {@code AT_SECOND_LINE} and gains an open {@link Request#vendorCase()}; a {@code VendorEscalated}
     * entry (internal) is journalled. Legal only at second line and only while no vendor case is open
     * ({@link dev.supportkit.api.error.InvalidTransitionException} otherwise).
     *
     * @param actor  a group lead
     * @param ref    the request as last read
     * @param vendorCase the vendor (defaults to the supported system's vendor), the vendor's case number if
     *               known, and what the vendor is asked; field errors under {@code vendor.*}
     * @return the request with its open vendor case
     */
    Request escalateToVendor(Actor actor, RequestRef ref, VendorCase vendorCase);

    /**
     * Records a message exchanged with the vendor on the request's open vendor case (D/01.7): journalled
     * (internal) as {@code VendorCorrespondence}; a case number in the message sets or replaces the case's,
     * a promised date becomes the case's {@code promisedDate}. Legal only at second line with an open vendor
     * case ({@link dev.supportkit.api.error.InvalidTransitionException} otherwise).
     *
     * @param actor   a group lead or second-line engineer
     * @param ref     the request as last read
     * @param message the message; field errors under {@code vendor.*}
     * @return the request with the updated vendor case
     */
    Request recordVendorCorrespondence(Actor actor, RequestRef ref, VendorMessage message);

    /**
     * Brings the vendor's answer back into the request and closes the vendor case (D/01.7). The answer is
     * journalled as {@code VendorAnswered}, internal only: what the customer is told is decided by the
     * engineer, with a consultation or the resolution. Legal only at second line with an open vendor case
     * ({@link dev.supportkit.api.error.InvalidTransitionException} otherwise).
     *
     * @param actor  a group lead or second-line engineer
     * @param ref    the request as last read
     * @param answer the vendor's answer; required, at most 4000 characters (field {@code vendor.answer})
     * @return the request with the answered vendor case
     */
    Request recordVendorAnswer(Actor actor, RequestRef ref, String answer);

    /**
     * Escalates a request at second line up the hierarchy to the lead of its group (C/03.6): the assignee
     * becomes the group's lead (the specialist with role {@code GROUP_LEAD} in the request's group; the lowest
     * id when there are several); the request stays {@code AT_SECOND_LINE} in the same group. An
     * {@code EscalatedToLead} entry (internal) is journalled. Only a second-line engineer may escalate: the
     * group lead already leads the group, and the intake lead hands requests to second line with
     * {@link #redirect}. Legal only at second line
     * ({@link dev.supportkit.api.error.InvalidTransitionException} otherwise).
     *
     * @param actor  a second-line engineer
     * @param ref    the request as last read
     * @param reason why; required, at most 1000 characters (field {@code escalation.reason})
     * @return the request assigned to the group lead
     * @throws dev.supportkit.api.error.ValidationException on {@code escalation.group} when the request has no
     *         group, or its group has no lead (the message names the group)
     */
    Request escalateToGroupLead(Actor actor, RequestRef ref, String reason);
}
