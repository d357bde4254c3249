package dev.supportkit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.reports.table.ExportFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export benchmark at a smoke size: both sides write the rows, the figures are sane. */
class ExportThroughputTest {

    @Test
    @DisplayName("a tiny run writes CSV with the exporter and the baseline, the same number of lines each")
    void csvSmoke(@TempDir Path dir) throws Exception {
        ExportThroughput.Run measured = ExportThroughput.exporterRun(2_000, ExportFormat.CSV, dir.resolve("a.csv"));
        ExportThroughput.Run baseline = ExportThroughput.csvBaseline(2_000, dir.resolve("b.csv"));
        assertEquals(2_001, Files.readAllLines(dir.resolve("a.csv")).size());
        assertEquals(2_001, Files.readAllLines(dir.resolve("b.csv")).size());
        assertTrue(measured.rowsPerSecond() > 0 && measured.peakHeapMb() > 0);
        List<Result> results = ExportThroughput.results("csv", measured, baseline, 0.25, "baseline");
        assertEquals(List.of("export-csv-throughput-2000-rows", "export-csv-peak-heap-2000-rows"),
                results.stream().map(Result::name).toList());
        assertEquals(measured.rowsPerSecond() / baseline.rowsPerSecond(), results.get(0).ratio(), 1e-9);
    }

    @Test
    @DisplayName("a tiny run writes XLSX with the exporter and the plain fastexcel loop")
    void xlsxSmoke(@TempDir Path dir) throws Exception {
        ExportThroughput.Run measured = ExportThroughput.exporterRun(2_000, ExportFormat.XLSX, dir.resolve("a.xlsx"));
        ExportThroughput.Run baseline = ExportThroughput.xlsxBaseline(2_000, dir.resolve("b.xlsx"));
        assertEquals(2_000, measured.rows());
        assertTrue(Files.size(dir.resolve("a.xlsx")) > 10_000 && Files.size(dir.resolve("b.xlsx")) > 10_000);
        assertTrue(baseline.seconds() > 0);
    }
}
