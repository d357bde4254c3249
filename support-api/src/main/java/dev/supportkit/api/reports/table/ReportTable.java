package dev.supportkit.api.reports.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A report ready for export: a title, typed columns, streamed rows and charts.
 *
 * <p>Rows are streamed: {@link #rows()} may read a database cursor, and exporters never hold all rows in memory. Each
 * row is a list with one value per column, in column order; a value is {@code null} or of the Java type its
 * {@link ColumnType} names ({@link String}, {@link Long}/{@link Integer}, {@link java.math.BigDecimal}/{@link Double},
 * {@link java.time.Instant}, {@link java.time.LocalDate}, {@link java.time.Duration}). Exporters check every value and
 * reject a wrong one with an error naming the row and column.
 *
 * <p>Whoever opens a table closes it ({@link #close()} releases a cursor or connection behind it); whoever calls
 * {@link #rows()} closes that stream.
 */
public interface ReportTable extends AutoCloseable {
    /**
     * Returns the report's title, e.g. "Отчёт по группе". Not blank.
     *
     * @return the title
     */
    String title();

    /**
     * Returns a second heading line, e.g. the period and the group, if any.
     *
     * @return the subtitle, or empty
     */
    Optional<String> subtitle();

    /**
     * Returns the columns, at least one, with distinct keys.
     *
     * @return the columns in display order
     */
    List<ReportColumn> columns();

    /**
     * Opens a new stream of the rows; the caller closes it. Each row holds one value per column.
     *
     * @return the rows, in display order
     */
    Stream<List<Object>> rows();

    /**
     * Returns the report's charts; may be empty.
     *
     * @return the charts
     */
    List<ReportChart> charts();

    /** Releases what the rows are read from; does nothing by default. */
    @Override
    default void close() {
    }

    /**
     * Returns a validated table whose rows come from {@code rows}, called once per {@link #rows()}.
     *
     * @param title    the title; not blank
     * @param subtitle the second heading line, or {@code null} for none
     * @param columns  at least one column, distinct keys
     * @param rows     opens a new stream of the rows on each call
     * @param charts   the charts; may be empty, not null
     * @return the table
     * @throws dev.supportkit.api.error.ValidationException naming {@code table.title}, {@code table.columns},
     *                                                      {@code table.rows} or {@code table.charts}
     */
    static ReportTable of(String title, String subtitle, List<ReportColumn> columns,
                          Supplier<Stream<List<Object>>> rows, List<ReportChart> charts) {
        return new SuppliedTable(title, subtitle, columns, rows, charts, () -> {
        });
    }

    /**
     * Starts a builder for a table with the given title.
     *
     * @param title the title; not blank (checked by {@link Builder#build()})
     * @return a new builder
     */
    static Builder builder(String title) {
        return new Builder(title);
    }

    /** Builds a {@link ReportTable} step by step; {@link #build()} validates everything at once. */
    final class Builder {
        private final String title;
        private String subtitle;
        private final List<ReportColumn> columns = new ArrayList<>();
        private Supplier<Stream<List<Object>>> rows;
        private final List<ReportChart> charts = new ArrayList<>();
        private Runnable onClose = () -> {
        };

        private Builder(String title) {
            this.title = title;
        }

        /**
         * Sets the second heading line.
         *
         * @param subtitle the subtitle, or {@code null} for none
         * @return this builder
         */
        public Builder subtitle(String subtitle) {
            this.subtitle = subtitle;
            return this;
        }

        /**
         * Adds a column.
         *
         * @param key   the machine name, {@code [a-z0-9_.-]{1,64}}
         * @param title the heading; not blank
         * @param type  the type of the values
         * @return this builder
         * @throws dev.supportkit.api.error.ValidationException when the column is invalid
         */
        public Builder column(String key, String title, ColumnType type) {
            columns.add(new ReportColumn(key, title, type));
            return this;
        }

        /**
         * Sets where the rows come from: called once per {@link ReportTable#rows()}.
         *
         * @param rows opens a new stream of the rows on each call
         * @return this builder
         */
        public Builder rows(Supplier<Stream<List<Object>>> rows) {
            this.rows = rows;
            return this;
        }

        /**
         * Sets rows already in memory (small reports and tests).
         *
         * @param rows the rows; copied, and may hold {@code null} values
         * @return this builder
         */
        public Builder rows(List<List<Object>> rows) {
            Objects.requireNonNull(rows, "rows");
            List<List<Object>> copy = new ArrayList<>(rows);
            this.rows = copy::stream;
            return this;
        }

        /**
         * Adds a chart.
         *
         * @param chart the chart
         * @return this builder
         */
        public Builder chart(ReportChart chart) {
            charts.add(chart);
            return this;
        }

        /**
         * Sets what {@link ReportTable#close()} does, e.g. closing a connection.
         *
         * @param onClose run when the table is closed
         * @return this builder
         */
        public Builder onClose(Runnable onClose) {
            this.onClose = Objects.requireNonNull(onClose, "onClose");
            return this;
        }

        /**
         * Validates and builds the table.
         *
         * @return the table
         * @throws dev.supportkit.api.error.ValidationException listing every broken rule
         */
        public ReportTable build() {
            return new SuppliedTable(title, subtitle, columns, rows, charts, onClose);
        }
    }
}

/** The table {@link ReportTable#of} and the builder make. */
record SuppliedTable(String title, Optional<String> subtitle, List<ReportColumn> columns,
                     Supplier<Stream<List<Object>>> supplier, List<ReportChart> charts, Runnable onClose)
        implements ReportTable {

    SuppliedTable(String title, String subtitle, List<ReportColumn> columns, Supplier<Stream<List<Object>>> supplier,
                  List<ReportChart> charts, Runnable onClose) {
        this(validated(title, columns, supplier, charts), Optional.ofNullable(subtitle).filter(s -> !s.isBlank()),
                List.copyOf(columns), supplier, List.copyOf(charts), onClose);
    }

    private static String validated(String title, List<ReportColumn> columns, Supplier<Stream<List<Object>>> rows,
                                    List<ReportChart> charts) {
        Checks checks = new Checks("table");
        checks.text(title, "title");
        if (checks.list(columns, "columns")
                && checks.rule(columns.isEmpty(), "columns", "not-empty", "needs at least one column")) {
            Set<String> keys = new HashSet<>();
            for (int i = 0; i < columns.size(); i++) {
                checks.rule(!keys.add(columns.get(i).key()), "columns[" + i + "].key", "unique",
                        "'" + columns.get(i).key() + "' is the key of an earlier column");
            }
        }
        checks.required(rows, "rows");
        checks.list(charts, "charts");
        checks.throwIfAny();
        return title;
    }

    @Override
    public Stream<List<Object>> rows() {
        return Objects.requireNonNull(supplier.get(), "the rows supplier of '" + title + "' returned null");
    }

    @Override
    public void close() {
        onClose.run();
    }
}
