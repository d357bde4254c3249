package dev.supportkit.api.resolution;

import dev.supportkit.api.directory.ComponentId;
import java.util.Optional;

/**
 * How many failures of one model, component and cause a period holds.
 *
 * @param model     the equipment model
 * @param component the failed component, or empty for failures recorded without one
 * @param causeCode the cause's code as recorded
 * @param failures  how many, at least 1
 */
public record FailureCount(String model, Optional<ComponentId> component, String causeCode, long failures) {
    /**
     * Normalises an absent component to empty.
     *
     * @param model     the equipment model
     * @param component the failed component, or empty
     * @param causeCode the cause's code
     * @param failures  how many
     */
    public FailureCount {
        component = component == null ? Optional.empty() : component;
    }
}
