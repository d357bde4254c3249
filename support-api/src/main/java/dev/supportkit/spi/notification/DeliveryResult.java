package dev.supportkit.spi.notification;

/**
 * What happened to one delivery attempt.
 *
 * @param outcome delivered, or failed for now, or failed for good
 * @param detail  the channel's explanation (e.g. the SMTP reply), for the journal
 */
public record DeliveryResult(Outcome outcome, String detail) {
    /** The outcome of a delivery attempt. */
    public enum Outcome {
        /** The channel accepted the message. */
        DELIVERED,
        /** Failed, may succeed later (server down, timeout): retried with back-off. */
        TEMPORARY_FAILURE,
        /** Will never succeed (invalid address): dead-lettered at once. */
        PERMANENT_FAILURE
    }

    /**
     * @param detail the channel's explanation
     * @return a successful result
     */
    public static DeliveryResult delivered(String detail) {
        return new DeliveryResult(Outcome.DELIVERED, detail);
    }
}
