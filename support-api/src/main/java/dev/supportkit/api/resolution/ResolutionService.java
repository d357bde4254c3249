package dev.supportkit.api.resolution;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.ResolutionReport;

/**
 * Resolution: diagnosis with the customer, removal of the problem and joint sign-off of the results
 * with the customer's responsible representative (C/02.6, C/03.6).
 */
public interface ResolutionService {
    /**
     * Asks the customer to clarify; the request waits for the answer.
     *
     * @param actor    a staff member of the line that holds the request
     * @param ref      the request as last read; it must be in a working state
     * @param question what to ask; required, at most 4000 characters
     * @return the request, now {@code WAITING_FOR_CUSTOMER}
     */
    Request requestClarification(Actor actor, RequestRef ref, String question);

    /**
     * Documents that the problem is removed; the customer's representative is asked to sign off.
     *
     * @param actor  a staff member of the line that holds the request
     * @param ref    the request as last read; it must be in a working state
     * @param report what was found and done
     * @return the request, now {@code RESOLVED}
     */
    Request resolve(Actor actor, RequestRef ref, ResolutionReport report);

    /**
     * The customer's representative signs off the documented results (joint sign-off).
     *
     * @param actor   a representative of the request's organisation
     * @param ref     the request as last read; it must be {@code RESOLVED}
     * @param comment optional comment, at most 2000 characters; may be null
     * @return the request, now {@code SIGNED_OFF}
     */
    Request signOff(Actor actor, RequestRef ref, String comment);

    /**
     * The customer's representative objects to the results; the request goes back to the line that
     * resolved it.
     *
     * @param actor     a representative of the request's organisation
     * @param ref       the request as last read; it must be {@code RESOLVED}
     * @param objection what is wrong; required, at most 2000 characters
     * @return the request, back in work
     */
    Request reopen(Actor actor, RequestRef ref, String objection);
}
