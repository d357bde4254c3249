package dev.supportkit.reports.export;

import dev.supportkit.api.reports.table.ChartKind;
import dev.supportkit.api.reports.table.ChartSeries;
import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportTable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

/** Report tables the tests export: a group report with awkward text, and a long generated one. */
final class Samples {
    static final String TITLE = "Отчёт по группе";
    static final String SUBTITLE = "Группа «Вторая линия», ноябрь 2026";
    static final Instant CLOSED = Instant.parse("2026-11-30T09:15:00Z");

    /** Rows of the group report, every column type, Cyrillic, quotes, separators, line breaks and nulls. */
    static final List<List<Object>> ROWS = List.of(
            row("Иванова Анна", 120L, 98, new BigDecimal("0.8167"), 4.25, CLOSED, LocalDate.of(2026, 11, 30),
                    Duration.ofMinutes(135)),
            row("Петров, \"Пётр\"", 75L, 70L, 0.9333, new BigDecimal("3.50"), null, LocalDate.of(2026, 11, 2),
                    Duration.ofHours(26).plusMinutes(5)),
            row("Сидоров\nвторая строка", 0L, null, null, null, CLOSED.plusSeconds(3600), null, Duration.ofSeconds(40)),
            row("", 5, 5, 1.0, 0L, CLOSED, LocalDate.of(2026, 1, 1), Duration.ZERO));

    private Samples() {
    }

    static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    static ReportTable.Builder groupBuilder() {
        return ReportTable.builder(TITLE)
                .subtitle(SUBTITLE)
                .column("specialist", "Специалист", ColumnType.TEXT)
                .column("received", "Получено", ColumnType.INTEGER)
                .column("resolved", "Решено", ColumnType.INTEGER)
                .column("fcr", "Решено с первого контакта", ColumnType.PERCENT)
                .column("csat", "Оценка", ColumnType.DECIMAL)
                .column("last_closed", "Последнее закрытие", ColumnType.INSTANT)
                .column("day", "День", ColumnType.DATE)
                .column("resolution_p90", "Решение, p90", ColumnType.DURATION)
                .rows(ROWS);
    }

    /** The group report with a bar chart of resolved requests per specialist. */
    static ReportTable group() {
        return groupBuilder().chart(barChart()).build();
    }

    static ReportChart barChart() {
        return new ReportChart("Решено по специалистам", ChartKind.BAR, "Специалист", "Заявки",
                List.of("Иванова", "Петров", "Сидоров"),
                List.of(new ChartSeries("Решено", List.of(98.0, 70.0, 12.0)),
                        new ChartSeries("Получено", List.of(120.0, 75.0, 30.0))));
    }

    static ReportChart lineChart() {
        return new ReportChart("Заявки по неделям", ChartKind.LINE, "Неделя", "Заявки",
                List.of("45", "46", "47", "48"), List.of(new ChartSeries("Получено", List.of(40.0, 55.0, 38.0, 61.0))));
    }

    static ReportChart pieChart() {
        return new ReportChart("Заявки по категориям", ChartKind.PIE, "", "",
                List.of("Оборудование", "Программы", "Доступ"), List.of(new ChartSeries("Заявки", List.of(5.0, 3.0, 2.0))));
    }

    /** {@code count} generated rows (number, text, decimal), produced lazily. */
    static ReportTable generated(long count) {
        return ReportTable.builder("Сгенерированный отчёт")
                .column("n", "Номер", ColumnType.INTEGER)
                .column("name", "Название", ColumnType.TEXT)
                .column("share", "Доля", ColumnType.PERCENT)
                .rows(() -> LongStream.range(0, count).mapToObj(i -> List.<Object>of(i, "Строка " + i, (i % 100) / 100.0)))
                .build();
    }
}
