package dev.supportkit.api.request;

/**
 * The order of a queue. Every order ends with the request id, so it is total and a page's cursor
 * says exactly where the next page starts.
 */
public enum RequestSort {
    /**
     * The earliest unmet deadline first: breached ones not yet met (the most overdue first), then running
     * ones; requests with no unmet deadline (none set, all met, or paused) after all others.
     */
    DUE,
    /** Higher priority first (CRITICAL, HIGH, NORMAL, LOW); within a priority, as {@link #DUE}. */
    PRIORITY_THEN_DUE,
    /** The oldest registration first. The default, and the order an export is stable in. */
    REGISTERED,
    /** The newest registration first. */
    NEWEST_FIRST,
    /** The most recently changed first. */
    RECENTLY_UPDATED,
    /** The longest unchanged first. */
    LEAST_RECENTLY_UPDATED
}
