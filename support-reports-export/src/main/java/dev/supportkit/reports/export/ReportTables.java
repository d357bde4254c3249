package dev.supportkit.reports.export;

import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.reports.Evaluation;
import dev.supportkit.api.reports.EvaluationPart;
import dev.supportkit.api.reports.LaborFunctionTotal;
import dev.supportkit.api.reports.MetricsReport;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.reports.ProposalReport;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.reports.StaffingHour;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.api.reports.table.ChartKind;
import dev.supportkit.api.reports.table.ChartSeries;
import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportTable;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The results of {@code ReportService} and of the journal's audit search as {@link ReportTable}s, so that every
 * report can be written by {@link ReportExporter} as CSV, XLSX or PDF with its charts:
 * <pre>{@code
 * MetricsReport report = engine.reports().metrics(lead, query);
 * ReportExporter.defaults().export(ReportTables.metrics(report, locale, zone), ExportFormat.XLSX, Path.of("metrics.xlsx"));
 * }</pre>
 * Column titles, row labels and chart titles are in Russian for a Russian locale and in English otherwise;
 * values keep their types (counts as integers, shares as percentages, times as durations), so a spreadsheet
 * can compute with them. A table holds only what the report holds: the role rules were applied when the
 * report was made. The journal table streams its entries from the search and reads each once.
 */
public final class ReportTables {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private ReportTables() {
    }

