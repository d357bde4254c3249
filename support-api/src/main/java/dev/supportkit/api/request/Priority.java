package dev.supportkit.api.request;

/** How urgent a request is. */
public enum Priority {
    /** Can wait; no service impact. */
    LOW,
    /** The default. */
    NORMAL,
    /** Service degraded for many users. */
    HIGH,
    /** Emergency: an outage or accident. */
    CRITICAL
}
