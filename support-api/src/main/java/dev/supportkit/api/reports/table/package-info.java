/**
 * Report tables, ready for export: a {@link dev.supportkit.api.reports.table.ReportTable} is a titled set of typed
 * {@link dev.supportkit.api.reports.table.ReportColumn columns}, a stream of rows (which may come from a database
 * cursor) and {@link dev.supportkit.api.reports.table.ReportChart charts}. The {@code support-reports-export} module
 * writes one as CSV, XLSX or PDF ({@link dev.supportkit.api.reports.table.ExportFormat}) and a chart alone as PNG or
 * SVG ({@link dev.supportkit.api.reports.table.ChartFormat}). Plain Java, no framework annotations.
 */
package dev.supportkit.api.reports.table;
