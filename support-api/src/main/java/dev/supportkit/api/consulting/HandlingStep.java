package dev.supportkit.api.consulting;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One step of the handling plan the intake lead explains to the customer (B/01.6).
 *
 * @param description what will be done, in terms the customer understands; required, at most 500 characters
 * @param expectedBy  the date it is expected to be done by; required, not in the past
 */
public record HandlingStep(String description, LocalDate expectedBy) {
    /**
     * Checks nothing beyond nulls; the engine validates the content.
     *
     * @param description what will be done
     * @param expectedBy  when it is expected to be done
     */
    public HandlingStep {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(expectedBy, "expectedBy");
    }
}
