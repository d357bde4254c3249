package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.reports.table.ExportFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static byte[] export(ReportExporter exporter, dev.supportkit.api.reports.table.ReportTable table)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(table, ExportFormat.XLSX, out);
        return out.toByteArray();
    }

    private static ReadableWorkbook read(byte[] xlsx) throws IOException {
        return new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false));
    }

    private static Cell cell(List<Row> rows, int r, int c) {
        return rows.get(r).getCell(c);
    }

    @Test
    @DisplayName("XLSX read back: header of titles, typed cells with number and date formats, empty cells for nulls")
    void typedCells() throws IOException {
        byte[] xlsx = export(ReportExporter.builder().zone("Europe/Moscow").build(), Samples.group());
        try (ReadableWorkbook workbook = read(xlsx)) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("Отчёт по группе", "Данные диаграмм"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(0).read();
            assertEquals(5, rows.size());
            assertEquals("Специалист", cell(rows, 0, 0).asString());
            assertEquals("Решение, p90", cell(rows, 0, 7).asString());

            assertEquals(CellType.STRING, cell(rows, 1, 0).getType());
            assertEquals("Иванова Анна", cell(rows, 1, 0).asString());
            assertEquals(CellType.NUMBER, cell(rows, 1, 1).getType());
            assertEquals(0, new BigDecimal("120").compareTo(cell(rows, 1, 1).asNumber()));
            assertEquals("#,##0", cell(rows, 1, 1).getDataFormatString());
            assertEquals(0, new BigDecimal("0.8167").compareTo(cell(rows, 1, 3).asNumber()));
            assertEquals("0.0%", cell(rows, 1, 3).getDataFormatString());
            assertEquals(0, new BigDecimal("4.25").compareTo(cell(rows, 1, 4).asNumber()));
            assertEquals("#,##0.00", cell(rows, 1, 4).getDataFormatString());
            assertEquals(LocalDateTime.of(2026, 11, 30, 12, 15), cell(rows, 1, 5).asDate(), "instant in Moscow time");
            assertEquals("dd.mm.yyyy hh:mm", cell(rows, 1, 5).getDataFormatString());
            assertEquals(LocalDateTime.of(2026, 11, 30, 0, 0), cell(rows, 1, 6).asDate());
            assertEquals("dd.mm.yyyy", cell(rows, 1, 6).getDataFormatString());
            assertEquals(135.0 / 60 / 24, cell(rows, 1, 7).asNumber().doubleValue(), 1e-9, "duration in days");
            assertEquals("[h]:mm:ss", cell(rows, 1, 7).getDataFormatString());

            assertEquals("Петров, \"Пётр\"", cell(rows, 2, 0).asString());
            assertEquals("Сидоров\nвторая строка", cell(rows, 3, 0).asString());
            assertTrue(rows.get(3).getOptionalCell(2).map(c -> c.getType() == CellType.EMPTY).orElse(true),
                    "null is an empty cell");
            assertTrue(rows.get(2).getOptionalCell(5).map(c -> c.getType() == CellType.EMPTY).orElse(true));
        }
    }

    @Test
    @DisplayName("XLSX puts each chart's categories and series on a chart-data sheet")
    void chartData() throws IOException {
        byte[] xlsx = export(ReportExporter.defaults(), Samples.group());
        try (ReadableWorkbook workbook = read(xlsx)) {
            List<Row> rows = workbook.findSheet("Данные диаграмм").orElseThrow().read();
            assertEquals("Решено по специалистам", cell(rows, 0, 0).asString());
            assertEquals(List.of("Специалист", "Решено", "Получено"),
                    List.of(cell(rows, 1, 0).asString(), cell(rows, 1, 1).asString(), cell(rows, 1, 2).asString()));
            assertEquals("Иванова", cell(rows, 2, 0).asString());
            assertEquals(98.0, cell(rows, 2, 1).asNumber().doubleValue());
            assertEquals(30.0, cell(rows, 4, 2).asNumber().doubleValue());
        }
    }

    @Test
    @DisplayName("XLSX starts a further sheet when one is full and says where the rows continue")
    void splitsSheets() throws IOException {
        byte[] xlsx = export(ReportExporter.builder().rowsPerSheet(1000).build(), Samples.generated(2_500));
        try (ReadableWorkbook workbook = read(xlsx)) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("Сгенерированный отчёт", "Сгенерированный отчёт (2)", "Сгенерированный отчёт (3)"),
                    sheets.stream().map(Sheet::getName).toList());
            List<Row> first = sheets.get(0).read();
            List<Row> third = sheets.get(2).read();
            assertEquals(1001, first.size());
            assertEquals(501, third.size());
            assertEquals("Номер", cell(third, 0, 0).asString(), "each sheet repeats the header");
            assertEquals("продолжение листа «Сгенерированный отчёт», строки с 2001", cell(third, 0, 3).asString());
            assertEquals(2000.0, cell(third, 1, 0).asNumber().doubleValue());
            assertEquals(2499.0, cell(third, 500, 0).asNumber().doubleValue());
            assertEquals("Строка 2499", cell(third, 500, 1).asString());
        }
    }
}
