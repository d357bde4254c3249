package dev.supportkit.api.knowledge;

import java.time.Instant;
import java.util.Set;

/**
 * A frequently asked question about the supported systems (A/02.3). FAQ entries are always
 * customer-visible.
 *
 * @param id           identifier
 * @param version      the version, from 1; every change makes a new one
 * @param question     the question; at most 300 characters
 * @param answer       the answer; at most 10000 characters
 * @param systemModels the system models it is about; empty for every model
 * @param active       whether it is shown and found; retired entries are kept for history
 * @param author       the id of whoever wrote this version
 * @param updatedAt    when this version was made
 */
public record FaqEntry(FaqId id, int version, String question, String answer, Set<String> systemModels,
                       boolean active, String author, Instant updatedAt) {
    /**
     * Copies the model set.
     *
     * @param id           identifier
     * @param version      the version
     * @param question     the question
     * @param answer       the answer
     * @param systemModels the system models it is about
     * @param active       whether it is shown and found
     * @param author       who wrote this version
     * @param updatedAt    when this version was made
     */
    public FaqEntry {
        systemModels = systemModels == null ? Set.of() : Set.copyOf(systemModels);
    }
}
