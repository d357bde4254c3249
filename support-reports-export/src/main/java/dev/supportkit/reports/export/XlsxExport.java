package dev.supportkit.reports.export;

import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportColumn;
import dev.supportkit.api.reports.table.ReportTable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a table as an XLSX workbook with fastexcel: typed cells with number formats, a bold frozen header, rows
 * flushed to the stream as they come, a further sheet whenever one fills up, and a sheet with the charts' data
 * (fastexcel cannot write charts).
 */
final class XlsxExport {
    /** The most rows an Excel sheet holds, the header included. */
    static final int EXCEL_MAX_ROWS = 1_048_576;
    private static final Logger LOG = LoggerFactory.getLogger(XlsxExport.class);
    private static final int FLUSH_EVERY = 256;
    private static final double SECONDS_PER_DAY = 86_400d;

    private XlsxExport() {
    }

    /**
     * Writes the workbook; does not close {@code out}.
     *
     * @param rowsPerSheet data rows per sheet before a further sheet starts
     * @return the number of rows written
     */
    static long write(ReportTable table, Values values, int rowsPerSheet, OutputStream out) throws IOException {
        boolean russian = Values.russian(values.locale());
        List<ReportColumn> columns = table.columns();
        String[] formats = columns.stream().map(c -> format(c.type(), russian)).toArray(String[]::new);
        Workbook workbook = new Workbook(out, "SupportKit", "1.0");
        workbook.setGlobalDefaultFont("Calibri", 11);
        SheetNames names = new SheetNames();
        String firstSheet = names.unique(table.title());
        Worksheet sheet = startSheet(workbook, firstSheet, columns, null);
        long index = 0;
        int sheetRow = 0;
        int sheetNumber = 1;
        try (Stream<List<Object>> rows = table.rows()) {
            Iterator<List<Object>> iterator = rows.iterator();
            while (iterator.hasNext()) {
                List<Object> row = Values.check(iterator.next(), columns, index);
                if (sheetRow == rowsPerSheet) {
                    sheet.finish();
                    sheetNumber++;
                    String name = names.unique(table.title() + " (" + sheetNumber + ")");
                    String note = (russian ? "продолжение листа «" : "continued from sheet '") + firstSheet
                            + (russian ? "», строки с " : "', rows from ") + (index + 1);
                    LOG.info("'{}': a sheet holds {} rows; rows from {} continue on sheet '{}'", table.title(),
                            rowsPerSheet, index + 1, name);
                    sheet = startSheet(workbook, name, columns, note);
                    sheetRow = 0;
                }
                sheetRow++;
                writeRow(sheet, sheetRow, row, columns, formats, values);
                if (sheetRow % FLUSH_EVERY == 0) {
                    sheet.flush();
                }
                index++;
            }
        }
        sheet.finish();
        if (!table.charts().isEmpty()) {
            writeCharts(workbook, names.unique(russian ? "Данные диаграмм" : "Chart data"), table.charts());
        }
        workbook.finish();
        return index;
    }

    private static Worksheet startSheet(Workbook workbook, String name, List<ReportColumn> columns, String note) {
        Worksheet sheet = workbook.newWorksheet(name);
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, width(columns.get(c)));
            sheet.inlineString(0, c, columns.get(c).title());
            sheet.style(0, c).bold().fillColor("DDEBF7").set();
        }
        if (note != null) {
            sheet.inlineString(0, columns.size(), note);
            sheet.style(0, columns.size()).italic().set();
            sheet.width(columns.size(), 40);
        }
        sheet.freezePane(0, 1);
        return sheet;
    }

    private static void writeRow(Worksheet sheet, int r, List<Object> row, List<ReportColumn> columns,
                                 String[] formats, Values values) {
        for (int c = 0; c < formats.length; c++) {
            Object value = row.get(c);
            if (value == null) {
                continue;
            }
            ColumnType type = columns.get(c).type();
            switch (type) {
                case TEXT -> sheet.inlineString(r, c, (String) value);
                case INTEGER, DECIMAL, PERCENT -> sheet.value(r, c, (Number) value);
                case INSTANT -> sheet.value(r, c, LocalDateTime.ofInstant((Instant) value, values.zone()));
                case DATE -> sheet.value(r, c, (LocalDate) value);
                case DURATION -> sheet.value(r, c, ((Duration) value).toMillis() / 1000d / SECONDS_PER_DAY);
            }
            if (formats[c] != null) {
                sheet.style(r, c).format(formats[c]).set();
            }
        }
    }

    /** The Excel number format of a column type; null for text. */
    static String format(ColumnType type, boolean russian) {
        return switch (type) {
            case TEXT -> null;
            case INTEGER -> "#,##0";
            case DECIMAL -> "#,##0.00";
            case PERCENT -> "0.0%";
            case INSTANT -> russian ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm";
            case DATE -> russian ? "dd.mm.yyyy" : "yyyy-mm-dd";
            case DURATION -> "[h]:mm:ss";
        };
    }

    private static double width(ReportColumn column) {
        double byType = switch (column.type()) {
            case TEXT -> 32;
            case INSTANT -> 18;
            default -> 14;
        };
        return Math.min(60, Math.max(byType, column.title().length() + 2));
    }

    /** One block per chart: its title, a header of the category axis and the series names, a row per category. */
    private static void writeCharts(Workbook workbook, String name, List<ReportChart> charts) throws IOException {
        Worksheet sheet = workbook.newWorksheet(name);
        sheet.width(0, 32);
        int r = 0;
        for (ReportChart chart : charts) {
            sheet.inlineString(r, 0, chart.title());
            sheet.style(r, 0).bold().fontSize(13).set();
            r++;
            sheet.inlineString(r, 0, chart.xTitle());
            sheet.style(r, 0).bold().fillColor("DDEBF7").set();
            for (int s = 0; s < chart.series().size(); s++) {
                sheet.inlineString(r, s + 1, chart.series().get(s).name());
                sheet.style(r, s + 1).bold().fillColor("DDEBF7").set();
                sheet.width(s + 1, 16);
            }
            r++;
            for (int i = 0; i < chart.categories().size(); i++) {
                sheet.inlineString(r, 0, chart.categories().get(i));
                for (int s = 0; s < chart.series().size(); s++) {
                    sheet.value(r, s + 1, chart.series().get(s).values().get(i));
                }
                r++;
            }
            r++;
        }
        sheet.finish();
    }

    /** Excel sheet names: at most 31 characters, none of {@code :\/?*[]}, distinct ignoring case. */
    static final class SheetNames {
        private final java.util.Set<String> used = new java.util.HashSet<>();

        String unique(String wanted) {
            String base = wanted.replaceAll("[:\\\\/?*\\[\\]]", " ").strip().replaceAll("^'+|'+$", "");
            if (base.isBlank()) {
                base = "Report";
            }
            String name = truncate(base, 31);
            for (int n = 2; !used.add(name.toLowerCase(java.util.Locale.ROOT)); n++) {
                String suffix = " " + n;
                name = truncate(base, 31 - suffix.length()) + suffix;
            }
            return name;
        }

        private static String truncate(String text, int length) {
            return text.length() <= length ? text : text.substring(0, length).strip();
        }
    }
}
