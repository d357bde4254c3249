package dev.supportkit.api.reports.table;

import java.util.regex.Pattern;

/**
 * One column of a {@link ReportTable}.
 *
 * @param key   a stable machine name, 1 to 64 characters of {@code [a-z0-9_.-]}, e.g. {@code first_response_p90}
 * @param title the heading shown to people, e.g. "Первый ответ, p90"; not blank
 * @param type  the type of the column's values
 */
public record ReportColumn(String key, String title, ColumnType type) {
    private static final Pattern KEY = Pattern.compile("[a-z0-9_.-]{1,64}");

    /**
     * Validates every part and lists every broken rule at once.
     *
     * @param key   a stable machine name, 1 to 64 characters of {@code [a-z0-9_.-]}
     * @param title the heading shown to people; not blank
     * @param type  the type of the column's values
     * @throws dev.supportkit.api.error.ValidationException naming {@code column.key}, {@code column.title} or
     *                                                      {@code column.type} and the rule broken
     */
    public ReportColumn {
        Checks checks = new Checks("column");
        if (checks.required(key, "key")) {
            checks.rule(!KEY.matcher(key).matches(), "key", "format",
                    "must be 1 to 64 characters of a-z, 0-9, '_', '.', '-', got '" + key + "'");
        }
        checks.text(title, "title");
        checks.required(type, "type");
        checks.throwIfAny();
    }
}
