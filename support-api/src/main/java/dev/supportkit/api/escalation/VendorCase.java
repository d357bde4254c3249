package dev.supportkit.api.escalation;

/**
 * A request handed to the supported system's vendor (D/01.7: the group lead coordinates the most
 * complex requests with vendors).
 *
 * @param vendor     the vendor; null means the vendor of the request's supported system; at most 200 characters
 * @param caseNumber the vendor's own case number, if already known; at most 100 characters (may be set later
 *                   with {@link VendorMessage#caseNumber()})
 * @param summary    what the vendor is asked; required, at most 2000 characters
 */
public record VendorCase(String vendor, String caseNumber, String summary) {
}
