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
        Map<String, RequestMetrics.Builder> rows = new TreeMap<>();

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
                    RequestMetrics.Builder row = row(rows, r).received(r.getLong("received"))
                            .firstResponse(r.getLong("fr_due"), r.getLong("fr_in_time"))
                            .resolution(r.getLong("res_due"), r.getLong("res_in_time"));
                    return aggregate ? row.firstResponseTimes(micros(r, "p50"), micros(r, "p90"))
                            .firstResponseWorkingTimes(micros(r, "wp50"), micros(r, "wp90")) : row;
                }, with(subject, until, until, tenant.value(), from, until));

        String resolved = " FROM sk_requests WHERE tenant = ? AND resolved_at >= ? AND resolved_at < ?" + keyFilter;
        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS resolved,"
                        + " SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END) AS reopened,"
                        + " SUM(CASE WHEN reopens = 0 AND escalated_at IS NULL THEN 1 ELSE 0 END) AS first_contact"
                        + resolutionPercentiles + resolved + groupBy,
                r -> {
                    RequestMetrics.Builder row = row(rows, r).resolved(r.getLong("resolved"), r.getLong("reopened"),
                            r.getLong("first_contact"));
                    return aggregate ? row.resolutionTimes(micros(r, "p50"), micros(r, "p90"))
                            .resolutionWorkingTimes(micros(r, "wp50"), micros(r, "wp90")) : row;
                }, with(subject, tenant.value(), from, until));

        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS backlog, MIN(registered_at) AS oldest"
                        + " FROM sk_requests WHERE tenant = ? AND registered_at < ?"
                        + " AND (resolved_at IS NULL OR resolved_at >= ?) AND (closed_at IS NULL OR closed_at >= ?)"
                        + keyFilter + groupBy,
                r -> row(rows, r).backlog(r.getLong("backlog"), Optional.ofNullable(
                        sql.dialect().getInstant(r, "oldest")).map(oldest -> Duration.between(oldest, until))
                        .orElse(null)),
                with(subject, tenant.value(), until, until, until));

        sql.query("requestMetrics", "SELECT " + key + " AS k, COUNT(*) AS sent, COUNT(survey_answered_at) AS answered,"
                        + " SUM(survey_score) AS scores FROM sk_requests WHERE tenant = ? AND survey_sent_at >= ?"
                        + " AND survey_sent_at < ?" + keyFilter + groupBy,
                r -> row(rows, r).surveys(r.getLong("sent"), r.getLong("answered"), r.getLong("scores")),
                with(subject, tenant.value(), from, until));

        if (!aggregate) {
            Object[] registeredParameters = with(subject, tenant.value(), from, until);
            percentiles(key, toFirstResponse, registered + " AND first_response_at IS NOT NULL", registeredParameters,
                    rows, RequestMetrics.Builder::firstResponseTimes);
            percentiles(key, "first_response_worked", registered + " AND first_response_worked IS NOT NULL",
                    registeredParameters, rows, RequestMetrics.Builder::firstResponseWorkingTimes);
            Object[] resolvedParameters = with(subject, tenant.value(), from, until);
            percentiles(key, toResolution, resolved, resolvedParameters, rows,
                    RequestMetrics.Builder::resolutionTimes);
            percentiles(key, "resolution_worked", resolved + " AND resolution_worked IS NOT NULL", resolvedParameters,
                    rows, RequestMetrics.Builder::resolutionWorkingTimes);
        }

        List<RequestMetrics> result = new ArrayList<>();
        rows.values().forEach(row -> {
            RequestMetrics metrics = row.build();
            if (metrics.received() > 0 || metrics.resolved() > 0 || metrics.backlog() > 0
                    || metrics.surveysSent() > 0) {
                result.add(metrics);
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
                             Map<String, RequestMetrics.Builder> rows, Times times) {
        String inner = "(SELECT " + key + " AS k, " + micros + " AS d" + fromWhere + ") x";
        // Nearest rank on every database (their PERCENTILE_DISC do not agree): the value at row ceil(p * n).
        String ranked = "(SELECT k, d, ROW_NUMBER() OVER (PARTITION BY k ORDER BY d) AS rn,"
                + " COUNT(*) OVER (PARTITION BY k) AS n FROM " + inner + ") y";
        String select = "SELECT k, MAX(CASE WHEN rn = CEILING(n * 50 / 100.0) THEN d END) AS p50,"
                + " MAX(CASE WHEN rn = CEILING(n * 90 / 100.0) THEN d END) AS p90 FROM " + ranked + " GROUP BY k";
        sql.query("requestMetrics", select, r -> times.set(row(rows, r), micros(r, "p50"), micros(r, "p90")),
                parameters);
    }

    /** The figures of the key a result row names, created on its first row. */
    private static RequestMetrics.Builder row(Map<String, RequestMetrics.Builder> rows, ResultSet r)
            throws SQLException {
        return rows.computeIfAbsent(r.getString("k"), RequestMetrics::builder);
    }

    /** A column of microseconds as a duration; null for SQL null. */
    private static Duration micros(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? null : Duration.ofNanos(value * 1000);
    }

    /** A query's parameters: the given ones, then the subject when there is one. */
    private static Object[] with(Object[] subject, Object... leading) {
        List<Object> all = new ArrayList<>(List.of(leading));
        all.addAll(List.of(subject));
        return all.toArray();
    }

    /** Where a median and a 90th percentile of one time go in the figures. */
    @FunctionalInterface
    private interface Times {
        RequestMetrics.Builder set(RequestMetrics.Builder figures, Duration median, Duration p90);
    }
}
