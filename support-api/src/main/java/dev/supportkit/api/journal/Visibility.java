package dev.supportkit.api.journal;

/** Who may read a journal entry. */
public enum Visibility {
    /** Support staff, auditors and administrators only. */
    INTERNAL,
    /** Also the customer's representatives. */
    CUSTOMER_VISIBLE
}
