package dev.supportkit.api.knowledge;

/**
 * One search result or suggestion.
 *
 * @param ref     the article or FAQ entry
 * @param version the version found (for an article, its latest published version)
 * @param title   the article's problem or the FAQ question
 * @param summary the first solution step or the start of the FAQ answer, at most 300 characters
 * @param typical whether it is a typical solution (always true for a FAQ entry)
 * @param score   the relevance, higher is better; comparable only within one search
 */
public record KnowledgeHit(KnowledgeRef ref, int version, String title, String summary, boolean typical,
                           double score) {
}
