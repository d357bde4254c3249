package dev.supportkit.api.knowledge;

import java.util.Objects;

/**
 * A reference to an article or a FAQ entry.
 *
 * @param kind article or FAQ entry
 * @param id   its id text
 */
public record KnowledgeRef(KnowledgeKind kind, String id) {
    /**
     * Checks the parts.
     *
     * @param kind article or FAQ entry
     * @param id   its id text
     */
    public KnowledgeRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /**
     * Refers to an article.
     *
     * @param id the article
     * @return the reference
     */
    public static KnowledgeRef article(ArticleId id) {
        return new KnowledgeRef(KnowledgeKind.ARTICLE, id.value());
    }

    /**
     * Refers to a FAQ entry.
     *
     * @param id the entry
     * @return the reference
     */
    public static KnowledgeRef faq(FaqId id) {
        return new KnowledgeRef(KnowledgeKind.FAQ, id.value());
    }
}
