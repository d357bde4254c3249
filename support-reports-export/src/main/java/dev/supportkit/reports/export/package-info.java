/**
 * Report exports: {@link dev.supportkit.reports.export.ReportExporter} writes a
 * {@link dev.supportkit.api.reports.table.ReportTable} as CSV (Apache Commons CSV), XLSX (fastexcel) or PDF with its
 * charts (Apache PDFBox and XChart, DejaVu Sans embedded so Cyrillic text works), streaming the rows without caps, and
 * writes a {@link dev.supportkit.api.reports.table.ReportChart} alone as PNG or SVG. A plain library on top of
 * support-api.
 */
package dev.supportkit.reports.export;
