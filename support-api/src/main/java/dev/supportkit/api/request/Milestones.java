package dev.supportkit.api.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When a request passed the points of its life that reports count from. The engine records each as the
 * request passes it; a request imported from another help desk has none.
 *
 * @param firstResponse when support first acted on it: it left REGISTERED (taken into work, redirected,
 *                      resolved ...)
 * @param resolved      when it was last resolved; empty again while it is open after being reopened
 * @param signedOff     when the customer's representative signed it off
 * @param closed        when it was closed
 * @param escalated     when it first left the first line: redirected to the intake lead or to second line
 * @param reopens       how many times it was reopened after a resolution (the customer objected)
 */
public record Milestones(Optional<Instant> firstResponse, Optional<Instant> resolved, Optional<Instant> signedOff,
                         Optional<Instant> closed, Optional<Instant> escalated, int reopens) {
    /** No milestone passed yet. */
    public static final Milestones NONE = new Milestones(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), 0);

    /**
     * Reads null parts as empty.
     *
     * @param firstResponse when support first acted on it
     * @param resolved      when it was last resolved
     * @param signedOff     when it was signed off
     * @param closed        when it was closed
     * @param escalated     when it first left the first line
     * @param reopens       how many times it was reopened, not negative
     */
    public Milestones {
        firstResponse = firstResponse == null ? Optional.empty() : firstResponse;
        resolved = resolved == null ? Optional.empty() : resolved;
        signedOff = signedOff == null ? Optional.empty() : signedOff;
        closed = closed == null ? Optional.empty() : closed;
        escalated = escalated == null ? Optional.empty() : escalated;
        if (reopens < 0) {
            throw new IllegalArgumentException("reopens must not be negative, got " + reopens);
        }
    }

    /**
     * Returns whether the request was resolved at first contact: resolved, never handed on from the first
     * line and never reopened.
     *
     * @return true when it counts as a first-contact resolution
     */
    public boolean firstContactResolution() {
        return resolved.isPresent() && escalated.isEmpty() && reopens == 0;
    }

    /**
     * The milestones after a change of status at a time: each is set when the request reaches it.
     *
     * @param from the status before, or null for a new request
     * @param to   the status after
     * @param at   when
     * @return the milestones, this one when the change passes none
     */
    public Milestones after(RequestStatus from, RequestStatus to, Instant at) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        if (from == to) {
            return this;
        }
        Optional<Instant> when = Optional.of(at);
        boolean reopened = from == RequestStatus.RESOLVED && to.isOpen();
        boolean leftFirstLine = to == RequestStatus.AT_INTAKE_LEAD || to == RequestStatus.AT_SECOND_LINE;
        return new Milestones(
                firstResponse.isEmpty() && from == RequestStatus.REGISTERED ? when : firstResponse,
                to == RequestStatus.RESOLVED ? when : reopened ? Optional.empty() : resolved,
                to == RequestStatus.SIGNED_OFF ? when : signedOff,
                to == RequestStatus.CLOSED ? when : closed,
                escalated.isEmpty() && leftFirstLine ? when : escalated,
                reopened ? reopens + 1 : reopens);
    }
}
