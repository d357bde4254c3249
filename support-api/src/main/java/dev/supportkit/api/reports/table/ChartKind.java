package dev.supportkit.api.reports.table;

/** How a {@link ReportChart} draws its series. */
public enum ChartKind {
    /** Bars per category, one bar per series. */
    BAR,
    /** Lines over the categories, one line per series (e.g. a figure by week). */
    LINE,
    /** Slices per category of exactly one series. */
    PIE
}
