package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.reports.Evaluation;
import dev.supportkit.api.reports.EvaluationPart;
import dev.supportkit.api.reports.Figure;
import dev.supportkit.api.reports.LaborFunctionTotal;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsReport;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.reports.ProposalKind;
import dev.supportkit.api.reports.ProposalQuery;
import dev.supportkit.api.reports.ProposalReport;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.reports.StaffingHour;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportColumn;
import dev.supportkit.api.reports.table.ReportTable;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every report of {@code ReportService} and the journal search as a table: its rows are the report's figures. */
class ReportTablesTest {
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final Instant FROM = Instant.parse("2026-02-28T21:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-03-31T21:00:00Z");

    private static RequestMetrics figures(String key, long received, long resolved) {
        return RequestMetrics.builder(key).received(received).resolved(resolved, 1, resolved - 1)
                .firstResponse(received, received - 1).resolution(resolved, resolved)
                .firstResponseTimes(Duration.ofMinutes(10), Duration.ofMinutes(50))
                .resolutionTimes(Duration.ofHours(5), Duration.ofHours(20))
                .resolutionWorkingTimes(Duration.ofHours(2), Duration.ofHours(7))
                .backlog(3, Duration.ofDays(2)).surveys(4, 2, 9).build();
    }

    private static MetricsReport metricsReport() {
        MetricsQuery query = MetricsQuery.builder().scope(MetricsScope.SPECIALIST).period(FROM, UNTIL).build();
        return new MetricsReport(query, List.of(figures("ana", 12, 9), figures("boris", 7, 3)),
                List.of(figures("ana", 10, 8)), UNTIL);
    }

