package dev.supportkit.api.scheduling;

import java.util.List;

/**
 * What a works order achieved.
 *
 * @param done   what was done (required, at most 2,000 characters)
 * @param checks the checks performed and their results, possibly none (at most 50, each at most 500 characters)
 */
public record WorksOutcome(String done, List<String> checks) {
    /**
     * Copies the list.
     *
     * @param done   what was done
     * @param checks the checks performed
     */
    public WorksOutcome {
        checks = checks == null ? List.of() : List.copyOf(checks);
    }
}
