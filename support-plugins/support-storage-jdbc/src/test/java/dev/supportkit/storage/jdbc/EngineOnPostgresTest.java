package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Whole engines on one PostgreSQL schema: concurrent changes of one request through the public API,
 * and due timers shared by three engines, one of whose claims is left behind by a dead node.
 */
class EngineOnPostgresTest {
    private static final Instant START = Instant.parse("2026-03-12T06:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrganizationId ORG = OrganizationId.of("org");
    private static final RepresentativeId REP = RepresentativeId.of("rep");
    private static final GroupId GROUP = GroupId.of("telephony");

    /** One clock for all nodes, moved by the test. */
    private static final class SharedClock extends Clock {
        private volatile Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final SharedClock clock = new SharedClock();
    private final List<SupportEngine> engines = new ArrayList<>();
    private TestDatabase.Fresh database;
    private final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    private final Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private final Actor lead = Actor.staff("galina", "Galina", Role.GROUP_LEAD, TENANT);
    private final Actor auditor = Actor.staff("audit", "Audit", Role.AUDITOR, TENANT);

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.POSTGRES.create();
    }

    @AfterEach
    void dropDatabase() {
        engines.forEach(SupportEngine::close);
        database.drop().run();
    }

    private SupportEngine node(String id) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of())
                .set("supportkit.node-id", id).set("supportkit.storage.provider", "jdbc")
                .set("supportkit.jobs.poll-interval-ms", "0").set("supportkit.jobs.batch-size", "7");
        database.settings().forEach((key, value) -> builder.set("supportkit.providers.jdbc." + key, value));
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    private void seed(SupportEngine engine) {
        engine.directory().saveOrganization(admin, new Organization(ORG, "Romashka LLC", null));
        engine.directory().saveRepresentative(admin, new Representative(REP, ORG, "Irina", "irina@example.com", null, false));
        engine.directory().saveGroup(admin, new SupportGroup(GROUP, "Telephony", SupportLine.SECOND_LINE));
        engine.directory().saveSpecialist(admin, new Specialist(SpecialistId.of("viktor"), "Viktor",
                Role.SECOND_LINE_ENGINEER, GROUP));
    }

    private Request atSecondLine(SupportEngine engine) {
        Request r = engine.intake().registerContact(operator, ContactDraft.builder().organization(ORG)
                .representative(REP).channel(Channel.PHONE).subject("No calls").text("Busy tone").build());
        r = engine.intake().takeIntoWork(operator, r.ref());
        return engine.escalation().redirect(operator, r.ref(), RedirectTarget.secondLine(GROUP), "hardware");
    }

    private long entriesOf(SupportEngine engine, RequestId id, Class<? extends RequestEvent> type) {
        return engine.journal().entries(auditor, id).stream().filter(e -> type.isInstance(e.event())).count();
    }

    @Test
    @DisplayName("many threads on one request: losers get a conflict, every success is journalled once")
    void concurrentChangesOfOneRequest() throws Exception {
        SupportEngine engine = node("node-a");
        seed(engine);
        Request request = atSecondLine(engine);
        int threads = 8;
        int attemptsEach = 15;
        AtomicInteger successes = new AtomicInteger();
        AtomicInteger conflicts = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    Request current = engine.quality().request(auditor, request.id());
                    try {
                        engine.scheduling().setExecutorDeadline(lead, current.ref(), new ExecutorDeadline(
                                SpecialistId.of("viktor"), START.plus(Duration.ofDays(1)), "task"));
                        successes.incrementAndGet();
                    } catch (ConcurrencyConflictException e) {
                        conflicts.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdownNow();

        assertEquals(threads * attemptsEach, successes.get() + conflicts.get());
        Request end = engine.quality().request(auditor, request.id());
        assertEquals(request.version() + successes.get(), end.version(), "no lost update");
        assertEquals(successes.get(), entriesOf(engine, request.id(), RequestEvent.ExecutorDeadlineSet.class),
                "every successful change is in the journal exactly once");
        assertTrue(engine.journal().verify(auditor, request.id()).intact());
    }

    @Test
    @DisplayName("three engines fire each deadline once; a dead node's claims are taken over after the lease")
    void threeEnginesShareDueWork() throws Exception {
        SupportEngine a = node("node-a");
        SupportEngine b = node("node-b");
        SupportEngine c = node("node-c");
        seed(a);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Request r = atSecondLine(a);
            requests.add(a.scheduling().setExecutorDeadline(lead, r.ref(), new ExecutorDeadline(
                    SpecialistId.of("viktor"), START.plus(Duration.ofMinutes(30 + i)), "Replace the PSU")));
        }
        clock.now = START.plus(Duration.ofHours(2));
        int orphaned = claimAsDeadNode(9);
        assertEquals(9, orphaned);

        assertEquals(30 - 9, drain(List.of(a, b, c)), "the dead node's claims wait for its lease");
        clock.now = clock.now.plus(Duration.ofSeconds(61));
        assertEquals(9, drain(List.of(b, c)));

        for (Request r : requests) {
            assertEquals(1, entriesOf(b, r.id(), RequestEvent.ExecutorDeadlineMissed.class), r.id().value());
            assertTrue(c.journal().verify(auditor, r.id()).intact());
        }
        try (Connection conn = database.server().connect(database.url());
             ResultSet left = conn.createStatement().executeQuery("SELECT COUNT(*) FROM sk_timers")) {
            left.next();
            assertEquals(0, left.getInt(1), "nothing left behind");
        }
    }

    /** A node that claims a batch of due timers (60-second lease) and dies without handling them. */
    private int claimAsDeadNode(int count) throws Exception {
        try (Connection conn = database.server().connect(database.url());
             PreparedStatement claim = conn.prepareStatement("UPDATE sk_timers SET claimed_by = 'node-dead',"
                     + " lease_until = ?, attempts = attempts + 1 WHERE id IN (SELECT id FROM sk_timers WHERE due_at <= ?"
                     + " ORDER BY due_at, id LIMIT ?)")) {
            claim.setTimestamp(1, Timestamp.from(clock.now.plusSeconds(60)));
            claim.setTimestamp(2, Timestamp.from(clock.now));
            claim.setInt(3, count);
            return claim.executeUpdate();
        }
    }

    private static int drain(List<SupportEngine> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (SupportEngine node : nodes) {
                Callable<Integer> work = () -> {
                    int total = 0;
                    for (int handled = node.runDueWork().timers(); handled > 0; handled = node.runDueWork().timers()) {
                        total += handled;
                    }
                    return total;
                };
                results.add(pool.submit(work));
            }
            int total = 0;
            for (Future<Integer> r : results) {
                total += r.get(60, TimeUnit.SECONDS);
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
