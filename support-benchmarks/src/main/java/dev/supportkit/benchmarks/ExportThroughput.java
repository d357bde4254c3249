package dev.supportkit.benchmarks;

import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportTable;
import dev.supportkit.reports.export.ReportExporter;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Report export throughput and heap: {@code rows} generated rows (seven columns: number, two texts, instant,
 * duration, decimal, percent) exported to a temporary file as CSV and as XLSX by {@link ReportExporter}, each next to
 * a baseline from the same run writing the same values without it: a {@link BufferedWriter} joining the values with
 * commas (CSV), and a plain fastexcel loop with the same cell types and number formats (XLSX). Heap: {@code
 * System.gc()} once before each run, then the used heap sampled through {@link MemoryMXBean} every 100,000 rows; the
 * peak of the samples is reported. Rows are generated as they are read, so a bounded peak means the exporter holds
 * no rows.
 */
final class ExportThroughput {
    static final int SAMPLE_EVERY = 100_000;
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final String[] CATEGORIES = {"Оборудование", "Программы", "Доступ", "Сеть", "Печать"};
    private static final double MB = 1024d * 1024d;
    /** The XLSX exporter may be this much slower than the plain loop (it checks every value's type). */
    private static final double XLSX_MIN_RATIO = 0.5;
    /** CSV through Commons CSV (quoting, type checks) against a plain join. */
    private static final double CSV_MIN_RATIO = 0.25;
    /** The peak may exceed the baseline's by this much and still count as bounded (the samples include garbage). */
    private static final double HEAP_SLACK_MB = 64;

    private ExportThroughput() {
    }

    /**
     * One timed run.
     *
     * @param rows       rows written
     * @param seconds    wall time
     * @param peakHeapMb the largest used-heap sample
     */
    record Run(long rows, double seconds, double peakHeapMb) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    static List<Result> run(long rows) throws IOException {
        Path dir = Files.createTempDirectory("supportkit-export-bench");
        try {
            List<Result> results = new ArrayList<>();
            // warm-up of both paths on a tenth of the rows
            exporterRun(rows / 10, ExportFormat.CSV, dir.resolve("warm.csv"));
            csvBaseline(rows / 10, dir.resolve("warm-base.csv"));
            exporterRun(rows / 10, ExportFormat.XLSX, dir.resolve("warm.xlsx"));
            xlsxBaseline(rows / 10, dir.resolve("warm-base.xlsx"));

            Run csv = exporterRun(rows, ExportFormat.CSV, dir.resolve("export.csv"));
            Run csvBase = csvBaseline(rows, dir.resolve("baseline.csv"));
            results.addAll(results("csv", csv, csvBase, CSV_MIN_RATIO,
                    "a BufferedWriter joining the same values with commas"));
            Run xlsx = exporterRun(rows, ExportFormat.XLSX, dir.resolve("export.xlsx"));
            Run xlsxBase = xlsxBaseline(rows, dir.resolve("baseline.xlsx"));
            results.addAll(results("xlsx", xlsx, xlsxBase, XLSX_MIN_RATIO,
                    "a plain fastexcel loop writing the same typed cells and number formats"));
            return results;
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    static List<Result> results(String format, Run measured, Run baseline, double minRatio, String baselineText) {
        String size = "-" + measured.rows() + "-rows";
        double ratio = measured.rowsPerSecond() / baseline.rowsPerSecond();
        double heapBound = baseline.peakHeapMb() + HEAP_SLACK_MB;
        return List.of(
                new Result("export-" + format + "-throughput" + size, "rows/s", measured.rowsPerSecond(),
                        baseline.rowsPerSecond(), ratio, String.format(Locale.ROOT, "ratio >= %.2f", minRatio),
                        ratio >= minRatio, baselineText),
                new Result("export-" + format + "-peak-heap" + size, "MB", measured.peakHeapMb(),
                        baseline.peakHeapMb(), measured.peakHeapMb() / baseline.peakHeapMb(),
                        String.format(Locale.ROOT, "peak <= baseline peak + %.0f MB", HEAP_SLACK_MB),
                        measured.peakHeapMb() <= heapBound, baselineText + "; used heap sampled every "
                        + SAMPLE_EVERY + " rows after one System.gc() at the start"));
    }

    /** The i-th generated row. */
    static List<Object> row(long i) {
        return List.of(i, "Заявка №" + i + ": не печатает принтер в кабинете " + (i % 500),
                CATEGORIES[(int) (i % CATEGORIES.length)], START.plusSeconds(i * 37),
                Duration.ofSeconds(600 + i % 86_400), BigDecimal.valueOf(i % 500, 2), (i % 1000) / 1000.0);
    }

    static ReportTable table(long rows, LongFunction<List<Object>> rowAt, HeapSampler sampler) {
        return ReportTable.builder("Заявки")
                .column("id", "Номер", ColumnType.INTEGER)
                .column("subject", "Тема", ColumnType.TEXT)
                .column("category", "Категория", ColumnType.TEXT)
                .column("registered", "Зарегистрирована", ColumnType.INSTANT)
                .column("resolution", "Время решения", ColumnType.DURATION)
                .column("score", "Оценка", ColumnType.DECIMAL)
                .column("share", "Доля", ColumnType.PERCENT)
                .rows(() -> LongStream.range(0, rows).peek(sampler::row).mapToObj(rowAt))
                .build();
    }

    static Run exporterRun(long rows, ExportFormat format, Path file) throws IOException {
        HeapSampler sampler = new HeapSampler();
        long started = System.nanoTime();
        try (ReportTable table = table(rows, ExportThroughput::row, sampler)) {
            ReportExporter.builder().zone(ZONE).build().export(table, format, file);
        }
        return new Run(rows, (System.nanoTime() - started) / 1e9, sampler.peakMb());
    }

    static Run csvBaseline(long rows, Path file) throws IOException {
        HeapSampler sampler = new HeapSampler();
        long started = System.nanoTime();
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("Номер,Тема,Категория,Зарегистрирована,Время решения,Оценка,Доля\r\n");
            for (long i = 0; i < rows; i++) {
                sampler.row(i);
                List<Object> row = row(i);
                for (int c = 0; c < row.size(); c++) {
                    if (c > 0) {
                        out.write(',');
                    }
                    out.write(String.valueOf(row.get(c)));
                }
                out.write("\r\n");
            }
        }
        return new Run(rows, (System.nanoTime() - started) / 1e9, sampler.peakMb());
    }

