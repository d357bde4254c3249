package dev.supportkit.api.reports;

import dev.supportkit.api.journal.LaborFunction;
import java.util.Objects;

/**
 * Which labour function of the standard a person performed in a period, and how often: the journal's
 * entries of that person under that function.
 *
 * @param actorId  the person (a specialist's id, a representative's id, or the engine's own)
 * @param function the labour function
 * @param entries  how many journal entries
 */
public record LaborFunctionTotal(String actorId, LaborFunction function, long entries) {
    /**
     * Checks the parts.
     *
     * @param actorId  the person
     * @param function the function
     * @param entries  the count
     */
    public LaborFunctionTotal {
        Objects.requireNonNull(actorId, "actorId");
        Objects.requireNonNull(function, "function");
    }
}
