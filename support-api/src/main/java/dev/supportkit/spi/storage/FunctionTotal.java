package dev.supportkit.spi.storage;

import dev.supportkit.api.journal.LaborFunction;
import java.util.Objects;

/**
 * How many journal entries one actor made under one labour function in a period.
 *
 * @param actorId  the actor's id
 * @param function the labour function
 * @param entries  how many entries
 */
public record FunctionTotal(String actorId, LaborFunction function, long entries) {
    /**
     * Checks the parts.
     *
     * @param actorId  the actor
     * @param function the function
     * @param entries  the count, at least 1
     */
    public FunctionTotal {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(function, "function");
        if (entries < 1) {
            throw new IllegalArgumentException("entries must be at least 1, got " + entries);
        }
    }
}