    private static Map<String, Object> row(ReportTable table, List<Object> row) {
        Map<String, Object> byKey = new java.util.LinkedHashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            byKey.put(table.columns().get(i).key(), row.get(i));
        }
        return byKey;
    }

    private static byte[] export(ReportTable table, ExportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter.builder().locale(RU).zone(MOSCOW).build().export(table, format, out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("metrics: a row per key and period holding that row's figures, charts per key, titles in Russian")
    void metrics() throws IOException {
        MetricsReport report = metricsReport();
        ReportTable table = ReportTables.metrics(report, RU, MOSCOW);
        List<List<Object>> rows = table.rows().toList();
        assertEquals(3, rows.size(), "ana now and before, boris now (no figures before)");
        List<RequestMetrics> expected = List.of(report.current().get(0), report.previous().get(0),
                report.current().get(1));
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = row(table, rows.get(i));
            RequestMetrics m = expected.get(i);
            assertEquals(m.key(), row.get("key"));
            assertEquals(m.received(), row.get("received"));
            assertEquals(m.resolved(), row.get("resolved"));
            assertEquals(m.firstContactRate().getAsDouble(), (Double) row.get("fcr"), 1e-12);
            assertEquals(m.firstResponseCompliance().getAsDouble(), (Double) row.get("fr_compliance"), 1e-12);
            assertEquals(m.resolutionP90().orElseThrow(), row.get("res_p90"));
            assertEquals(m.resolutionWorkingMedian().orElseThrow(), row.get("res_working_median"));
            assertEquals(null, row.get("fr_working_median"), "no working time counted: an empty cell");
            assertEquals(m.satisfactionAverage().getAsDouble(), (Double) row.get("satisfaction"), 1e-12);
        }
        assertEquals(List.of("текущий", "предыдущий", "текущий"), rows.stream().map(r -> row(table, r).get("period"))
                .toList());
        assertEquals("Показатели по заявкам", table.title());
        assertTrue(table.subtitle().orElseThrow().contains("01.03.2026 – 31.03.2026"), table.subtitle().get());
        assertEquals(List.of("ana", "boris"), table.charts().get(0).categories());
        assertEquals(List.of(9.0, 3.0), table.charts().get(0).series().get(0).values());
        assertEquals(List.of(8.0, 0.0), table.charts().get(0).series().get(1).values(), "boris had no period before");
        assertEquals("Request metrics", ReportTables.metrics(report, Locale.ENGLISH, MOSCOW).title());

        String csv = new String(export(table, ExportFormat.CSV), StandardCharsets.UTF_8);
        assertTrue(csv.contains("Поступило") && csv.contains("boris"), csv);
        assertTrue(export(table, ExportFormat.XLSX).length > 0);
        assertTrue(export(table, ExportFormat.PDF).length > 0);
    }

    @Test
    @DisplayName("the metrics summary keeps the key columns of the full table, with the same values")
    void metricsSummary() {
        MetricsReport report = metricsReport();
        ReportTable full = ReportTables.metrics(report, RU, MOSCOW);
        ReportTable summary = ReportTables.metricsSummary(report, RU, MOSCOW);
        assertEquals(10, summary.columns().size());
        List<List<Object>> fullRows = full.rows().toList();
        List<List<Object>> summaryRows = summary.rows().toList();
        assertEquals(fullRows.size(), summaryRows.size());
        for (int i = 0; i < fullRows.size(); i++) {
            Map<String, Object> whole = row(full, fullRows.get(i));
            row(summary, summaryRows.get(i)).forEach((key, value) -> assertEquals(whole.get(key), value, key));
        }
        assertEquals(full.charts(), summary.charts());
    }

    @Test
    @DisplayName("evaluation: a row per part with its value, weight, points and basis; the score in the subtitle")
    void evaluation() throws IOException {
        MetricsQuery query = MetricsQuery.builder().scope(MetricsScope.GROUP).subject("telephony").period(FROM, UNTIL)
                .build();
        List<EvaluationPart> parts = List.of(
                new EvaluationPart("first-response", false, OptionalDouble.of(0.75), 25, 18.75, 4, "3 of 4 in time"),
                new EvaluationPart("satisfaction", true, OptionalDouble.empty(), 15, 0, 0, "no survey answered"));
        Evaluation evaluation = new Evaluation(query, OptionalDouble.of(62.5), parts, figures("telephony", 4, 2),
                RequestQuery.all());
        ReportTable table = ReportTables.evaluation(evaluation, RU, MOSCOW);
        List<List<Object>> rows = table.rows().toList();
        assertEquals(2, rows.size());
        for (int i = 0; i < parts.size(); i++) {
            Map<String, Object> row = row(table, rows.get(i));
            assertEquals(parts.get(i).name(), row.get("part"));
            assertEquals(parts.get(i).value().isPresent() ? parts.get(i).value().getAsDouble() : null, row.get("value"));
            assertEquals((long) parts.get(i).weight(), row.get("weight"));
            assertEquals(parts.get(i).points(), row.get("points"));
            assertEquals(parts.get(i).basis(), row.get("basis"));
        }
        assertEquals("Оценка качества: telephony", table.title());
        assertTrue(table.subtitle().orElseThrow().startsWith("Оценка 62.5 / 100"), table.subtitle().get());
        assertEquals(List.of(18.75, 0.0), table.charts().get(0).series().get(0).values());
        assertTrue(export(table, ExportFormat.PDF).length > 0);
    }

    @Test
    @DisplayName("proposals, staffing, digest, labour functions and statuses: their figures, exportable in every format")
    void otherReports() throws IOException {
        ProposalQuery query = ProposalQuery.builder().period(FROM, UNTIL).zone(MOSCOW).build();
        Proposal gap = new Proposal(ProposalKind.KNOWLEDGE_GAP, "Переадресация", "Написать статью о переадресации",
                List.of(new Figure("requests", "14"), new Figure("articles", "0")), RequestQuery.all());
        StaffingHour monday = new StaffingHour(DayOfWeek.MONDAY, 9, 40, 10.0, Duration.ofMinutes(12), 2.0, 4, 0.86);
        ProposalReport proposals = new ProposalReport(query, List.of(gap), List.of(monday), UNTIL);
        ReportTable proposalTable = ReportTables.proposals(proposals, RU, MOSCOW);
        assertEquals(List.of(List.of("KNOWLEDGE_GAP", "Переадресация", "Написать статью о переадресации",
                "requests: 14; articles: 0")), proposalTable.rows().toList());
        ReportTable staffing = ReportTables.staffing(proposals, RU, MOSCOW);
        Map<String, Object> hour = row(staffing, staffing.rows().toList().get(0));
        assertEquals("пн 09", hour.get("hour"));
        assertEquals(40L, hour.get("arrivals"));
        assertEquals(4L, hour.get("specialists"));
        assertEquals(0.86, hour.get("service_level"));

        Digest digest = new Digest(FROM, UNTIL, 5, Map.of("Телефония", 3L, "Сеть", 2L), Map.of("FIRST_LINE", 5L),
                Map.of("FIRST_LINE", 4L, "ESCALATED", 1L), 1, List.of(RequestId.of("r-7")), List.of(gap), UNTIL);
        ReportTable digestTable = ReportTables.digest(digest, RU, MOSCOW);
        List<List<Object>> digestRows = digestTable.rows().toList();
        assertEquals(List.of("Поступило", "всего", 5L), digestRows.get(0));
        assertTrue(digestRows.contains(List.of("Категория", "Телефония", 3L)), digestRows.toString());
        assertTrue(digestRows.contains(List.of("Просрочено", "r-7", 1L)), digestRows.toString());
        assertEquals(List.of("Сеть", "Телефония"), digestTable.charts().get(0).categories());

        List<LaborFunctionTotal> totals = List.of(new LaborFunctionTotal("anna", LaborFunction.A_01_3, 12),
                new LaborFunctionTotal("viktor", LaborFunction.C_03_6, 5));
        ReportTable functions = ReportTables.laborFunctions(totals, RU);
        assertEquals(List.of("anna", "A/01.3", LaborFunction.A_01_3.title(), 12L), functions.rows().toList().get(0));

        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        counts.put(RequestStatus.REGISTERED, 2L);
        counts.put(RequestStatus.CLOSED, 6L);
        ReportTable statuses = ReportTables.statusSummary(new StatusSummary(counts, UNTIL), RU, MOSCOW);
        assertTrue(statuses.rows().toList().contains(List.of("CLOSED", 6L)));
        assertEquals(List.of("REGISTERED", "CLOSED"), statuses.charts().get(0).categories(), "statuses with requests");

        for (ReportTable table : List.of(proposalTable, staffing, digestTable, functions, statuses)) {
            for (ExportFormat format : ExportFormat.values()) {
                assertTrue(export(table, format).length > 0, table.title() + " as " + format);
            }
        }
    }

    @Test
    @DisplayName("the journal table streams 100,000 entries: each pulled when written, the search's stream closed")
    void journalIsStreamed() throws IOException {
        AtomicLong pulled = new AtomicLong();
        AtomicBoolean closed = new AtomicBoolean();
        ReportTable table = ReportTables.journal(() -> Stream.iterate(1L, n -> n + 1).limit(100_000)
                .peek(n -> pulled.incrementAndGet()).map(ReportTablesTest::entry)
                .onClose(() -> closed.set(true)), RU);
        List<List<Object>> first;
        try (Stream<List<Object>> rows = table.rows()) {
            first = rows.limit(1).toList();
        }
        assertEquals(List.of("r-1", 1L), first.get(0).subList(0, 2));
        assertEquals(1, pulled.get(), "only what was read was pulled");
        pulled.set(0);
        closed.set(false);
        CountingStream out = new CountingStream();
        ReportExporter.builder().locale(RU).zone(MOSCOW).build().export(table, ExportFormat.CSV, out);
        assertEquals(100_000, pulled.get());
        assertTrue(closed.get(), "the search's stream is closed after the export");
        assertTrue(out.bytes > 100_000 * 20, "every entry written: " + out.bytes);
        assertEquals(List.of("request", "sequence", "at", "code", "role", "who", "visibility", "what"),
                table.columns().stream().map(ReportColumn::key).toList());
    }

    private static JournalEntry entry(long n) {
        return new JournalEntry(RequestId.of("r-" + n), n, FROM.plusSeconds(n), "anna", "Анна Смирнова",
                Role.FIRST_LINE_OPERATOR, Optional.empty(), LaborFunction.A_01_3, Visibility.INTERNAL,
                new RequestEvent.NoteAdded("заметка " + n, List.of()), "Заметка " + n, "0".repeat(64), "1".repeat(64));
    }

    /** Counts the bytes written and keeps none. */
    private static final class CountingStream extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
