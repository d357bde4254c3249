package dev.supportkit.api.knowledge;

/** What a piece of knowledge is. */
public enum KnowledgeKind {
    /** A solution-base article. */
    ARTICLE,
    /** A FAQ entry. */
    FAQ
}
