package dev.supportkit.spi.search;

/**
 * One search result.
 *
 * @param kind  article or FAQ entry
 * @param id    the document id
 * @param score the relevance, higher is better; comparable only within one search
 */
public record SearchHit(DocumentKind kind, String id, double score) {
}
