package dev.supportkit.spi.search;

/** What an indexed document is. */
public enum DocumentKind {
    /** A solution-base article. */
    ARTICLE,
    /** A FAQ entry. */
    FAQ
}
