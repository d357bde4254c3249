package dev.supportkit.api.knowledge;

/**
 * Where a solution-base article is in its life: {@code DRAFT → IN_REVIEW → PUBLISHED → ARCHIVED}; a
 * reviewer may send an article in review back to draft, and an archived article may be drafted again.
 * Only published articles are found by search and offered to customers.
 */
public enum ArticleStatus {
    /** Being written; seen by staff only. */
    DRAFT,
    /** Waiting for a reviewer (an intake lead or a group lead). */
    IN_REVIEW,
    /** Approved; found by search. */
    PUBLISHED,
    /** Withdrawn; kept for history. */
    ARCHIVED
}
