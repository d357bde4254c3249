package dev.supportkit.api.reports;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A group lead's proposals for a period (D/02.7), each with its evidence, and the staffing of every hour of
 * the week they were worked out from.
 *
 * @param query       what they were worked out from
 * @param proposals   the proposals, by kind
 * @param staffing    the 168 hours of the week, Monday 00:00 first; empty when no time was recorded to measure
 *                    the handling time from
 * @param generatedAt when they were worked out
 */
public record ProposalReport(ProposalQuery query, List<Proposal> proposals, List<StaffingHour> staffing,
                             Instant generatedAt) {
    /**
     * Copies the lists.
     *
     * @param query       the query
     * @param proposals   the proposals
     * @param staffing    the hours of the week
     * @param generatedAt when
     */
    public ProposalReport {
        Objects.requireNonNull(query, "query");
        proposals = List.copyOf(proposals);
        staffing = List.copyOf(staffing);
        Objects.requireNonNull(generatedAt, "generatedAt");
    }
}
