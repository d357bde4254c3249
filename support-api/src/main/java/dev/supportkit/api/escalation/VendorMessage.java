package dev.supportkit.api.escalation;

import java.time.Instant;

/**
 * One message exchanged with the vendor about an open vendor case.
 *
 * @param direction    {@link Direction#IN} from the vendor, {@link Direction#OUT} to the vendor; required
 * @param text         what was said; required, at most 4000 characters
 * @param caseNumber   the vendor's case number, when this message sets or replaces it; optional, at most
 *                     100 characters
 * @param promisedDate the date the vendor promised an answer or fix by, when this message carries one;
 *                     optional, must not be in the past
 */
public record VendorMessage(Direction direction, String text, String caseNumber, Instant promisedDate) {

    /** Which way a message went. */
    public enum Direction {
        /** From the vendor to us. */
        IN,
        /** From us to the vendor. */
        OUT
    }

    /**
     * A message without a case number or promised date.
     *
     * @param direction which way it went
     * @param text      what was said
     * @return the message
     */
    public static VendorMessage of(Direction direction, String text) {
        return new VendorMessage(direction, text, null, null);
    }
}
