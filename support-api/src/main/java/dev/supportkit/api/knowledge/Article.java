package dev.supportkit.api.knowledge;

import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One version of a solution-base article. Every change (content or status) makes a new version; the
 * history is kept.
 *
 * @param id              identifier, the same for every version
 * @param version         the version, from 1
 * @param status          where it is in its life
 * @param problem         the problem, as a title; at most 300 characters
 * @param symptoms        how the problem shows itself; at most 10000 characters
 * @param steps           the solution steps in order; at least one to be submitted for review
 * @param systemModels    the system models it applies to; empty for every model
 * @param systemVersions  the system versions it applies to, in words (e.g. {@code "5.2 and later"}), if limited
 * @param typical         whether it solves a typical problem (first line may instruct from it, A/02.3);
 *                        non-typical solutions are for the intake lead (B/01.6)
 * @param customerVisible whether customers may read it; internal articles are for staff only
 * @param sourceRequest   the resolved request it was drafted from, if any
 * @param author          the id of whoever wrote this version
 * @param updatedAt       when this version was made
 */
public record Article(ArticleId id, int version, ArticleStatus status, String problem, String symptoms,
                      List<String> steps, Set<String> systemModels, Optional<String> systemVersions,
                      boolean typical, boolean customerVisible, Optional<RequestId> sourceRequest, String author,
                      Instant updatedAt) {
    /**
     * Copies the collections.
     *
     * @param id              identifier
     * @param version         the version
     * @param status          where it is in its life
     * @param problem         the problem
     * @param symptoms        how the problem shows itself
     * @param steps           the solution steps
     * @param systemModels    the system models it applies to
     * @param systemVersions  the system versions it applies to, if limited
     * @param typical         whether it solves a typical problem
     * @param customerVisible whether customers may read it
     * @param sourceRequest   the request it was drafted from, if any
     * @param author          who wrote this version
     * @param updatedAt       when this version was made
     */
    public Article {
        steps = steps == null ? List.of() : List.copyOf(steps);
        systemModels = systemModels == null ? Set.of() : Set.copyOf(systemModels);
        systemVersions = systemVersions == null ? Optional.empty() : systemVersions;
        sourceRequest = sourceRequest == null ? Optional.empty() : sourceRequest;
    }
}
