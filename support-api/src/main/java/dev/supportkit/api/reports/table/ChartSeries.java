package dev.supportkit.api.reports.table;

import java.util.List;

/**
 * One named series of a {@link ReportChart}: a value per category, in the chart's category order.
 *
 * @param name   the name shown in the legend; not blank
 * @param values one finite value per category; no nulls
 */
public record ChartSeries(String name, List<Double> values) {
    /**
     * Validates the parts and copies the values.
     *
     * @param name   the name shown in the legend; not blank
     * @param values one finite value per category; no nulls
     * @throws dev.supportkit.api.error.ValidationException naming {@code series.name} or {@code series.values[i]}
     */
    public ChartSeries {
        Checks checks = new Checks("series");
        checks.text(name, "name");
        if (checks.list(values, "values")) {
            for (int i = 0; i < values.size(); i++) {
                if (!checks.rule(!Double.isFinite(values.get(i)), "values[" + i + "]", "finite",
                        "must be a finite number, got " + values.get(i))) {
                    break;
                }
            }
        }
        checks.throwIfAny();
        values = List.copyOf(values);
    }
}