    static Run xlsxBaseline(long rows, Path file) throws IOException {
        HeapSampler sampler = new HeapSampler();
        long started = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Workbook workbook = new Workbook(out, "Baseline", "1.0");
            Worksheet sheet = workbook.newWorksheet("Заявки");
            String[] titles = {"Номер", "Тема", "Категория", "Зарегистрирована", "Время решения", "Оценка", "Доля"};
            for (int c = 0; c < titles.length; c++) {
                sheet.inlineString(0, c, titles[c]);
            }
            for (long i = 0; i < rows; i++) {
                sampler.row(i);
                List<Object> row = row(i);
                int r = (int) i + 1;
                sheet.value(r, 0, (Number) row.get(0));
                sheet.style(r, 0).format("#,##0").set();
                sheet.inlineString(r, 1, (String) row.get(1));
                sheet.inlineString(r, 2, (String) row.get(2));
                sheet.value(r, 3, LocalDateTime.ofInstant((Instant) row.get(3), ZONE));
                sheet.style(r, 3).format("dd.mm.yyyy hh:mm").set();
                sheet.value(r, 4, ((Duration) row.get(4)).toMillis() / 1000d / 86_400d);
                sheet.style(r, 4).format("[h]:mm:ss").set();
                sheet.value(r, 5, (Number) row.get(5));
                sheet.style(r, 5).format("#,##0.00").set();
                sheet.value(r, 6, (Number) row.get(6));
                sheet.style(r, 6).format("0.0%").set();
                if (r % 256 == 0) {
                    sheet.flush();
                }
            }
            sheet.finish();
            workbook.finish();
        }
        return new Run(rows, (System.nanoTime() - started) / 1e9, sampler.peakMb());
    }

    /** Calls {@code System.gc()} once when made, then samples the used heap every {@value #SAMPLE_EVERY} rows. */
    static final class HeapSampler {
        private long peak;

        HeapSampler() {
            System.gc();
            peak = MEMORY.getHeapMemoryUsage().getUsed();
        }

        void row(long index) {
            if (index % SAMPLE_EVERY == 0) {
                peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
            }
        }

        double peakMb() {
            peak = Math.max(peak, MEMORY.getHeapMemoryUsage().getUsed());
            return BigDecimal.valueOf(peak / MB).setScale(1, RoundingMode.HALF_UP).doubleValue();
        }
    }
}
