package dev.supportkit.api.reports;

import dev.supportkit.api.Actor;

/**
 * Reports over the tenant's requests (B/03.6, D/02.7). Computed by the storage provider, not by
 * loading every request into memory.
 */
public interface ReportService {
    /**
     * Counts the tenant's requests by status.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @return the summary
     */
    StatusSummary statusSummary(Actor actor);
}
