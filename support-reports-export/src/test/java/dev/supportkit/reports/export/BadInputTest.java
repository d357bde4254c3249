package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.reports.table.ChartFormat;
import dev.supportkit.api.reports.table.ChartKind;
import dev.supportkit.api.reports.table.ChartSeries;
import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportColumn;
import dev.supportkit.api.reports.table.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input is refused with errors naming the field and the rule. */
class BadInputTest {
    private final ReportExporter exporter = ReportExporter.defaults();

    private static List<String> fields(Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.errors().stream().map(f -> f.field() + " [" + f.rule() + "]").toList();
    }

    @Test
    @DisplayName("export without a table, format or stream names each missing argument")
    void missingArguments() {
        assertEquals(List.of("table [required]", "format [required]", "out [required]"),
                fields(() -> exporter.export(null, null, (java.io.OutputStream) null)));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    @DisplayName("a value of the wrong type names the row and the column, in every format")
    void wrongValueType(ExportFormat format) {
        ReportTable table = ReportTable.builder("Отчёт")
                .column("name", "Имя", ColumnType.TEXT)
                .column("resolved", "Решено", ColumnType.INTEGER)
                .rows(List.of(Samples.row("а", 1L), Samples.row("б", "два")))
                .build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> exporter.export(table, format, new ByteArrayOutputStream()));
        FieldError error = e.errors().get(0);
        assertEquals("rows[1].resolved", error.field());
        assertEquals("type", error.rule());
        assertTrue(error.message().contains("INTEGER column 'Решено' takes Long or Integer, got java.lang.String 'два'"),
                error.message());
    }

    @Test
    @DisplayName("a row of the wrong length, a null row and a non-finite number are refused by name")
    void badRows() {
        ReportTable shortRow = ReportTable.builder("Отчёт").column("a", "A", ColumnType.TEXT)
                .column("b", "B", ColumnType.DECIMAL).rows(List.of(Samples.row("x"))).build();
        assertEquals(List.of("rows[0] [size]"),
                fields(() -> exporter.export(shortRow, ExportFormat.CSV, new ByteArrayOutputStream())));
        ReportTable nullRow = ReportTable.builder("Отчёт").column("a", "A", ColumnType.TEXT)
                .rows(() -> Stream.of(Samples.row("x"), null)).build();
        assertEquals(List.of("rows[1] [required]"),
                fields(() -> exporter.export(nullRow, ExportFormat.XLSX, new ByteArrayOutputStream())));
        ReportTable nan = ReportTable.builder("Отчёт").column("share", "Доля", ColumnType.PERCENT)
                .rows(List.of(Samples.row(Double.NaN))).build();
        assertEquals(List.of("rows[0].share [type]"),
                fields(() -> exporter.export(nan, ExportFormat.PDF, new ByteArrayOutputStream())));
    }

    @Test
    @DisplayName("a chart of negative or huge size, or without chart, format and stream, names every field")
    void chartArguments() {
        assertEquals(List.of("width [range]", "height [range]"),
                fields(() -> exporter.chart(Samples.barChart(), ChartFormat.PNG, -1, 20_000, new ByteArrayOutputStream())));
        assertEquals(List.of("chart [required]", "format [required]", "out [required]"),
                fields(() -> exporter.chart(null, null, 10, 10, null)));
    }

    @Test
    @DisplayName("the builder names a locale other than ru/en, a bad zone id, a missing page size and a bad row limit")
    void builderSettings() {
        assertEquals(List.of("locale [supported]", "zone [format]", "pageSize [required]", "rowsPerSheet [range]"),
                fields(() -> ReportExporter.builder().locale(Locale.GERMAN).zone("Mars/Olympus").pageSize(null)
                        .rowsPerSheet(ReportExporter.MAX_ROWS_PER_SHEET + 1).build()));
        assertEquals(Locale.forLanguageTag("ru-RU"),
                ReportExporter.builder().locale(Locale.forLanguageTag("ru-RU")).build().locale());
    }

    @Test
    @DisplayName("a font override must be a readable TrueType file; a real one is used for the PDF")
    void fontOverride(@TempDir Path dir) throws IOException {
        assertEquals(List.of("font [readable]"),
                fields(() -> ReportExporter.builder().font(dir.resolve("missing.ttf")).build()));
        Path notFont = Files.writeString(dir.resolve("fake.ttf"), "not a font");
        assertEquals(List.of("font [format]"), fields(() -> ReportExporter.builder().font(notFont).build()));
        Path text = Files.writeString(dir.resolve("font.txt"), "x");
        assertEquals(List.of("font [format]"), fields(() -> ReportExporter.builder().font(text).build()));

        Path serif = dir.resolve("Serif.ttf");
        try (var in = Fonts.class.getResourceAsStream("/dev/supportkit/reports/export/fonts/DejaVuSans-Bold.ttf")) {
            Files.copy(in, serif);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter.builder().font(serif).build().export(Samples.group(), ExportFormat.PDF, out);
        try (var document = org.apache.pdfbox.Loader.loadPDF(out.toByteArray())) {
            var resources = document.getPage(1).getResources();
            for (var name : resources.getFontNames()) {
                assertTrue(resources.getFont(name).getName().contains("DejaVuSans-Bold"),
                        "every font is the override: " + resources.getFont(name).getName());
            }
        }
    }

    @Test
    @DisplayName("the table API refuses bad columns, duplicate keys, blank titles and charts whose series do not fit")
    void tableApi() {
        assertEquals(List.of("column.key [format]", "column.title [not-blank]", "column.type [required]"),
                fields(() -> new ReportColumn("Bad Key", " ", null)));
        assertEquals(List.of("table.title [not-blank]", "table.columns[1].key [unique]", "table.rows [required]"),
                fields(() -> ReportTable.of("", null, List.of(new ReportColumn("a", "A", ColumnType.TEXT),
                        new ReportColumn("a", "B", ColumnType.TEXT)), null, List.of())));
        assertEquals(List.of("chart.series[0].values [size]"),
                fields(() -> new ReportChart("T", ChartKind.BAR, "", "", List.of("a", "b"),
                        List.of(new ChartSeries("s", List.of(1.0))))));
        assertEquals(List.of("chart.series [pie-one-series]"),
                fields(() -> new ReportChart("T", ChartKind.PIE, "", "", List.of("a"),
                        List.of(new ChartSeries("s", List.of(1.0)), new ChartSeries("t", List.of(2.0))))));
        assertEquals(List.of("series.values[1] [finite]"),
                fields(() -> new ChartSeries("s", List.of(1.0, Double.POSITIVE_INFINITY))));
    }
}
