package dev.supportkit.api.reports.table;

import java.util.List;

/**
 * A chart of a report: categories along the x axis (or the slices of a pie) and one or more series of values.
 *
 * @param title      the chart's title; not blank
 * @param kind       bar, line or pie
 * @param xTitle     the title of the category axis; may be empty, not null (unused by a pie)
 * @param yTitle     the title of the value axis; may be empty, not null (unused by a pie)
 * @param categories the category labels, at least one, no nulls
 * @param series     at least one series (exactly one for a pie), each with {@code categories.size()} values
 */
public record ReportChart(String title, ChartKind kind, String xTitle, String yTitle, List<String> categories,
                          List<ChartSeries> series) {
    /**
     * Validates every part, lists every broken rule at once, and copies the lists.
     *
     * @param title      the chart's title; not blank
     * @param kind       bar, line or pie
     * @param xTitle     the title of the category axis; may be empty, not null
     * @param yTitle     the title of the value axis; may be empty, not null
     * @param categories the category labels, at least one, no nulls
     * @param series     at least one series (exactly one for a pie), each with {@code categories.size()} values
     * @throws dev.supportkit.api.error.ValidationException naming the field ({@code chart.series[1].values} etc.)
     *                                                      and the rule broken
     */
    public ReportChart {
        Checks checks = new Checks("chart");
        checks.text(title, "title");
        checks.required(kind, "kind");
        checks.required(xTitle, "xTitle");
        checks.required(yTitle, "yTitle");
        boolean categoriesOk = checks.list(categories, "categories")
                && checks.rule(categories.isEmpty(), "categories", "not-empty", "needs at least one category");
        if (checks.list(series, "series")
                && checks.rule(series.isEmpty(), "series", "not-empty", "needs at least one series")) {
            checks.rule(kind == ChartKind.PIE && series.size() != 1, "series", "pie-one-series",
                    "a pie chart takes exactly one series, got " + series.size());
            for (int i = 0; categoriesOk && i < series.size(); i++) {
                checks.rule(series.get(i).values().size() != categories.size(), "series[" + i + "].values", "size",
                        "must have one value per category (" + categories.size() + "), got "
                                + series.get(i).values().size());
            }
        }
        checks.throwIfAny();
        categories = List.copyOf(categories);
        series = List.copyOf(series);
    }
}
