package dev.supportkit.reports.export;

import dev.supportkit.api.reports.table.ReportColumn;
import dev.supportkit.api.reports.table.ReportTable;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a table as RFC 4180 CSV in UTF-8, one record per row, streaming. */
final class CsvExport {
    /** The byte order mark Excel needs to read a CSV file as UTF-8. */
    static final char BOM = '\uFEFF';

    private CsvExport() {
    }

    /**
     * Writes the header of column titles and every row; flushes, does not close {@code out}.
     *
     * @return the number of rows written
     */
    static long write(ReportTable table, Values values, boolean byteOrderMark, OutputStream out) throws IOException {
        List<ReportColumn> columns = table.columns();
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        if (byteOrderMark) {
            writer.write(BOM);
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(columns.stream().map(ReportColumn::title).toArray(String[]::new))
                .get();
        CSVPrinter printer = new CSVPrinter(writer, format);
        long index = 0;
        String[] record = new String[columns.size()];
        try (Stream<List<Object>> rows = table.rows()) {
            Iterator<List<Object>> iterator = rows.iterator();
            while (iterator.hasNext()) {
                List<Object> row = Values.check(iterator.next(), columns, index);
                for (int c = 0; c < record.length; c++) {
                    record[c] = values.plain(columns.get(c).type(), row.get(c));
                }
                printer.printRecord((Object[]) record);
                index++;
            }
        }
        printer.flush();
        return index;
    }
}
