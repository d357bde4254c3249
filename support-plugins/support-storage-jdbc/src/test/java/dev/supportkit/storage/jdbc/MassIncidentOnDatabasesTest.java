package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Mass-incident detection with two engines on one real database: the versioned catalogue documents are
 * the lock, so concurrent registrations about one system model, from two customers, make exactly one
 * incident linking every request, on PostgreSQL and on MariaDB.
 */
class MassIncidentOnDatabasesTest {
    private static final TenantId TENANT = TenantId.of("acme");
    private static final String MODEL = "NT-PBX 300";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);

    private final Actor admin = Actor.staff("admin", "Admin", Role.ADMINISTRATOR, TENANT);
    private final Actor operator = Actor.staff("anna", "Anna", Role.FIRST_LINE_OPERATOR, TENANT);
    private final Actor auditor = Actor.staff("audit", "Audit", Role.AUDITOR, TENANT);
    private final List<SupportEngine> engines = new ArrayList<>();
    private TestDatabase.Fresh database;

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
        if (database != null) {
            database.drop().run();
        }
    }

    private SupportEngine node(String id) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .set("supportkit.node-id", id).set("supportkit.storage.provider", "jdbc")
                .set("supportkit.jobs.poll-interval-ms", "0")
                .set("supportkit.intake.mass-incident.threshold", "3")
                .set("supportkit.intake.mass-incident.window", "PT30M")
                .set("supportkit.intake.mass-incident.scopes", "system-model");
        database.settings().forEach((key, value) -> builder.set("supportkit.providers.jdbc." + key, value));
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    /** One customer with a system of the model, per index. */
    private void customer(SupportEngine engine, int n) {
        OrganizationId org = OrganizationId.of("org-" + n);
        engine.directory().saveOrganization(admin, new Organization(org, "Customer " + n, null));
        engine.directory().saveRepresentative(admin, new Representative(RepresentativeId.of("rep-" + n), org,
                "Representative " + n, "rep" + n + "@example.com", null, false));
        engine.directory().saveSystem(admin, new SupportedSystem(SystemId.of("pbx-" + n), org, "PBX", "Nordtel",
                MODEL, false, List.of()));
    }

    private static ContactDraft contact(int customer) {
        return ContactDraft.builder().organization(OrganizationId.of("org-" + customer))
                .representative(RepresentativeId.of("rep-" + customer)).system(SystemId.of("pbx-" + customer))
                .channel(Channel.PHONE).subject("No calls").text("Busy tone on every line").newRequest(true).build();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = TestDatabase.class, names = {"POSTGRES", "MARIADB"})
    @DisplayName("two engines registering concurrently about one model make exactly one incident linking every request")
    void twoEnginesOneIncident(TestDatabase server) throws Exception {
        database = server.create();
        SupportEngine a = node("node-a");
        SupportEngine b = node("node-b");
        customer(a, 1);
        customer(a, 2);
        int threads = 8;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<RequestId>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                SupportEngine engine = t % 2 == 0 ? a : b;
                int customer = t % 4 < 2 ? 1 : 2;
                results.add(pool.submit(() -> {
                    go.await();
                    List<RequestId> ids = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        ids.add(engine.intake().registerContact(operator, contact(customer)).id());
                    }
                    return ids;
                }));
            }
            go.countDown();
            Set<RequestId> registered = new HashSet<>();
            for (Future<List<RequestId>> result : results) {
                registered.addAll(result.get(120, TimeUnit.SECONDS));
            }
            assertEquals(threads * each, registered.size(), "every registration succeeded");

            List<MassIncident> incidents = b.intake().massIncidents(auditor, false);
            assertEquals(1, incidents.size(), () -> "exactly one incident: " + incidents);
            MassIncident incident = incidents.get(0);
            assertEquals(registered, Set.copyOf(incident.requests()), "every request is linked");
            assertEquals(threads * each, incident.requests().size(), "and linked once");
            List<Request> stored = a.quality().requests(auditor, RequestQuery.builder().limit(1000).build());
            assertEquals(threads * each, stored.size(), "no lost attempt left a request behind");
            for (Request r : stored) {
                assertEquals(Optional.of(incident.id()), r.intake().incident(), r.id().value());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
