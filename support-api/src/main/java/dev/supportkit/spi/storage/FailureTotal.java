package dev.supportkit.spi.storage;

import dev.supportkit.api.directory.ComponentId;

/**
 * Failures counted per equipment model, component and cause, as a store returns them.
 *
 * @param model     the equipment model
 * @param component the failed component, or null for failures recorded without one
 * @param causeCode the cause's code
 * @param failures  how many
 */
public record FailureTotal(String model, ComponentId component, String causeCode, long failures) {
}
