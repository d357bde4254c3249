package dev.supportkit.api.request;

import dev.supportkit.api.directory.ComponentId;

/**
 * What was found and done, documented by the engineer and later signed off by the customer's
 * representative (C/03.6).
 *
 * @param summary          what was done to remove the problem; required, at most 4000 characters
 * @param cause            the cause found; required, at most 1000 characters
 * @param equipmentFailure true when the cause was a failure of equipment (counted in failure statistics)
 * @param failedComponent  the failed component when {@code equipmentFailure}; otherwise null
 */
public record ResolutionReport(String summary, String cause, boolean equipmentFailure, ComponentId failedComponent) {
    /**
     * A resolution that was not an equipment failure.
     *
     * @param summary what was done
     * @param cause   the cause found
     * @return the report
     */
    public static ResolutionReport of(String summary, String cause) {
        return new ResolutionReport(summary, cause, false, null);
    }
}
