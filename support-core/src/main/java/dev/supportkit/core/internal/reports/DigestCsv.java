package dev.supportkit.core.internal.reports;

import dev.supportkit.api.reports.Digest;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.QualitySettings.DigestSchedule;
import dev.supportkit.spi.notification.NotificationAttachment;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A digest as the CSV file its messages carry (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs
 * read the Cyrillic right): {@code section,item,requests} rows — received, per category, line and handling path,
 * overdue (with the requests), and each recommendation. The columns match {@code ReportTables.digest} of the
 * exports module, which writes the same digest as XLSX or PDF for an embedding application.
 */
final class DigestCsv {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private DigestCsv() {
    }

    /**
     * @param schedule the digest's schedule (its name and zone name the file)
     * @param digest   the figures
     * @return the file {@code <name>-<first day>.csv}
     */
    static NotificationAttachment attachment(DigestSchedule schedule, Digest digest) {
        StringBuilder csv = new StringBuilder("\uFEFFsection,item,requests\r\n");
        row(csv, "received", "all", Long.toString(digest.received()));
        section(csv, "category", digest.byCategory());
        section(csv, "line", digest.byLine());
        section(csv, "path", digest.byPath());
        row(csv, "overdue", digest.overdueRequests().stream().map(RequestId::value).collect(Collectors.joining(" ")),
                Long.toString(digest.overdue()));
        for (Proposal recommendation : digest.recommendations()) {
            row(csv, "recommendation", recommendation.summary(), "");
        }
        String name = schedule.name() + "-" + DAY.withZone(schedule.zone()).format(digest.from()) + ".csv";
        return new NotificationAttachment(name, "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void section(StringBuilder csv, String section, Map<String, Long> counts) {
        new TreeMap<>(counts).forEach((item, count) -> row(csv, section, item, Long.toString(count)));
    }

    private static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            csv.append(i == 0 ? "" : ",").append(quoted(fields[i]));
        }
        csv.append("\r\n");
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    private static String quoted(String field) {
        return field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
