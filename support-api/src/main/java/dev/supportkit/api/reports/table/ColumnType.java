package dev.supportkit.api.reports.table;

/**
 * The type of the values in one column of a {@link ReportTable}, which decides how they are checked, stored (typed
 * cells in XLSX) and formatted. A value may always be {@code null} (an empty cell).
 */
public enum ColumnType {
    /** Text: {@link String}. */
    TEXT,
    /** A whole number: {@link Long} or {@link Integer}. */
    INTEGER,
    /** A number with a fraction: {@link java.math.BigDecimal}, {@link Double} (finite), {@link Long} or {@link Integer}. */
    DECIMAL,
    /**
     * A share, given as a fraction ({@code 0.953} is 95.3 %): the same Java types as {@link #DECIMAL}.
     */
    PERCENT,
    /** A moment: {@link java.time.Instant}, shown in the exporter's time zone. */
    INSTANT,
    /** A calendar date: {@link java.time.LocalDate}. */
    DATE,
    /** A length of time, e.g. working time to resolution: {@link java.time.Duration}. */
    DURATION
}
