package dev.supportkit.api.reports;

/**
 * What request metrics are counted per (D/02.7: "evaluate the quality of the group and of each specialist").
 */
public enum MetricsScope {
    /** The whole tenant: one row. */
    TENANT,
    /** Per specialist the request is assigned to; unassigned requests are left out. */
    SPECIALIST,
    /** Per support group the request is routed to; requests without a group are left out. */
    GROUP,
    /** Per customer organisation. */
    ORGANIZATION
}