    /**
     * A metrics report: one row per key and period (this period, then the one before when it has figures),
     * with every figure; charts of the requests resolved and of SLA compliance per key, both periods.
     *
     * @param report the report
     * @param locale the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable metrics(MetricsReport report, Locale locale, ZoneId zone) {
        Objects.requireNonNull(report, "report");
        Labels l = Labels.of(locale);
        ReportTable.Builder table = ReportTable.builder(l.text("Request metrics", "Показатели по заявкам"))
                .subtitle(l.text("Scope", "Разрез") + ": " + report.query().scope()
                        + report.query().subject().map(s -> " " + s).orElse("") + ", "
                        + period(report.query().from(), report.query().until(), zone));
        String keyTitle = keyTitle(report.query().scope(), l);
        table.column("key", keyTitle, ColumnType.TEXT)
                .column("period", l.text("Period", "Период"), ColumnType.TEXT)
                .column("received", l.text("Received", "Поступило"), ColumnType.INTEGER)
                .column("resolved", l.text("Resolved", "Решено"), ColumnType.INTEGER)
                .column("reopened", l.text("Reopened", "Переоткрыто"), ColumnType.INTEGER)
                .column("fcr", l.text("First-contact resolution", "Решено при первом обращении"), ColumnType.PERCENT)
                .column("fr_compliance", l.text("First response in time", "Первый ответ в срок"), ColumnType.PERCENT)
                .column("res_compliance", l.text("Resolution in time", "Решение в срок"), ColumnType.PERCENT)
                .column("fr_median", l.text("First response, median", "Первый ответ, медиана"), ColumnType.DURATION)
                .column("fr_p90", l.text("First response, 90th percentile", "Первый ответ, 90-й процентиль"),
                        ColumnType.DURATION)
                .column("res_median", l.text("Resolution, median", "Решение, медиана"), ColumnType.DURATION)
                .column("res_p90", l.text("Resolution, 90th percentile", "Решение, 90-й процентиль"),
                        ColumnType.DURATION)
                .column("fr_working_median", l.text("First response, working time, median",
                        "Первый ответ, рабочее время, медиана"), ColumnType.DURATION)
                .column("fr_working_p90", l.text("First response, working time, 90th percentile",
                        "Первый ответ, рабочее время, 90-й процентиль"), ColumnType.DURATION)
                .column("res_working_median", l.text("Resolution, working time, median",
                        "Решение, рабочее время, медиана"), ColumnType.DURATION)
                .column("res_working_p90", l.text("Resolution, working time, 90th percentile",
                        "Решение, рабочее время, 90-й процентиль"), ColumnType.DURATION)
                .column("backlog", l.text("Open at the end", "Открыто на конец"), ColumnType.INTEGER)
                .column("oldest", l.text("Oldest open, age", "Возраст самой старой"), ColumnType.DURATION)
                .column("surveys_sent", l.text("Surveys sent", "Опросов отправлено"), ColumnType.INTEGER)
                .column("surveys_answered", l.text("Surveys answered", "Опросов с ответом"), ColumnType.INTEGER)
                .column("satisfaction", l.text("Satisfaction (1–5)", "Удовлетворённость (1–5)"), ColumnType.DECIMAL);
        String current = l.text("this period", "текущий");
        String previous = l.text("period before", "предыдущий");
        List<List<Object>> rows = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (RequestMetrics now : report.current()) {
            keys.add(now.key());
            rows.add(metricsRow(now, current));
            report.previous(now.key()).ifPresent(before -> rows.add(metricsRow(before, previous)));
        }
        table.rows(rows);
        if (!keys.isEmpty()) {
            table.chart(new ReportChart(l.text("Requests resolved", "Решено заявок"), ChartKind.BAR,
                    keyTitle, l.text("Requests", "Заявки"), keys, List.of(
                    new ChartSeries(current, keys.stream().map(k -> (double) report.current(k)
                            .map(RequestMetrics::resolved).orElse(0L)).toList()),
                    new ChartSeries(previous, keys.stream().map(k -> (double) report.previous(k)
                            .map(RequestMetrics::resolved).orElse(0L)).toList()))));
            table.chart(new ReportChart(l.text("Deadlines met, %", "Сроки соблюдены, %"), ChartKind.BAR,
                    keyTitle, "%", keys, List.of(
                    new ChartSeries(l.text("first response", "первый ответ"), keys.stream().map(k -> percent(
                            report.current(k).map(RequestMetrics::firstResponseCompliance))).toList()),
                    new ChartSeries(l.text("resolution", "решение"), keys.stream().map(k -> percent(
                            report.current(k).map(RequestMetrics::resolutionCompliance))).toList()))));
        }
        return table.build();
    }

    /**
     * The main figures of a metrics report, narrow enough for a page: one row per key and period with requests
     * received and resolved, first-contact resolution, deadlines met, the working time to resolution, the
     * backlog and satisfaction; the same charts as {@link #metrics}. Spreadsheets take {@link #metrics}, with
     * every figure.
     *
     * @param report the report
     * @param locale the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable metricsSummary(MetricsReport report, Locale locale, ZoneId zone) {
        ReportTable full = metrics(report, locale, zone);
        List<String> kept = List.of("key", "period", "received", "resolved", "fcr", "fr_compliance", "res_compliance",
                "res_working_median", "backlog", "satisfaction");
        List<Integer> positions = kept.stream().map(k -> indexOf(full, k)).toList();
        ReportTable.Builder table = ReportTable.builder(full.title());
        full.subtitle().ifPresent(table::subtitle);
        positions.forEach(i -> table.column(full.columns().get(i).key(), full.columns().get(i).title(),
                full.columns().get(i).type()));
        full.charts().forEach(table::chart);
        return table.rows(() -> full.rows().map(row -> positions.stream().map(row::get).toList())).build();
    }

    private static int indexOf(ReportTable table, String key) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no column " + key);
    }

    /**
     * An evaluation of a specialist or group: one row per part with its value, weight, points and basis; the
     * score and the subject in the subtitle; a chart of each part's points.
     *
     * @param evaluation the evaluation
     * @param locale     the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable evaluation(Evaluation evaluation, Locale locale, ZoneId zone) {
        Objects.requireNonNull(evaluation, "evaluation");
        Labels l = Labels.of(locale);
        String score = evaluation.score().isPresent()
                ? String.format(Locale.ROOT, "%.1f / 100", evaluation.score().getAsDouble())
                : l.text("no score (nothing counted)", "нет оценки (нечего считать)");
        ReportTable.Builder table = ReportTable.builder(l.text("Quality evaluation", "Оценка качества") + ": "
                        + evaluation.query().subject().orElse(evaluation.query().scope().name()))
                .subtitle(l.text("Score", "Оценка") + " " + score + ", "
                        + period(evaluation.query().from(), evaluation.query().until(), zone))
                .column("part", l.text("Part", "Составляющая"), ColumnType.TEXT)
                .column("kind", l.text("Kind", "Вид"), ColumnType.TEXT)
                .column("value", l.text("Value", "Значение"), ColumnType.DECIMAL)
                .column("weight", l.text("Weight", "Вес"), ColumnType.INTEGER)
                .column("points", l.text("Points", "Баллы"), ColumnType.DECIMAL)
                .column("counted", l.text("Counted", "Учтено"), ColumnType.INTEGER)
                .column("basis", l.text("Basis", "Основание"), ColumnType.TEXT);
        List<List<Object>> rows = new ArrayList<>();
        for (EvaluationPart part : evaluation.parts()) {
            rows.add(Arrays.asList(part.name(), part.subjective() ? l.text("subjective", "субъективная")
                            : l.text("objective", "объективная"), value(part.value()), (long) part.weight(),
                    part.points(), part.counted(), part.basis()));
        }
        table.rows(rows);
        return oneSeriesChart(table, new ChartTitles(l.text("Points per part", "Баллы по составляющим"),
                        ChartKind.BAR, l.text("Part", "Составляющая"), l.text("Points", "Баллы"),
                        l.text("points", "баллы")),
                evaluation.parts().stream().map(EvaluationPart::name).toList(),
                evaluation.parts().stream().map(EvaluationPart::points).toList());
    }

    /**
     * Proposals with their evidence: kind, subject, summary and the figures each rests on.
     *
     * @param report the proposals
     * @param locale the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable proposals(ProposalReport report, Locale locale, ZoneId zone) {
        Objects.requireNonNull(report, "report");
        Labels l = Labels.of(locale);
        List<List<Object>> rows = new ArrayList<>();
        for (Proposal proposal : report.proposals()) {
            rows.add(Arrays.asList(proposal.kind().name(), proposal.subject(), proposal.summary(),
                    proposal.figures().stream().map(f -> f.name() + ": " + f.value())
                            .collect(Collectors.joining("; "))));
        }
        Map<String, Long> byKind = new TreeMap<>(report.proposals().stream()
                .collect(Collectors.groupingBy(p -> p.kind().name(), Collectors.counting())));
        ReportTable.Builder table = ReportTable.builder(l.text("Proposals", "Предложения"))
                .subtitle(period(report.query().from(), report.query().until(), zone))
                .column("kind", l.text("Kind", "Вид"), ColumnType.TEXT)
                .column("subject", l.text("Subject", "Предмет"), ColumnType.TEXT)
                .column("summary", l.text("Proposal", "Предложение"), ColumnType.TEXT)
                .column("evidence", l.text("Evidence", "Обоснование"), ColumnType.TEXT)
                .rows(rows);
        return oneSeriesChart(table, new ChartTitles(l.text("Proposals by kind", "Предложения по видам"),
                ChartKind.BAR, l.text("Kind", "Вид"), l.text("Proposals", "Предложения"),
                l.text("proposals", "предложения")), byKind);
    }

    /**
     * The staffing proposal per hour of the week (Erlang C): arrivals, handling time, load, specialists needed
     * and the service level they give; a chart of the specialists needed per hour.
     *
     * @param report the proposals, with their staffing hours
     * @param locale the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable staffing(ProposalReport report, Locale locale, ZoneId zone) {
        Objects.requireNonNull(report, "report");
        Labels l = Labels.of(locale);
        List<List<Object>> rows = new ArrayList<>();
        List<String> hours = new ArrayList<>();
        for (StaffingHour hour : report.staffing()) {
            String label = hour.day().getDisplayName(TextStyle.SHORT, l.locale()) + String.format(" %02d", hour.hour());
            hours.add(label);
            rows.add(Arrays.asList(label, hour.arrivals(), hour.arrivalRate(), hour.handlingTime(), hour.load(),
                    (long) hour.specialists(), hour.serviceLevel()));
        }
        ReportTable.Builder table = ReportTable.builder(l.text("Staffing per hour of the week",
                        "Численность смены по часам недели"))
                .subtitle(period(report.query().from(), report.query().until(), zone))
                .column("hour", l.text("Hour", "Час"), ColumnType.TEXT)
                .column("arrivals", l.text("Requests received", "Поступило заявок"), ColumnType.INTEGER)
                .column("rate", l.text("Arrivals per hour", "Поступлений в час"), ColumnType.DECIMAL)
                .column("handling", l.text("Handling time", "Время обработки"), ColumnType.DURATION)
                .column("load", l.text("Load (Erlang)", "Нагрузка (Эрланг)"), ColumnType.DECIMAL)
                .column("specialists", l.text("Specialists needed", "Нужно специалистов"), ColumnType.INTEGER)
                .column("service_level", l.text("Service level", "Уровень обслуживания"), ColumnType.PERCENT)
                .rows(rows);
        return oneSeriesChart(table, new ChartTitles(l.text("Specialists needed", "Нужно специалистов"),
                        ChartKind.LINE, l.text("Hour", "Час"), l.text("Specialists", "Специалисты"),
                        l.text("specialists", "специалисты")),
                hours, report.staffing().stream().map(h -> (double) h.specialists()).toList());
    }

    /**
     * A digest for departments: requests by category, line and handling path, the overdue ones and the
     * recommendations; a chart of the requests per category.
     *
     * @param digest the digest
     * @param locale the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable digest(Digest digest, Locale locale, ZoneId zone) {
        Objects.requireNonNull(digest, "digest");
        Labels l = Labels.of(locale);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(Arrays.asList(l.text("Received", "Поступило"), l.text("all", "всего"), digest.received()));
        section(rows, l.text("Category", "Категория"), digest.byCategory());
        section(rows, l.text("Line", "Линия"), digest.byLine());
        section(rows, l.text("Handling path", "Путь обработки"), digest.byPath());
        rows.add(Arrays.asList(l.text("Overdue", "Просрочено"), digest.overdueRequests().stream()
                .map(RequestId::value).collect(Collectors.joining(", ")), digest.overdue()));
        for (Proposal recommendation : digest.recommendations()) {
            rows.add(Arrays.asList(l.text("Recommendation", "Рекомендация"), recommendation.summary(), null));
        }
        ReportTable.Builder table = ReportTable.builder(l.text("Summary of requests", "Сводка по заявкам"))
                .subtitle(period(digest.from(), digest.until(), zone))
                .column("section", l.text("Section", "Раздел"), ColumnType.TEXT)
                .column("item", l.text("Item", "Позиция"), ColumnType.TEXT)
                .column("requests", l.text("Requests", "Заявки"), ColumnType.INTEGER)
                .rows(rows);
        return oneSeriesChart(table, new ChartTitles(l.text("Requests by category", "Заявки по категориям"),
                ChartKind.BAR, l.text("Category", "Категория"), l.text("Requests", "Заявки"),
                l.text("requests", "заявки")), new TreeMap<>(digest.byCategory()));
    }

    /**
     * Which labour functions each specialist performed in a period, with the number of journal entries; a
     * chart of the entries per function.
     *
     * @param totals the totals from {@code reports().laborFunctions}
     * @param locale the language of titles and labels
     * @return the table
     */
    public static ReportTable laborFunctions(List<LaborFunctionTotal> totals, Locale locale) {
        Objects.requireNonNull(totals, "totals");
        Labels l = Labels.of(locale);
        List<List<Object>> rows = new ArrayList<>();
        Map<String, Long> perFunction = new TreeMap<>();
        for (LaborFunctionTotal total : totals) {
            rows.add(Arrays.asList(total.actorId(), total.function().code(), total.function().title(),
                    total.entries()));
            perFunction.merge(total.function().code(), total.entries(), Long::sum);
        }
        ReportTable.Builder table = ReportTable.builder(l.text("Labour functions performed",
                        "Выполненные трудовые функции"))
                .column("actor", l.text("Specialist", "Специалист"), ColumnType.TEXT)
                .column("code", l.text("Code", "Код"), ColumnType.TEXT)
                .column("function", l.text("Labour function", "Трудовая функция"), ColumnType.TEXT)
                .column("entries", l.text("Journal entries", "Записей журнала"), ColumnType.INTEGER)
                .rows(rows);
        return oneSeriesChart(table, new ChartTitles(l.text("Entries per labour function",
                "Записи по трудовым функциям"), ChartKind.BAR, l.text("Code", "Код"), l.text("Entries", "Записи"),
                l.text("entries", "записи")), perFunction);
    }

