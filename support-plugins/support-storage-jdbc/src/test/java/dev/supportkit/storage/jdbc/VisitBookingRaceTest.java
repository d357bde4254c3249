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
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Three engines on one database, eight threads each, book one technician into overlapping windows on 24
 * requests at once: the database lets exactly one booking stand, every other one is refused with a clear
 * answer, and the technician holds exactly that visit's slots.
 */
class VisitBookingRaceTest {
    private static final Instant START = Instant.parse("2026-03-12T06:00:00Z");
    private static final Instant VISIT = Instant.parse("2026-03-13T07:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final OrganizationId ORG = OrganizationId.of("org");
    private static final RepresentativeId REP = RepresentativeId.of("rep");
    private static final GroupId GROUP = GroupId.of("field");
    private static final SiteId SITE = SiteId.of("site");
    private static final SpecialistId TECHNICIAN = SpecialistId.of("tech");
    private static final int ENGINES = 3;
    private static final int THREADS = 8;

    private final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    private final Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private final Actor engineer = Actor.staff("viktor", "Viktor", Role.SECOND_LINE_ENGINEER, TENANT);

    private static SupportEngine node(TestDatabase.Fresh database, String id) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(Clock.fixed(START, ZoneOffset.UTC))
                .environment(Map.of()).set("supportkit.node-id", id).set("supportkit.storage.provider", "jdbc")
                .set("supportkit.jobs.poll-interval-ms", "0");
        database.settings().forEach((key, value) -> builder.set("supportkit.providers.jdbc." + key, value));
        return builder.build();
    }

    private Request atSecondLine(SupportEngine engine, int n) {
        Request r = engine.intake().registerContact(operator, ContactDraft.builder().organization(ORG)
                .representative(REP).channel(Channel.PHONE).subject("Install the PBX " + n).text("New office")
                .newRequest(true).build());
        r = engine.intake().takeIntoWork(operator, r.ref());
        return engine.escalation().redirect(operator, r.ref(), RedirectTarget.secondLine(GROUP), "installation");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("3 engines × 8 threads book one technician into overlapping windows: exactly one booking stands")
    void exactlyOneBookingStands(TestDatabase server) throws Exception {
        TestDatabase.Fresh database = server.create();
        List<SupportEngine> engines = new ArrayList<>();
        try {
            for (int i = 0; i < ENGINES; i++) {
                engines.add(node(database, "node-" + i));
            }
            SupportEngine first = engines.get(0);
            first.directory().saveOrganization(admin, new Organization(ORG, "Romashka LLC", null));
            first.directory().saveRepresentative(admin, new Representative(REP, ORG, "Irina", "irina@example.com",
                    null, false));
            first.directory().saveSite(admin, new Site(SITE, ORG, "Office", "Moscow"));
            first.directory().saveGroup(admin, new SupportGroup(GROUP, "Field service", SupportLine.SECOND_LINE));
            first.directory().saveSpecialist(admin, new Specialist(SpecialistId.of("viktor"), "Viktor",
                    Role.SECOND_LINE_ENGINEER, GROUP));
            first.directory().saveSpecialist(admin, new Specialist(TECHNICIAN, "Technician",
                    Role.SECOND_LINE_ENGINEER, GROUP));
            List<Request> requests = new ArrayList<>();
            for (int n = 0; n < ENGINES * THREADS; n++) {
                requests.add(atSecondLine(first, n));
            }

            Queue<Request> booked = new ConcurrentLinkedQueue<>();
            Queue<String> refused = new ConcurrentLinkedQueue<>();
            Queue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(ENGINES * THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int n = 0; n < ENGINES * THREADS; n++) {
                SupportEngine engine = engines.get(n % ENGINES);
                Request request = requests.get(n);
                // every window overlaps every other: two hours, starting 0 to 45 minutes after VISIT
                Instant start = VISIT.plus(Duration.ofMinutes(15L * (n % 4)));
                done.add(pool.submit(() -> {
                    go.await();
                    try {
                        booked.add(engine.scheduling().bookVisit(engineer, request.ref(), VisitBooking.builder()
                                .site(SITE).window(start, start.plus(Duration.ofHours(2)))
                                .purpose(VisitPurpose.INSTALLATION).technicians(TECHNICIAN).build()));
                    } catch (ValidationException e) {
                        assertEquals("visit.technicians", e.errors().get(0).field(), e.getMessage());
                        assertEquals("free", e.errors().get(0).rule(), e.getMessage());
                        refused.add(e.getMessage());
                    } catch (ConcurrencyConflictException e) {
                        refused.add(e.getMessage());
                    } catch (RuntimeException | Error e) {
                        unexpected.add(e);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdownNow();

            assertEquals(List.of(), List.copyOf(unexpected), "every attempt booked or was refused clearly");
            assertEquals(1, booked.size(), "exactly one booking stands; refused: " + refused);
            assertEquals(ENGINES * THREADS - 1, refused.size());
            List<Visit> held = first.scheduling().technicianVisits(admin, TECHNICIAN, VISIT.minus(Duration.ofDays(1)),
                    VISIT.plus(Duration.ofDays(1)));
            assertEquals(1, held.size());
            assertEquals(booked.peek().id(), held.get(0).request());
            try (Connection connection = server.connect(database.url());
                 ResultSet slots = connection.createStatement().executeQuery(
                         "SELECT COUNT(*), COUNT(DISTINCT visit_id) FROM sk_visit_slots")) {
                assertTrue(slots.next());
                assertEquals(10, slots.getInt(1), "two hours and the 30-minute travel buffer: ten quarter hours");
                assertEquals(1, slots.getInt(2));
            }
        } finally {
            engines.forEach(SupportEngine::close);
            database.drop().run();
        }
    }
}
