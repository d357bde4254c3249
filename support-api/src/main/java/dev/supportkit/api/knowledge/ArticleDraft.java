package dev.supportkit.api.knowledge;

import java.util.List;
import java.util.Set;

/**
 * The content of an article as written by its author; the engine validates every field and reports all
 * errors at once.
 *
 * @param problem         the problem, as a title; required, at most 300 characters
 * @param symptoms        how the problem shows itself; optional, at most 10000 characters
 * @param steps           the solution steps in order; each at most 2000 characters, at most 100 steps
 * @param systemModels    the system models it applies to; empty for every model
 * @param systemVersions  the system versions it applies to, in words; optional, at most 200 characters
 * @param typical         whether it solves a typical problem
 * @param customerVisible whether customers may read it
 */
public record ArticleDraft(String problem, String symptoms, List<String> steps, Set<String> systemModels,
                           String systemVersions, boolean typical, boolean customerVisible) {
    /**
     * Copies the collections.
     *
     * @param problem         the problem
     * @param symptoms        how the problem shows itself
     * @param steps           the solution steps
     * @param systemModels    the system models it applies to
     * @param systemVersions  the system versions it applies to
     * @param typical         whether it solves a typical problem
     * @param customerVisible whether customers may read it
     */
    public ArticleDraft {
        steps = steps == null ? List.of() : List.copyOf(steps);
        systemModels = systemModels == null ? Set.of() : Set.copyOf(systemModels);
    }
}
