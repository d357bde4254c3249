package dev.supportkit.api.request;

import java.time.Instant;

/**
 * The vendor case of a request handed to the supported system's vendor (D/01.7). The request stays at
 * second line meanwhile; the case is open until the vendor's answer is recorded, and stays on the request
 * afterwards as a record of it.
 *
 * @param vendor        the vendor
 * @param caseNumber    the vendor's case number, or null while unknown
 * @param summary       what the vendor was asked
 * @param openedAt      when the request was handed to the vendor
 * @param promisedDate  the vendor's own latest promised date, or null when none was given
 * @param messages      how many messages were exchanged with the vendor
 * @param answer        the vendor's answer, or null while the case is open
 * @param answeredAt    when the answer was recorded, or null while the case is open
 */
public record VendorCaseState(String vendor, String caseNumber, String summary, Instant openedAt,
                              Instant promisedDate, int messages, String answer, Instant answeredAt) {
    /**
     * Returns true while the vendor's answer is awaited.
     *
     * @return true while the vendor's answer is awaited
     */
    public boolean open() {
        return answeredAt == null;
    }
}
