package dev.supportkit.benchmarks;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Operator queues over many requests on PostgreSQL (issue 13): a page of 50 of one group's open requests
 * that are breached or at risk within an hour, earliest due first, through {@code quality().queue} (the
 * engine's SQL, decoding each request from its row, its document and its first contact's text, the cursor),
 * against a hand-written SQL query for the same page that reads the same rows' documents and texts as text;
 * and the heap an export of every request needs.
 *
 * <p>The requests are written straight into {@code sk_requests} with {@code generate_series}: three in ten
 * open, spread over 20 groups and 50 assignees (a fifth unassigned), due from ten hours before now to 110
 * hours after it (those past due breached), the rest closed with their deadlines met; each row has the
 * document of a real registration the engine wrote, with the description in it (as an imported request).
 */
final class QueuePage {
    private static final Instant NOW = Instant.parse("2026-03-12T12:00:00Z");
    private static final int PAGE = 50;
    private static final int GROUPS = 20;
    private static final String OPEN = "'REGISTERED', 'IN_PROGRESS_FIRST_LINE', 'AT_INTAKE_LEAD', 'AT_SECOND_LINE',"
            + " 'WAITING_FOR_CUSTOMER'";

    private QueuePage() {
    }

    static List<Result> run(Settings settings) throws Exception {
        int count = settings.openRequests(); // 1,000,000 in a full run
        List<Result> results = new ArrayList<>();
        try (BenchDatabase db = new BenchDatabase("queue"); SupportEngine engine = db.startAt(NOW, 4)) {
            Actor operator = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, Fixture.TENANT);
            populate(db, count, template(engine));
            Latencies api = new Latencies();
            Latencies sql = new Latencies();
            try (Connection c = db.connect(); PreparedStatement hand = c.prepareStatement(
                    "SELECT r.document, c.body FROM sk_requests r LEFT JOIN sk_contacts c ON c.tenant = r.tenant"
                            + " AND c.request_id = r.id AND c.id = r.first_contact WHERE r.tenant = 'bench' AND r.group_id = ?"
                            + " AND r.is_open AND r.due_at <= ? ORDER BY r.due_at, r.id LIMIT " + PAGE)) {
                int rounds = settings.searchQueries() / 2;
                // as many unmeasured pages first as are measured: the JIT compiles the per-page code (the cursor,
                // the SQL building) for over a second, on the cores PostgreSQL shares, well after 500 pages
                for (int i = 0; i < 2 * rounds; i++) {
                    boolean warm = i >= rounds;
                    GroupId group = GroupId.of("grp-" + (i % GROUPS));
                    RequestQuery query = RequestQuery.builder().open().group(group).deadline(
                            DeadlineCondition.breached(), DeadlineCondition.atRisk(Duration.ofHours(1)))
                            .sort(RequestSort.DUE).limit(PAGE).build();
                    int[] found = new int[2];
                    double sqlMillis = LoadRunner.millis(() -> found[0] = handPage(hand, group));
                    double apiMillis = LoadRunner.millis(() -> found[1] = engine.quality().queue(operator, query)
                            .requests().size());
                    if (found[0] != PAGE || found[1] != PAGE) {
                        throw new IllegalStateException("a page held " + found[1] + " (hand-written: " + found[0]
                                + ") requests, not " + PAGE);
                    }
                    if (warm) {
                        sql.add(sqlMillis);
                        api.add(apiMillis);
                    }
                }
            }
            String suffix = "-" + count + "-requests";
            for (int percent : new int[] {50, 99}) {
                double value = api.percentile(percent);
                double base = sql.percentile(percent);
                boolean met = value / base <= 2.0 && (percent != 99 || value < 20);
                results.add(new Result("queue-page-p" + percent + suffix, "ms", value, base, value / base,
                        percent == 99 ? "p99 < 20 ms and ratio <= 2" : "ratio <= 2", met,
                        "hand-written SQL for the same page, documents read as text"));
            }
            long small = exportPeak(engine, operator, RequestQuery.builder()
                    .registered(null, NOW.minus(Duration.ofSeconds(count - 10_000L))).limit(1000).build());
            long[] streamed = new long[1];
            long large = exportPeak(engine, operator, RequestQuery.builder().limit(1000).build(), streamed);
            if (streamed[0] != count) {
                throw new IllegalStateException("the export streamed " + streamed[0] + " of " + count);
            }
            results.add(new Result("export-live-heap-peak" + suffix, "MiB", large / 1048576.0,
                    small / 1048576.0, (double) large / small,
                    "ratio <= 1.5 (the heap in use after collections does not grow with the number streamed)",
                    (double) large / small <= 1.5, "the same export of the oldest 10,000 requests"));
        }
        return results;
    }

    private static int handPage(PreparedStatement hand, GroupId group) throws Exception {
        hand.setString(1, group.value());
        hand.setObject(2, java.time.OffsetDateTime.ofInstant(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        int rows = 0;
        try (ResultSet r = hand.executeQuery()) {
            while (r.next()) {
                if (r.getString(1).isEmpty()) {
                    throw new IllegalStateException("empty document");
                }
                rows++;
            }
        }
        return rows;
    }

    /** The id of a request the engine wrote: one registration through the API. */
    private static String template(SupportEngine engine) throws Exception {
        Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, Fixture.TENANT);
        engine.directory().saveOrganization(admin, new dev.supportkit.api.directory.Organization(Fixture.ORG,
                "Benchmark LLC", "7700000000"));
        engine.directory().saveRepresentative(admin, new dev.supportkit.api.directory.Representative(Fixture.REP,
                Fixture.ORG, "Irina Petrova", "irina@example.com", null, false));
        engine.directory().saveSystem(admin, new dev.supportkit.api.directory.SupportedSystem(Fixture.SYSTEM,
                Fixture.ORG, "PBX", "Nordtel", "NT-300", false, List.of()));
        Actor operator = Actor.staff("op", "Operator", Role.FIRST_LINE_OPERATOR, Fixture.TENANT);
        Request request = engine.intake().registerContact(operator, Fixture.contact());
        return request.id().value();
    }

    private static void populate(BenchDatabase db, int count, String templateId) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String document;
            try (ResultSet r = s.executeQuery("SELECT document FROM sk_requests WHERE id = '" + templateId + "'")) {
                r.next();
                // the registration's document names no description (its contact holds it); these rows have no
                // contact, so their documents carry the text, as an imported request's does
                document = "{\"description\":\"" + Fixture.contact().text() + "\"," + r.getString(1).substring(1);
            }
            try (PreparedStatement insert = c.prepareStatement(String.format(Locale.ROOT, """
                    INSERT INTO sk_requests (tenant, id, version, status, organization, support_line, registered_at,
                        updated_at, document, first_contact, representative, system_id, model, group_id, assignee,
                        priority_rank, emergency, due_at, deadline_state, is_open, journal_seq, journal_hash)
                    SELECT 'bench', 'r-' || g, 1,
                        CASE WHEN g %% 10 < 3 THEN (ARRAY[%s])[1 + g %% 5] ELSE 'CLOSED' END,
                        'org-1', 'SECOND_LINE', CAST(? AS TIMESTAMPTZ) - (? - g) * interval '1 second',
                        CAST(? AS TIMESTAMPTZ) - (? - g) * interval '1 second', ?, ?, 'rep-1', 'sys-1', 'NT-300',
                        'grp-' || ((g / 10) %% %d), CASE WHEN g %% 5 = 0 THEN NULL ELSE 'spc-' || ((g / 7) %% 50) END, g %% 4,
                        false,
                        CASE WHEN g %% 10 < 3 THEN CAST(? AS TIMESTAMPTZ) + ((g::bigint * 7919) %% 7200 - 600) * interval '1 minute'
                             ELSE TIMESTAMPTZ '9999-12-31 23:59:59.999999+00' END,
                        CASE WHEN g %% 10 >= 3 THEN 'MET'
                             WHEN ((g::bigint * 7919) %% 7200 - 600) <= 0 THEN 'BREACHED' ELSE 'PENDING' END,
                        g %% 10 < 3, 1, (SELECT journal_hash FROM sk_requests WHERE id = ?)
                    FROM generate_series(1, ?) g
                    """, OPEN, GROUPS))) {
                Timestamp now = Timestamp.from(NOW);
                insert.setTimestamp(1, now);
                insert.setInt(2, count);
                insert.setTimestamp(3, now);
                insert.setInt(4, count);
                insert.setString(5, document);
                insert.setString(6, null);
                insert.setTimestamp(7, now);
                insert.setString(8, templateId); // each row's journal head: the registration's first entry
                insert.setInt(9, count);
                insert.executeUpdate();
            }
            s.execute("DELETE FROM sk_requests WHERE id = '" + templateId + "'");
            s.execute("VACUUM ANALYZE sk_requests");
        }
    }

    /**
     * The most heap still in use after any garbage collection while an export runs to its end: what the
     * export keeps alive, not what it allocates (the allocation peak follows the young generation's size).
     */
    private static long exportPeak(SupportEngine engine, Actor actor, RequestQuery query, long[]... streamed)
            throws Exception {
        System.gc();
        AtomicLong peak = new AtomicLong();
        java.util.concurrent.CountDownLatch finalCollection = new java.util.concurrent.CountDownLatch(1);
        AtomicLong exported = new AtomicLong(-1);
        NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                peak.accumulateAndGet(used, Math::max);
                if (exported.get() >= 0 && "System.gc()".equals(info.getGcCause())) {
                    finalCollection.countDown();
                }
            }
        };
        List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
        collectors.forEach(c -> ((NotificationEmitter) c).addNotificationListener(listener, null, null));
        AtomicLong rows = new AtomicLong();
        try {
            engine.quality().exportRequests(actor, query).forEach(r -> rows.incrementAndGet());
            exported.set(rows.get());
            System.gc(); // at least one collection after the export; its notification comes on another thread
            if (!finalCollection.await(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("no notification of the final collection");
            }
        } finally {
            for (GarbageCollectorMXBean c : collectors) {
                ((NotificationEmitter) c).removeNotificationListener(listener);
            }
        }
        if (streamed.length > 0) {
            streamed[0][0] = rows.get();
        }
        return peak.get();
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
            .collect(java.util.stream.Collectors.toSet());
}