    /**
     * The tenant's (or organisation's) requests by status at one moment, with a pie chart.
     *
     * @param summary the summary
     * @param locale  the language of titles and labels
     * @param zone   the zone of the dates in titles (the period's days)
     * @return the table
     */
    public static ReportTable statusSummary(StatusSummary summary, Locale locale, ZoneId zone) {
        Objects.requireNonNull(summary, "summary");
        Labels l = Labels.of(locale);
        // in the order of the lifecycle, whatever the order of the summary's map
        Map<RequestStatus, Long> counts = new LinkedHashMap<>();
        for (RequestStatus status : RequestStatus.values()) {
            counts.put(status, summary.counts().getOrDefault(status, 0L));
        }
        List<List<Object>> rows = counts.entrySet().stream()
                .map(e -> Arrays.<Object>asList(e.getKey().name(), e.getValue())).toList();
        ReportTable.Builder table = ReportTable.builder(l.text("Requests by status", "Заявки по статусам"))
                .subtitle(l.text("as of", "на") + " " + TIME.withZone(zone).format(summary.asOf()))
                .column("status", l.text("Status", "Статус"), ColumnType.TEXT)
                .column("requests", l.text("Requests", "Заявки"), ColumnType.INTEGER)
                .rows(rows);
        List<Map.Entry<RequestStatus, Long>> present = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .toList();
        return oneSeriesChart(table, new ChartTitles(l.text("Requests by status", "Заявки по статусам"),
                        ChartKind.PIE, l.text("Status", "Статус"), l.text("Requests", "Заявки"),
                        l.text("requests", "заявки")),
                present.stream().map(e -> e.getKey().name()).toList(),
                present.stream().map(e -> e.getValue().doubleValue()).toList());
    }

