package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import dev.supportkit.api.reports.table.ExportFormat;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    private static String export(ReportExporter exporter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(Samples.group(), ExportFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords();
        }
    }

    @Test
    @DisplayName("CSV round trip: header of titles, Cyrillic, quotes, commas, line breaks and nulls come back as written")
    void roundTrip() throws IOException {
        String csv = export(ReportExporter.builder().zone("Europe/Moscow").build());
        List<CSVRecord> records = parse(csv);
        assertEquals(1 + Samples.ROWS.size(), records.size());
        assertEquals(List.of("Специалист", "Получено", "Решено", "Решено с первого контакта", "Оценка",
                "Последнее закрытие", "День", "Решение, p90"), records.get(0).toList());
        assertEquals(List.of("Иванова Анна", "120", "98", "0.8167", "4.25", "2026-11-30T12:15:00+03:00", "2026-11-30",
                "PT2H15M"), records.get(1).toList());
        assertEquals(List.of("Петров, \"Пётр\"", "75", "70", "0.9333", "3.50", "", "2026-11-02", "PT26H5M"),
                records.get(2).toList());
        assertEquals(List.of("Сидоров\nвторая строка", "0", "", "", "", "2026-11-30T13:15:00+03:00", "", "PT40S"),
                records.get(3).toList());
        assertEquals(List.of("", "5", "5", "1", "0", "2026-11-30T12:15:00+03:00", "2026-01-01", "PT0S"),
                records.get(4).toList());
        assertTrue(csv.contains("\r\n"), "RFC 4180 records end in CRLF");
        assertTrue(csv.startsWith("Специалист,"), "no byte order mark unless asked for");
    }

    @Test
    @DisplayName("CSV for Excel starts with a UTF-8 byte order mark and still parses")
    void byteOrderMark() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter.builder().csvByteOrderMark(true).locale(Locale.ENGLISH).build()
                .export(Samples.group(), ExportFormat.CSV, out);
        byte[] bytes = out.toByteArray();
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<CSVRecord> records = parse(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8));
        assertEquals("Специалист", records.get(0).get(0));
        assertEquals("2026-11-30T09:15:00Z", records.get(1).get(5), "UTC by default");
    }

    @Test
    @DisplayName("CSV streams a generated table of 20,000 rows, each row in order")
    void generatedRows() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter.defaults().export(Samples.generated(20_000), ExportFormat.CSV, out);
        List<CSVRecord> records = parse(out.toString(StandardCharsets.UTF_8));
        assertEquals(20_001, records.size());
        assertEquals(List.of("19999", "Строка 19999", "0.99"), records.get(20_000).toList());
    }
}
