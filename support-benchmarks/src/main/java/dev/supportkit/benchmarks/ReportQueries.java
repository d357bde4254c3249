package dev.supportkit.benchmarks;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.core.SupportEngine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Quality reports over many requests on PostgreSQL (issue 16): {@code reports().metrics} per specialist over
 * the last 30 days and over the last year (the engine's six grouped queries, through the API), against
 * hand-written SQL aggregates for the same figures in the same run (four grouped queries with PostgreSQL's
 * own {@code FILTER} and {@code percentile_disc} aggregates); then the evaluation of one group and the
 * on-demand digest with its proposals over 30 days, each against hand-written SQL for the same figures.
 *
 * <p>The requests are written straight into {@code sk_requests} with {@code generate_series}: registered over
 * the year before now, one in five unassigned, three in ten open, the rest resolved and closed, with
 * first-response and resolution deadlines met or missed, one in four escalated, one in seventeen reopened,
 * and surveys with scores on one in five closed ones.
 */
final class ReportQueries {
    private static final Instant NOW = Instant.parse("2026-03-12T12:00:00Z");

    private ReportQueries() {
    }

    static List<Result> run(Settings settings) throws Exception {
        int count = settings.openRequests(); // 1,000,000 in a full run
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase("reports"); SupportEngine engine = db.startAt(NOW, 4)) {
            populate(db, count);
            Actor auditor = Actor.staff("aud", "Auditor", Role.AUDITOR, Fixture.TENANT);
            for (int days : new int[] {30, 365}) {
                Instant from = NOW.minus(Duration.ofDays(days));
                MetricsQuery query = MetricsQuery.builder().scope(MetricsScope.SPECIALIST).period(from, NOW).build();
                Latencies api = new Latencies();
                Latencies sql = new Latencies();
                int rounds = Math.max(10, settings.searchQueries() / 250);
                try (Connection c = db.connect()) {
                    for (int i = 0; i < rounds + rounds / 5; i++) {
                        boolean warm = i >= rounds / 5;
                        long[] rows = new long[2];
                        // both compute this period and the previous one, as the API does
                        double sqlMillis = LoadRunner.millis(() -> rows[0] = hand(c, from, NOW)
                                + hand(c, from.minus(Duration.ofDays(days)), from));
                        double apiMillis = LoadRunner.millis(() -> {
                            var report = engine.reports().metrics(auditor, query);
                            rows[1] = report.current().stream().mapToLong(RequestMetrics::received).sum()
                                    + report.previous().stream().mapToLong(RequestMetrics::received).sum();
                        });
                        if (rows[0] != rows[1]) {
                            throw new IllegalStateException("the API counted " + rows[1] + " received, the"
                                    + " hand-written SQL " + rows[0]);
                        }
                        if (warm) {
                            sql.add(sqlMillis);
                            api.add(apiMillis);
                        }
                    }
                }
                double value = api.percentile(50);
                double base = sql.percentile(50);
                results.add(new Result("metrics-per-specialist-" + days + "-days-p50-" + count + "-requests", "ms",
                        value, base, value / base, "ratio <= 2", value / base <= 2.0,
                        "hand-written PostgreSQL aggregates (FILTER, percentile_disc) for the same figures"));
            }
            Actor lead = Actor.staff("lead", "Intake lead", Role.INTAKE_LEAD, Fixture.TENANT);
            Instant month = NOW.minus(Duration.ofDays(30));
            int rounds = Math.max(10, settings.searchQueries() / 250);
            try (Connection c = db.connect()) {
                // an evaluation is one group's figures of the period, weighed into parts
                results.add(compare("evaluation-of-a-group-30-days-p50-" + count + "-requests", rounds,
                        () -> engine.reports().evaluate(lead, MetricsQuery.builder().scope(MetricsScope.GROUP)
                                .subject("grp-1").period(month, NOW).build()).figures().received(),
                        () -> hand(c, month, NOW, "group_id", "group_id = 'grp-1'"),
                        "the same hand-written aggregates for that one group"));
                // the on-demand digest puts its figures together with every proposal as recommendations
                results.add(compare("digest-with-proposals-30-days-p50-" + count + "-requests", rounds,
                        () -> engine.reports().digest(lead, month, NOW).received(),
                        () -> handDigest(c, month, NOW),
                        "hand-written SQL for the digest's counts, overdue requests and the proposals' inputs"));
            }
        }
        return results;
    }

    /** A supplier of the requests received, which the two sides must agree on. */
    private interface Counted {
        long received() throws Exception;
    }

    /** Times both sides in alternating rounds (a fifth of them to warm up) and compares their medians. */
    private static Result compare(String name, int rounds, Counted api, Counted sql, String baseline)
            throws Exception {
        Latencies apiTimes = new Latencies();
        Latencies sqlTimes = new Latencies();
        for (int i = 0; i < rounds + rounds / 5; i++) {
            long[] received = new long[2];
            double sqlMillis = LoadRunner.millis(() -> received[0] = sql.received());
            double apiMillis = LoadRunner.millis(() -> received[1] = api.received());
            if (received[0] != received[1]) {
                throw new IllegalStateException(name + ": the API counted " + received[1] + " received, the"
                        + " hand-written SQL " + received[0]);
            }
            if (i >= rounds / 5) {
                sqlTimes.add(sqlMillis);
                apiTimes.add(apiMillis);
            }
        }
        double value = apiTimes.percentile(50);
        double base = sqlTimes.percentile(50);
        return new Result(name, "ms", value, base, value / base, "ratio <= 2", value / base <= 2.0, baseline);
    }

    /**
     * The digest's figures by hand: requests per category, line and handling path, the overdue ones (a count and
     * the 20 most overdue), and what its proposals count: arrivals per hour, time recorded, failures, and the
     * per-specialist figures the routing proposal compares. Returns the requests received.
     */
    private static long handDigest(Connection c, Instant from, Instant until) throws Exception {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        long received = 0;
        try (PreparedStatement q = c.prepareStatement("SELECT support_line, COUNT(*) FROM sk_requests"
                + " WHERE tenant = 'bench' AND registered_at >= ? AND registered_at < ? GROUP BY support_line")) {
            q.setTimestamp(1, f);
            q.setTimestamp(2, u);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    received += r.getLong(2);
                }
            }
        }
        consume(c, "SELECT category, COUNT(*) FROM sk_requests WHERE tenant = 'bench' AND registered_at >= ?"
                + " AND registered_at < ? AND category IS NOT NULL GROUP BY category", f, u);
        consume(c, "SELECT CASE WHEN escalated_at IS NULL THEN 'FIRST_LINE' ELSE 'ESCALATED' END"
                + " || CASE WHEN reopens > 0 THEN '/REOPENED' ELSE '' END, COUNT(*) FROM sk_requests"
                + " WHERE tenant = 'bench' AND registered_at >= ? AND registered_at < ? GROUP BY 1", f, u);
        Timestamp now = Timestamp.from(NOW);
        consume(c, "SELECT 'overdue', COUNT(*) FROM sk_requests WHERE tenant = 'bench' AND is_open"
                + " AND (deadline_state = 'BREACHED' OR due_at <= ?)", now);
        consume(c, "SELECT id, 1 FROM sk_requests WHERE tenant = 'bench' AND is_open"
                + " AND (deadline_state = 'BREACHED' OR due_at <= ?) ORDER BY due_at, id LIMIT 20", now);
        consume(c, "SELECT date_trunc('hour', registered_at), COUNT(*) FROM sk_requests WHERE tenant = 'bench'"
                + " AND registered_at >= ? AND registered_at < ? GROUP BY 1", f, u);
        consume(c, "SELECT labor_function, SUM(spent_seconds) FROM sk_time WHERE tenant = 'bench'"
                + " AND recorded_at >= ? AND recorded_at < ? GROUP BY labor_function", f, u);
        consume(c, "SELECT model || component_id || cause_code, COUNT(*) FROM sk_failures WHERE tenant = 'bench'"
                + " AND failed_at >= ? AND failed_at < ? GROUP BY model, component_id, cause_code", f, u);
        hand(c, from, until);
        return received;
    }

    /** The same figures by hand: four grouped queries; returns the requests received, as a check. */
    private static long hand(Connection c, Instant from, Instant until) throws Exception {
        return hand(c, from, until, "assignee", "assignee IS NOT NULL");
    }

    /** The figures per {@code key} over the rows {@code where} selects (a trusted SQL condition). */
    private static long hand(Connection c, Instant from, Instant until, String key, String where) throws Exception {
        Timestamp f = Timestamp.from(from);
        Timestamp u = Timestamp.from(until);
        long received = 0;
        try (PreparedStatement q = c.prepareStatement("""
                SELECT {key}, COUNT(*) AS received,
                  COUNT(*) FILTER (WHERE first_response_due IS NOT NULL
                      AND (first_response_met IS NOT NULL OR first_response_due < ?)) AS fr_due,
                  COUNT(*) FILTER (WHERE first_response_met <= first_response_due) AS fr_in_time,
                  COUNT(*) FILTER (WHERE resolution_due IS NOT NULL
                      AND (resolution_met IS NOT NULL OR resolution_due < ?)) AS res_due,
                  COUNT(*) FILTER (WHERE resolution_met <= resolution_due) AS res_in_time,
                  percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_at - registered_at) AS fr_p50,
                  percentile_disc(0.9) WITHIN GROUP (ORDER BY first_response_at - registered_at) AS fr_p90,
                  percentile_disc(0.5) WITHIN GROUP (ORDER BY first_response_worked) AS fr_w50,
                  percentile_disc(0.9) WITHIN GROUP (ORDER BY first_response_worked) AS fr_w90
                FROM sk_requests WHERE tenant = 'bench' AND registered_at >= ? AND registered_at < ?
                  AND {where} GROUP BY {key}""".replace("{key}", key).replace("{where}", where))) {
            q.setTimestamp(1, u);
            q.setTimestamp(2, u);
            q.setTimestamp(3, f);
            q.setTimestamp(4, u);
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    received += r.getLong("received");
                }
            }
        }
        consume(c, """
                SELECT {key}, COUNT(*), COUNT(*) FILTER (WHERE reopens > 0),
                  COUNT(*) FILTER (WHERE reopens = 0 AND escalated_at IS NULL),
                  percentile_disc(0.5) WITHIN GROUP (ORDER BY resolved_at - registered_at),
                  percentile_disc(0.9) WITHIN GROUP (ORDER BY resolved_at - registered_at),
                  percentile_disc(0.5) WITHIN GROUP (ORDER BY resolution_worked),
                  percentile_disc(0.9) WITHIN GROUP (ORDER BY resolution_worked)
                FROM sk_requests WHERE tenant = 'bench' AND resolved_at >= ? AND resolved_at < ?
                  AND {where} GROUP BY {key}""".replace("{key}", key).replace("{where}", where), f, u);
        consume(c, """
                SELECT {key}, COUNT(*), MIN(registered_at) FROM sk_requests WHERE tenant = 'bench'
                  AND registered_at < ? AND (resolved_at IS NULL OR resolved_at >= ?)
                  AND (closed_at IS NULL OR closed_at >= ?) AND {where} GROUP BY {key}""".replace("{key}", key).replace("{where}", where), u, u, u);
        consume(c, """
                SELECT {key}, COUNT(*), COUNT(survey_answered_at), SUM(survey_score) FROM sk_requests
                WHERE tenant = 'bench' AND survey_sent_at >= ? AND survey_sent_at < ? AND {where}
                GROUP BY {key}""".replace("{key}", key).replace("{where}", where), f, u);
        return received;
    }

    private static void consume(Connection c, String sql, Timestamp... parameters) throws Exception {
        try (PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setTimestamp(i + 1, parameters[i]);
            }
            try (ResultSet r = q.executeQuery()) {
                while (r.next()) {
                    r.getLong(2);
                }
            }
        }
    }

    private static void populate(BenchDatabase db, int count) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (PreparedStatement insert = c.prepareStatement("""
                    INSERT INTO sk_requests (tenant, id, version, status, organization, support_line, registered_at,
                        updated_at, document, representative, group_id, assignee, priority_rank, emergency, due_at,
                        deadline_state, is_open, first_response_due, first_response_met, first_response_at,
                        resolution_due, resolution_met, resolved_at, closed_at, escalated_at, reopens,
                        survey_sent_at, survey_answered_at, survey_score, first_response_worked, resolution_worked)
                    SELECT 'bench', 'r-' || g, 1, CASE WHEN o THEN 'AT_SECOND_LINE' ELSE 'CLOSED' END, 'org-1',
                        'SECOND_LINE', reg, reg, '{"subject":"s","description":"d","channel":"PHONE","journalSequence":1,"journalHash":"h"}',
                        'rep-1', 'grp-' || (g % 20), CASE WHEN g % 5 = 0 THEN NULL ELSE 'spc-' || (g % 50) END, 2, false,
                        CASE WHEN o THEN reg + interval '8 hours' ELSE TIMESTAMPTZ '9999-12-31 23:59:59.999999+00' END,
                        CASE WHEN o THEN 'PENDING' ELSE 'MET' END, o,
                        reg + interval '1 hour', reg + (g % 90) * interval '1 minute',
                        reg + (g % 90) * interval '1 minute',
                        reg + interval '8 hours', CASE WHEN o THEN NULL ELSE reg + (g % 600) * interval '1 minute' END,
                        CASE WHEN o THEN NULL ELSE reg + (g % 600) * interval '1 minute' END,
                        CASE WHEN o THEN NULL ELSE reg + (g % 600 + 60) * interval '1 minute' END,
                        CASE WHEN g % 4 = 0 THEN reg + interval '30 minutes' END,
                        CASE WHEN g % 17 = 0 THEN 1 ELSE 0 END,
                        CASE WHEN NOT o AND g % 5 = 1 THEN reg + (g % 600 + 61) * interval '1 minute' END,
                        CASE WHEN NOT o AND g % 10 = 1 THEN reg + (g % 600 + 90) * interval '1 minute' END,
                        CASE WHEN NOT o AND g % 10 = 1 THEN 1 + g % 5 END,
                        (g % 90) * 45000000::bigint,
                        CASE WHEN o THEN NULL ELSE (g % 600) * 40000000::bigint END
                    FROM (SELECT g, g % 10 < 3 AS o,
                            CAST(? AS TIMESTAMPTZ) - (? - g) * (interval '1 second' * 31536000 / ?) AS reg
                          FROM generate_series(1, ?) g) x
                    """)) {
                insert.setTimestamp(1, Timestamp.from(NOW));
                insert.setInt(2, count);
                insert.setInt(3, count);
                insert.setInt(4, count);
                insert.executeUpdate();
            }
            s.execute("VACUUM ANALYZE sk_requests");
        }
    }
}