    /**
     * Journal entries from an audit search ({@code journal().search}), one row each, streamed: each export reads
     * a fresh stream from {@code entries} and closes it, so nothing is collected and there is no row cap. No
     * chart (a chart would need every entry first).
     *
     * @param entries supplies the search's stream, once per export
     * @param locale  the language of titles and labels
     * @return the table
     */
    public static ReportTable journal(Supplier<Stream<JournalEntry>> entries, Locale locale) {
        Objects.requireNonNull(entries, "entries");
        Labels l = Labels.of(locale);
        return ReportTable.builder(l.text("Journal entries", "Записи журнала"))
                .column("request", l.text("Request", "Заявка"), ColumnType.TEXT)
                .column("sequence", "#", ColumnType.INTEGER)
                .column("at", l.text("Time", "Время"), ColumnType.INSTANT)
                .column("code", l.text("Code", "Код"), ColumnType.TEXT)
                .column("role", l.text("Role", "Роль"), ColumnType.TEXT)
                .column("who", l.text("Who", "Кто"), ColumnType.TEXT)
                .column("visibility", l.text("Visibility", "Видимость"), ColumnType.TEXT)
                .column("what", l.text("What", "Что"), ColumnType.TEXT)
                .rows(() -> entries.get().map(e -> Arrays.<Object>asList(e.request().value(), e.sequence(),
                        e.occurredAt(), e.function().code(), e.actorRole().name(), e.actorName(),
                        e.visibility().name(), e.description())))
                .build();
    }

