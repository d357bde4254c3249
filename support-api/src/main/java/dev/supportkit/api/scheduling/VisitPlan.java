package dev.supportkit.api.scheduling;

import dev.supportkit.api.directory.SiteId;
import java.time.Instant;

/**
 * A planned visit to a customer's site.
 *
 * @param site    the site; required, must belong to the request's organisation
 * @param start   planned start; required
 * @param end     planned end; required, after {@code start}
 * @param purpose why; required
 * @param note    details for the customer; optional, at most 1000 characters
 */
public record VisitPlan(SiteId site, Instant start, Instant end, VisitPurpose purpose, String note) {
}
