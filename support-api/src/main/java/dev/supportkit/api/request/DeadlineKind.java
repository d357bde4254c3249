package dev.supportkit.api.request;

/** The deadlines a service-level policy sets on a request. */
public enum DeadlineKind {
    /** Until support first acts on the request (takes it into work). */
    FIRST_RESPONSE,
    /**
     * Until support next tells the customer something: starts at the first response and starts again
     * with every later action of support staff; met when the request is resolved.
     */
    NEXT_UPDATE,
    /** Until the request is resolved. */
    RESOLUTION
}
