package dev.supportkit.storage.jdbc;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.RequestMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Request metrics ({@code RequestMetricsCounter}'s meaning) as SQL aggregates over the request columns, in
 * grouped queries each reading one index range: requests registered in the period (counts, deadlines
 * and the times to first response), resolved in the period (counts and times to resolution), surveyed in
 * the period, and those still open at the period's end. Percentiles are by nearest rank: in the first two
 * queries with PostgreSQL's {@code percentile_disc}, elsewhere in two more with {@code ROW_NUMBER} over each key.
 */
final class MetricsSql {
    private final Statements sql;

    MetricsSql(Statements sql) {
        this.sql = sql;
    }

    List<RequestMetrics> count(TenantId tenant, MetricsQuery query) {
        String key = switch (query.scope()) {
            case TENANT -> "'" + RequestMetrics.TENANT_KEY + "'";
            case SPECIALIST -> "assignee";
            case GROUP -> "group_id";
            case ORGANIZATION -> "organization";
        };
        // The key filter: a subject, and no row without a key (unassigned, no group).
        String keyFilter = switch (query.scope()) {
            case TENANT -> "";
            default -> query.subject().isPresent() ? " AND " + key + " = ?" : " AND " + key + " IS NOT NULL";
        };
        // A constant key (the tenant's) is not grouped by: the aggregate's one row is the tenant's.
        String groupBy = query.scope() == dev.supportkit.api.reports.MetricsScope.TENANT ? "" : " GROUP BY " + key;
        Object[] subject = query.subject().map(s -> new Object[] {s}).orElse(new Object[0]);
        Instant from = query.from();
        Instant until = query.until();
        Map<String, Row> rows = new TreeMap<>();

        String registered = " FROM sk_requests WHERE tenant = ? AND registered_at >= ? AND registered_at < ?"
                + keyFilter;
        Dialect dialect = sql.dialect();
        String toFirstResponse = dialect.elapsedMicros("registered_at", "first_response_at");
        String toResolution = dialect.elapsedMicros("registered_at", "resolved_at");
        boolean aggregate = dialect.percentile(50, "x").isPresent();
        String firstResponsePercentiles = aggregate ? percentiles(dialect, toFirstResponse, "")
                + percentiles(dialect, "first_response_worked", "w") : "";
        String resolutionPercentiles = aggregate ? percentiles(dialect, toResolution, "")
                + percentiles(dialect, "resolution_worked", "w") : "";
        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS received,"
                        + " SUM(CASE WHEN first_response_due IS NOT NULL AND (first_response_met IS NOT NULL"
                        + " OR first_response_due < ?) THEN 1 ELSE 0 END) AS fr_due,"
                        + " SUM(CASE WHEN first_response_met <= first_response_due THEN 1 ELSE 0 END) AS fr_in_time,"
                        + " SUM(CASE WHEN resolution_due IS NOT NULL AND (resolution_met IS NOT NULL"
                        + " OR resolution_due < ?) THEN 1 ELSE 0 END) AS res_due,"
                        + " SUM(CASE WHEN resolution_met <= resolution_due THEN 1 ELSE 0 END) AS res_in_time"
                        + firstResponsePercentiles + registered + groupBy,
                r -> {
                    Row row = row(rows, r);
                    row.received = r.getLong("received");
                    row.firstResponseDue = r.getLong("fr_due");
                    row.firstResponseInTime = r.getLong("fr_in_time");
                    row.resolutionDue = r.getLong("res_due");
                    row.resolutionInTime = r.getLong("res_in_time");
                    if (aggregate) {
                        row.firstResponse.read(r, "");
                        row.firstResponseWorking.read(r, "w");
                    }
                    return row;
                }, with(subject, until, until, tenant.value(), from, until));

        String resolved = " FROM sk_requests WHERE tenant = ? AND resolved_at >= ? AND resolved_at < ?" + keyFilter;
        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS resolved,"
                        + " SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END) AS reopened,"
                        + " SUM(CASE WHEN reopens = 0 AND escalated_at IS NULL THEN 1 ELSE 0 END) AS first_contact"
                        + resolutionPercentiles + resolved + groupBy,
                r -> {
                    Row row = row(rows, r);
                    row.resolved = r.getLong("resolved");
                    row.reopened = r.getLong("reopened");
                    row.firstContact = r.getLong("first_contact");
                    if (aggregate) {
                        row.resolution.read(r, "");
                        row.resolutionWorking.read(r, "w");
                    }
                    return row;
                }, with(subject, tenant.value(), from, until));

        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS backlog, MIN(registered_at) AS oldest"
                        + " FROM sk_requests WHERE tenant = ? AND registered_at < ?"
                        + " AND (resolved_at IS NULL OR resolved_at >= ?) AND (closed_at IS NULL OR closed_at >= ?)"
                        + keyFilter + groupBy,
                r -> {
                    Row row = row(rows, r);
                    row.backlog = r.getLong("backlog");
                    row.oldest = Optional.ofNullable(sql.dialect().getInstant(r, "oldest"))
                            .map(oldest -> Duration.between(oldest, until));
                    return row;
                }, with(subject, tenant.value(), until, until, until));

        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS sent, COUNT(survey_answered_at) AS answered,"
                        + " SUM(survey_score) AS scores FROM sk_requests WHERE tenant = ? AND survey_sent_at >= ?"
                        + " AND survey_sent_at < ?" + keyFilter + groupBy,
                r -> {
                    Row row = row(rows, r);
                    row.surveysSent = r.getLong("sent");
                    row.surveysAnswered = r.getLong("answered");
                    row.scoreSum = r.getLong("scores");
                    return row;
                }, with(subject, tenant.value(), from, until));

        if (!aggregate) {
            Object[] registeredParameters = with(subject, tenant.value(), from, until);
            percentiles(key, toFirstResponse, registered + " AND first_response_at IS NOT NULL", registeredParameters,
                    rows, row -> row.firstResponse);
            percentiles(key, "first_response_worked", registered + " AND first_response_worked IS NOT NULL",
                    registeredParameters, rows, row -> row.firstResponseWorking);
            Object[] resolvedParameters = with(subject, tenant.value(), from, until);
            percentiles(key, toResolution, resolved, resolvedParameters, rows, row -> row.resolution);
            percentiles(key, "resolution_worked", resolved + " AND resolution_worked IS NOT NULL", resolvedParameters,
                    rows, row -> row.resolutionWorking);
        }

        List<RequestMetrics> result = new ArrayList<>();
        rows.forEach((k, row) -> {
            if (row.received > 0 || row.resolved > 0 || row.backlog > 0 || row.surveysSent > 0) {
                result.add(row.metrics(k));
            }
        });
        return result;
    }

    /** The median and 90th percentile of a microseconds expression as {@code <prefix>p50, <prefix>p90}. */
    private static String percentiles(Dialect dialect, String micros, String prefix) {
        return ", " + dialect.percentile(50, micros).get() + " AS " + prefix + "p50, "
                + dialect.percentile(90, micros).get() + " AS " + prefix + "p90";
    }

    /** Median and 90th percentile of a microseconds expression per key (the rows {@code fromWhere} selects). */
    private void percentiles(String key, String micros, String fromWhere, Object[] parameters,
                             Map<String, Row> rows, Function<Row, Times> times) {
        String inner = "(SELECT " + key + " AS k, " + micros + " AS d" + fromWhere + ") x";
        // Nearest rank on every database (their PERCENTILE_DISC do not agree): the value at row ceil(p * n).
        String ranked = "(SELECT k, d, ROW_NUMBER() OVER (PARTITION BY k ORDER BY d) AS rn,"
                + " COUNT(*) OVER (PARTITION BY k) AS n FROM " + inner + ") y";
        String select = "SELECT k, MAX(CASE WHEN rn = CEILING(n * 50 / 100.0) THEN d END) AS p50,"
                + " MAX(CASE WHEN rn = CEILING(n * 90 / 100.0) THEN d END) AS p90 FROM " + ranked + " GROUP BY k";
        sql.query("requestMetrics", select, r -> {
            Row row = row(rows, r);
            times.apply(row).read(r, "");
            return row;
        }, parameters);
    }

    /** The figures of the key a result row names, created on its first row. */
    private static Row row(Map<String, Row> rows, ResultSet r) throws SQLException {
        return rows.computeIfAbsent(r.getString("k"), k -> new Row());
    }

    private static Optional<Duration> micros(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? Optional.empty() : Optional.of(Duration.ofNanos(value * 1000));
    }

    /** A query's parameters: the given ones, then the subject when there is one. */
    private static Object[] with(Object[] subject, Object... leading) {
        List<Object> all = new ArrayList<>(List.of(leading));
        all.addAll(List.of(subject));
        return all.toArray();
    }

    /** One key's figures as they are read. */
    private static final class Row {
        long received;
        long resolved;
        long reopened;
        long firstContact;
        long firstResponseDue;
        long firstResponseInTime;
        long resolutionDue;
        long resolutionInTime;
        long backlog;
        Optional<Duration> oldest = Optional.empty();
        final Times firstResponse = new Times();
        final Times firstResponseWorking = new Times();
        final Times resolution = new Times();
        final Times resolutionWorking = new Times();
        long surveysSent;
        long surveysAnswered;
        long scoreSum;

        RequestMetrics metrics(String key) {
            return RequestMetrics.builder(key).received(received).resolved(resolved, reopened, firstContact)
                    .firstResponse(firstResponseDue, firstResponseInTime).resolution(resolutionDue, resolutionInTime)
                    .firstResponseTimes(firstResponse.median(), firstResponse.p90())
                    .resolutionTimes(resolution.median(), resolution.p90())
                    .firstResponseWorkingTimes(firstResponseWorking.median(), firstResponseWorking.p90())
                    .resolutionWorkingTimes(resolutionWorking.median(), resolutionWorking.p90())
                    .backlog(backlog, oldest.orElse(null)).surveys(surveysSent, surveysAnswered, scoreSum).build();
        }
    }

    /** A median and a 90th percentile of one time, absent until read. */
    private static final class Times {
        private Optional<Duration> median = Optional.empty();
        private Optional<Duration> p90 = Optional.empty();

        /** Reads the columns {@code <prefix>p50} and {@code <prefix>p90} (microseconds; SQL null for none). */
        void read(ResultSet r, String prefix) throws SQLException {
            median = micros(r, prefix + "p50");
            p90 = micros(r, prefix + "p90");
        }

        Duration median() {
            return median.orElse(null);
        }

        Duration p90() {
            return p90.orElse(null);
        }
    }
}
