package dev.supportkit.examples.webdesk;

import static dev.supportkit.examples.webdesk.Html.esc;

import dev.supportkit.api.Actor;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsReport;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.table.ChartFormat;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportTable;
import dev.supportkit.api.SupportServices;
import dev.supportkit.reports.export.PageSize;
import dev.supportkit.reports.export.ReportExporter;
import dev.supportkit.reports.export.ReportTables;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/**
 * The reports page's figures of the last 30 days, as far as the user's role may see them (the engine decides: a
 * lead their group, the intake lead and auditors every group, a specialist themselves): the main figures, their
 * charts drawn as inline SVG (no script, nothing from a CDN), and the whole report to download as PDF, XLSX or CSV
 * ({@code /reports/metrics.pdf} and so on).
 */
final class ReportPages {
    private static final Duration PERIOD = Duration.ofDays(30);

    private ReportPages() {
    }

    /** The section of the reports page; empty when the role sees no figures. */
    static String metricsSection(SupportServices engine, Clock clock, Sessions.Session session, Messages m) {
        Optional<MetricsReport> report = report(engine, clock, session.user().actor());
        if (report.isEmpty()) {
            return "";
        }
        Locale locale = session.language();
        ReportTable table = ReportTables.metricsSummary(report.get(), locale, WebDesk.ZONE);
        ReportExporter exporter = exporter(locale);
        StringBuilder html = new StringBuilder("<section class=\"card\" id=\"metrics\"><h2>").append(esc(table.title()))
                .append("</h2><p class=\"hint\">").append(esc(table.subtitle().orElse(""))).append("</p>");
        for (ReportChart chart : table.charts()) {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            try {
                exporter.chart(chart, ChartFormat.SVG, 640, 300, svg);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String drawing = svg.toString(StandardCharsets.UTF_8);
            int start = drawing.indexOf("<svg");
            html.append("<figure class=\"chart\">").append(start < 0 ? "" : drawing.substring(start)).append("</figure>");
        }
        html.append("<p id=\"downloads\">");
        for (ExportFormat format : ExportFormat.values()) {
            String name = format.name().toLowerCase(Locale.ROOT);
            html.append("<a class=\"download\" id=\"download-").append(name).append("\" href=\"/reports/metrics.")
                    .append(name).append("\">").append(format.name()).append("</a> ");
        }
        return html.append("</p></section>").toString();
    }

    /** The whole metrics report as a file: PDF (the main figures, with charts), XLSX or CSV (every figure). */
    static void download(SupportServices engine, Clock clock, Sessions.Session session, Context ctx)
            throws IOException {
        ExportFormat format = switch (ctx.pathParam("format")) {
            case "pdf" -> ExportFormat.PDF;
            case "xlsx" -> ExportFormat.XLSX;
            case "csv" -> ExportFormat.CSV;
            default -> throw new NotFoundException("report format", ctx.pathParam("format"));
        };
        MetricsReport report = report(engine, clock, session.user().actor())
                .orElseThrow(() -> new AccessDeniedException(session.user().login() + " sees no request figures"));
        Locale locale = session.language();
        ReportTable table = format == ExportFormat.PDF ? ReportTables.metricsSummary(report, locale, WebDesk.ZONE)
                : ReportTables.metrics(report, locale, WebDesk.ZONE);
        ctx.contentType(switch (format) {
            case PDF -> "application/pdf";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case CSV -> "text/csv; charset=utf-8";
        });
        ctx.header("Content-Disposition", "attachment; filename=\"metrics."
                + format.name().toLowerCase(Locale.ROOT) + "\"");
        exporter(locale).export(table, format, ctx.outputStream());
    }

    private static Optional<MetricsReport> report(SupportServices engine, Clock clock, Actor actor) {
        MetricsScope scope = switch (actor.role()) {
            case GROUP_LEAD, INTAKE_LEAD, AUDITOR -> MetricsScope.GROUP;
            case FIRST_LINE_OPERATOR, SECOND_LINE_ENGINEER -> MetricsScope.SPECIALIST;
            default -> null;
        };
        if (scope == null) {
            return Optional.empty();
        }
        Instant until = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
        try {
            return Optional.of(engine.reports().metrics(actor, MetricsQuery.builder().scope(scope)
                    .period(until.minus(PERIOD), until).build()));
        } catch (AccessDeniedException e) {
            return Optional.empty(); // e.g. a lead not in the directory: no figures to show
        }
    }

    private static ReportExporter exporter(Locale locale) {
        return ReportExporter.builder().locale(locale).zone(WebDesk.ZONE).pageSize(PageSize.A4_LANDSCAPE).build();
    }
}