    /** Builds the table with a chart of the counts per key, in the map's order; no chart for no counts. */
    private static ReportTable oneSeriesChart(ReportTable.Builder table, ChartTitles titles, Map<String, Long> counts) {
        return oneSeriesChart(table, titles, List.copyOf(counts.keySet()),
                counts.values().stream().map(Long::doubleValue).toList());
    }

    /** Builds the table with a chart of one series, a value per category; no chart when there are no categories. */
    private static ReportTable oneSeriesChart(ReportTable.Builder table, ChartTitles titles, List<String> categories,
                                              List<Double> values) {
        if (!categories.isEmpty()) {
            table.chart(new ReportChart(titles.chart(), titles.kind(), titles.xTitle(), titles.yTitle(), categories,
                    List.of(new ChartSeries(titles.series(), values))));
        }
        return table.build();
    }

    private static String keyTitle(MetricsScope scope, Labels l) {
        return switch (scope) {
            case SPECIALIST -> l.text("Specialist", "Специалист");
            case GROUP -> l.text("Group", "Группа");
            case ORGANIZATION -> l.text("Organisation", "Организация");
            case TENANT -> l.text("All requests", "Все заявки");
        };
    }

    private static List<Object> metricsRow(RequestMetrics m, String period) {
        return Arrays.asList(m.key(), period, m.received(), m.resolved(), m.reopened(), value(m.firstContactRate()),
                value(m.firstResponseCompliance()), value(m.resolutionCompliance()), duration(m.firstResponseMedian()),
                duration(m.firstResponseP90()), duration(m.resolutionMedian()), duration(m.resolutionP90()),
                duration(m.firstResponseWorkingMedian()), duration(m.firstResponseWorkingP90()),
                duration(m.resolutionWorkingMedian()), duration(m.resolutionWorkingP90()), m.backlog(),
                duration(m.oldestBacklogAge()), m.surveysSent(), m.surveysAnswered(), value(m.satisfactionAverage()));
    }

    private static void section(List<List<Object>> rows, String section, Map<String, Long> counts) {
        new TreeMap<>(counts).forEach((item, count) -> rows.add(Arrays.asList(section, item, count)));
    }

    private static Double value(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static double percent(Optional<OptionalDouble> share) {
        return share.filter(OptionalDouble::isPresent).map(s -> s.getAsDouble() * 100).orElse(0.0);
    }

    private static Duration duration(Optional<Duration> value) {
        return value.orElse(null);
    }

    private static String period(Instant from, Instant until, ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return DAY.withZone(zone).format(from) + " – " + DAY.withZone(zone).format(until.minusNanos(1));
    }

    /** The titles of a chart of one series. */
    private record ChartTitles(String chart, ChartKind kind, String xTitle, String yTitle, String series) {
    }

    /** Russian or English titles. */
    private record Labels(boolean russian, Locale locale) {
        static Labels of(Locale locale) {
            Objects.requireNonNull(locale, "locale");
            return new Labels("ru".equals(locale.getLanguage()), locale);
        }

        String text(String english, String russian) {
            return this.russian ? russian : english;
        }
    }
}
