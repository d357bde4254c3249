package dev.supportkit.reports.export;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ReportColumn;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Checks row values against their column types and turns them into text: locale-neutral for CSV, in the exporter's
 * locale for PDF. One instance per export (the number formats are not thread-safe).
 */
final class Values {
    private final Locale locale;
    private final ZoneId zone;
    private final NumberFormat integer;
    private final NumberFormat decimal;
    private final NumberFormat percent;
    private final DateTimeFormatter date;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter isoDateTime;

    Values(Locale locale, ZoneId zone) {
        this.locale = locale;
        this.zone = zone;
        this.integer = NumberFormat.getIntegerInstance(locale);
        this.decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMinimumFractionDigits(2);
        decimal.setMaximumFractionDigits(2);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        boolean russian = russian(locale);
        this.date = DateTimeFormatter.ofPattern(russian ? "dd.MM.yyyy" : "yyyy-MM-dd", locale);
        this.dateTime = DateTimeFormatter.ofPattern(russian ? "dd.MM.yyyy HH:mm" : "yyyy-MM-dd HH:mm", locale)
                .withZone(zone);
        this.isoDateTime = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    static boolean russian(Locale locale) {
        return locale.getLanguage().equals("ru");
    }

    ZoneId zone() {
        return zone;
    }

    Locale locale() {
        return locale;
    }

    /**
     * Checks one row: present, one value per column, each value of its column's type.
     *
     * @param row     the row
     * @param columns the table's columns
     * @param index   the row's 0-based index among the table's rows, for the error
     * @return the row
     * @throws ValidationException naming {@code rows[index]} or {@code rows[index].<column key>} and the rule
     */
    static List<Object> check(List<Object> row, List<ReportColumn> columns, long index) {
        if (row == null) {
            throw error("rows[" + index + "]", "required", "a row is null");
        }
        if (row.size() != columns.size()) {
            throw error("rows[" + index + "]", "size",
                    "must have one value per column (" + columns.size() + "), got " + row.size());
        }
        for (int c = 0; c < columns.size(); c++) {
            Object value = row.get(c);
            if (value != null && !fits(columns.get(c).type(), value)) {
                ReportColumn column = columns.get(c);
                throw error("rows[" + index + "]." + column.key(), "type",
                        column.type() + " column '" + column.title() + "' takes " + accepted(column.type()) + ", got "
                                + describe(value));
            }
        }
        return row;
    }

    private static ValidationException error(String field, String rule, String message) {
        return new ValidationException(List.of(new FieldError(field, rule, message)));
    }

    private static boolean fits(ColumnType type, Object value) {
        return switch (type) {
            case TEXT -> value instanceof String;
            case INTEGER -> value instanceof Long || value instanceof Integer || value instanceof Short
                    || value instanceof Byte;
            case DECIMAL, PERCENT -> value instanceof BigDecimal || value instanceof Long || value instanceof Integer
                    || (value instanceof Double d && Double.isFinite(d)) || (value instanceof Float f && Float.isFinite(f));
            case INSTANT -> value instanceof Instant;
            case DATE -> value instanceof LocalDate;
            case DURATION -> value instanceof Duration;
        };
    }

    private static String accepted(ColumnType type) {
        return switch (type) {
            case TEXT -> "String";
            case INTEGER -> "Long or Integer";
            case DECIMAL, PERCENT -> "a finite BigDecimal, Double, Long or Integer";
            case INSTANT -> "java.time.Instant";
            case DATE -> "java.time.LocalDate";
            case DURATION -> "java.time.Duration";
        };
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return value.getClass().getName() + " '" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'";
    }

    /**
     * The locale-neutral text of a checked value for CSV: numbers with a dot and no grouping, ISO-8601 dates,
     * instants with the zone's offset, durations as ISO-8601 ({@code PT1H30M}); null is empty.
     */
    String plain(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT, INTEGER, DATE, DURATION -> value.toString();
            case DECIMAL, PERCENT -> decimal(value).toPlainString();
            case INSTANT -> isoDateTime.format((Instant) value);
        };
    }

    /** The text of a checked value for people, in the exporter's locale and zone; null is empty. */
    String display(ColumnType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case TEXT -> (String) value;
            case INTEGER -> integer.format(((Number) value).longValue());
            case DECIMAL -> decimal.format(decimal(value));
            case PERCENT -> percent.format(decimal(value));
            case INSTANT -> dateTime.format((Instant) value);
            case DATE -> date.format((LocalDate) value);
            case DURATION -> duration((Duration) value);
        };
    }

    /** A checked DECIMAL or PERCENT value as a BigDecimal. */
    static BigDecimal decimal(Object value) {
        if (value instanceof BigDecimal big) {
            return big;
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros();
        }
        return BigDecimal.valueOf(((Number) value).longValue());
    }

    /** E.g. "26 ч 05 мин" or "26 h 05 min"; under a minute in seconds; negative with a minus sign. */
    private String duration(Duration value) {
        boolean russian = russian(locale);
        Duration abs = value.abs();
        String sign = value.isNegative() ? "−" : "";
        if (abs.toMinutes() == 0) {
            return sign + abs.toSeconds() + (russian ? " с" : " s");
        }
        long hours = abs.toHours();
        int minutes = abs.toMinutesPart();
        if (hours == 0) {
            return sign + minutes + (russian ? " мин" : " min");
        }
        return sign + integer.format(hours) + (russian ? " ч " : " h ") + String.format(Locale.ROOT, "%02d", minutes)
                + (russian ? " мин" : " min");
    }
}
