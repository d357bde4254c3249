package dev.supportkit.api.quality;

/** Where a message to a customer or specialist stands. */
public enum DeliveryStatus {
    /** Not yet delivered: waiting for its first attempt, a retry, or the end of quiet hours. */
    PENDING,
    /** Accepted by a channel. */
    DELIVERED,
    /** Given up: every channel failed permanently, or the attempts ran out. An administrator may retry it. */
    DEAD
}
