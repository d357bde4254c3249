package dev.supportkit.api.knowledge;

import dev.supportkit.api.directory.SystemId;
import java.util.Optional;
import java.util.Set;

/**
 * A search of the solution base and the FAQ.
 *
 * @param text   the words to look for, in Russian or English, in any grammatical form; required, at most
 *               1000 characters
 * @param system only knowledge that applies to this supported system's model, if present
 * @param kinds  only these kinds; empty for both
 * @param limit  at most this many hits, 1 to 100
 */
public record KnowledgeQuery(String text, Optional<SystemId> system, Set<KnowledgeKind> kinds, int limit) {
    /**
     * Copies the kinds.
     *
     * @param text   the words to look for
     * @param system only knowledge for this system's model, if present
     * @param kinds  only these kinds; empty for both
     * @param limit  at most this many hits
     */
    public KnowledgeQuery {
        system = system == null ? Optional.empty() : system;
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
    }

    /**
     * Searches everything for the words, 10 hits.
     *
     * @param text the words
     * @return the query
     */
    public static KnowledgeQuery of(String text) {
        return new KnowledgeQuery(text, Optional.empty(), Set.of(), 10);
    }

    /**
     * Searches knowledge for one system's model, 10 hits.
     *
     * @param text   the words
     * @param system the supported system
     * @return the query
     */
    public static KnowledgeQuery forSystem(String text, SystemId system) {
        return new KnowledgeQuery(text, Optional.of(system), Set.of(), 10);
    }
}
