package dev.supportkit.api.request;

/** Where a deadline stands. */
public enum DeadlineState {
    /** Running. */
    PENDING,
    /** Stopped while the request waits for the customer; resumes with the remaining time. */
    PAUSED,
    /** Met in time. */
    MET,
    /** Passed before it was met (it may still be met late; it stays breached). */
    BREACHED
}
