package dev.supportkit.api.scheduling;

/** Where a works order stands. */
public enum WorksStatus {
    /** Dates proposed; waiting for every department named on the order to agree. */
    PROPOSED,
    /** Every department agreed; the customer was told the dates. */
    AGREED,
    /** Done, with its outcome; waiting for the customer's sign-off when the order asks for it. */
    DONE,
    /** Done and signed off by the customer's representative. */
    SIGNED_OFF,
    /** Cancelled. */
    CANCELLED
}
