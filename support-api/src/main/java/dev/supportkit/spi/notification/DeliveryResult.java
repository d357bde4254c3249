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

    /**
     * @param detail why, e.g. "421 4.7.0 try again later"
     * @return a failure worth retrying later
     */
    public static DeliveryResult temporaryFailure(String detail) {
        return new DeliveryResult(Outcome.TEMPORARY_FAILURE, detail);
    }

    /**
     * @param detail why, e.g. "550 5.1.1 user unknown"
     * @return a failure that will never succeed on this contact point
     */
    public static DeliveryResult permanentFailure(String detail) {
        return new DeliveryResult(Outcome.PERMANENT_FAILURE, detail);
    }
}
