package dev.supportkit.api.request;

/** The deadlines a service-level policy sets on a request. */
public enum DeadlineKind {
    /** Until support first acts on the request (takes it into work). */
    FIRST_RESPONSE,
    /** Until the request is resolved. */
    RESOLUTION
}
