package dev.supportkit.core.internal.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.core.testing.SharedStorageFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Service-level deadlines: started by policy, met, paused and resumed, warned and breached, once across nodes. */
class SlaTest {
    private static final Map<String, String> POLICIES = Map.of(
            "supportkit.sla.default-policy", "standard",
            "supportkit.sla.policies.standard.calendar", "24x7",
            "supportkit.sla.policies.standard.warn-at", "0.75",
            "supportkit.sla.policies.standard.on-warning", "notify:spc-galina",
            "supportkit.sla.policies.standard.on-breach", "notify:spc-galina, raise-priority, escalate:grp-telephony",
            "supportkit.sla.policies.standard.normal.first-response", "1h",
            "supportkit.sla.policies.standard.normal.resolution", "8h",
            "supportkit.sla.policies.business.calendar", "ru-production-5x8",
            "supportkit.sla.policies.business.normal.resolution", "16h");

    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final SharedStorageFactory storage = new SharedStorageFactory();
    private final List<SupportEngine> engines = new ArrayList<>();

    private SupportEngine engine(String node, Map<String, String> extra) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage)
                .set("supportkit.node-id", node).set("supportkit.jobs.poll-interval-ms", "0");
        POLICIES.forEach(builder::set);
        extra.forEach(builder::set);
        SupportEngine engine = builder.build();
        engines.add(engine);
        return engine;
    }

    private EngineFixture fixture() {
        return new EngineFixture(TenantId.of("acme"), engine("node-a", Map.of()));
    }

    @AfterEach
    void close() {
        engines.forEach(SupportEngine::close);
    }

    private static Deadline deadline(EngineFixture fx, Request r, DeadlineKind kind) {
        return fx.engine.quality().request(fx.auditor, r.id()).deadline(kind).orElseThrow();
    }

    private static List<JournalEntry> entries(EngineFixture fx, Request r, Class<? extends RequestEvent> type) {
        return fx.engine.journal().entries(fx.auditor, r.id()).stream().filter(e -> type.isInstance(e.event())).toList();
    }

    @Test
    @DisplayName("a new request gets its policy's deadlines; the first staff action meets the first response")
    void startAndMeet() {
        EngineFixture fx = fixture();
        Request r = fx.registered();
        Instant registered = r.registeredAt();
        assertEquals(registered.plus(Duration.ofHours(1)), r.deadline(DeadlineKind.FIRST_RESPONSE).orElseThrow().dueAt());
        assertEquals(registered.plus(Duration.ofHours(8)), r.deadline(DeadlineKind.RESOLUTION).orElseThrow().dueAt());
        assertEquals(4, storage.store.inTransaction(tx -> tx.findTimers(fx.tenant, r.id())).size(),
                "a warning and a breach timer per deadline");

        clock.advance(Duration.ofMinutes(20));
        fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        Deadline first = deadline(fx, r, DeadlineKind.FIRST_RESPONSE);
        assertEquals(DeadlineState.MET, first.state());
        assertEquals(clock.instant(), first.metAt());
        assertEquals(2, storage.store.inTransaction(tx -> tx.findTimers(fx.tenant, r.id())).size(),
                "the met deadline's timers are gone");
        clock.advance(Duration.ofHours(2));
        assertEquals(0, fx.engine.runDueWork().timers(), "nothing fires for a met deadline");
    }

    @Test
    @DisplayName("a warning fires once at 75 %, a breach at 100 % marks it, raises the priority and escalates")
    void warningAndBreach() {
        EngineFixture fx = fixture();
        Request r = fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref());

        clock.advance(Duration.ofHours(6));
        assertEquals(1, fx.engine.runDueWork().timers());
        assertEquals(1, entries(fx, r, RequestEvent.SlaWarning.class).size());
        assertTrue(fx.engine.quality().deliveries(fx.auditor, r.id()).stream()
                .anyMatch(d -> d.topic().equals("sla.warning") && d.recipient().equals("spc-galina")));
        assertEquals(0, fx.engine.runDueWork().timers(), "once");

        clock.advance(Duration.ofHours(2));
        assertEquals(1, fx.engine.runDueWork().timers());
        Request breached = fx.engine.quality().request(fx.auditor, r.id());
        assertEquals(DeadlineState.BREACHED, breached.deadline(DeadlineKind.RESOLUTION).orElseThrow().state());
        assertEquals(Priority.HIGH, breached.priority());
        assertEquals(SupportLine.SECOND_LINE, breached.line());
        assertEquals(RequestStatus.AT_SECOND_LINE, breached.status());
        assertEquals(fx.telephony, breached.group().orElseThrow());
        RequestEvent.SlaBreached event = (RequestEvent.SlaBreached) entries(fx, r, RequestEvent.SlaBreached.class)
                .get(0).event();
        assertEquals(List.of("priority raised to HIGH", "escalated to group grp-telephony"), event.actions());
        assertTrue(fx.engine.journal().verify(fx.auditor, r.id()).intact());
    }

    @Test
    @DisplayName("deadlines pause while the request waits for the customer and resume with the remaining time")
    void pauseAndResume() {
        EngineFixture fx = fixture();
        Request r = fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref());
        clock.advance(Duration.ofHours(2));
        r = fx.engine.resolution().requestClarification(fx.operator, r.ref(), "Which extension?");
        Deadline paused = deadline(fx, r, DeadlineKind.RESOLUTION);
        assertEquals(DeadlineState.PAUSED, paused.state());
        assertEquals(Duration.ofHours(6), paused.remaining());
        assertEquals(List.of("Срок приостановлен до получения вашего ответа на наш вопрос."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.forLanguageTag("ru")));

        clock.advance(Duration.ofHours(10));
        assertEquals(0, fx.engine.runDueWork().timers(), "no warning or breach while paused");
        r = fx.engine.intake().provideClarification(fx.customer, r.ref(), Channel.EMAIL, "Extension 204");
        Deadline resumed = deadline(fx, r, DeadlineKind.RESOLUTION);
        assertEquals(DeadlineState.PENDING, resumed.state());
        assertEquals(clock.instant().plus(Duration.ofHours(6)), resumed.dueAt());
        assertEquals(Duration.ofHours(10), resumed.pausedTotal(), "the paused time is reported");
        assertEquals(Duration.ofHours(10), resumed.pausedWorkingTime(), "24x7: every paused hour is working time");
        assertNull(resumed.pausedAt());

        clock.advance(Duration.ofHours(6));
        fx.engine.runDueWork();
        assertEquals(DeadlineState.BREACHED, deadline(fx, r, DeadlineKind.RESOLUTION).state(),
                "the resumed deadline fires at its new time");
    }

    @Test
    @DisplayName("the customer is told the deadlines in plain words, in their language and zone")
    void promises() {
        EngineFixture fx = fixture();
        Request r = fx.registered(); // at the engine's clock: 06:00 UTC = 09:00 in Moscow
        assertEquals(List.of("Мы ответим до 10:00 12 марта.", "Мы планируем устранить проблему до 17:00 12 марта."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.forLanguageTag("ru")));
        assertEquals(List.of("We will answer by 10:00 on 12 March.",
                "We plan to resolve the problem by 17:00 on 12 March."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.ENGLISH));
    }

    @Test
    @DisplayName("a promise for next year names the year; one for this year does not")
    void promiseForNextYearNamesTheYear() {
        EngineFixture fx = fixture();
        clock.advance(Duration.between(clock.instant(), java.time.Instant.parse("2026-12-31T18:00:00Z")));
        Request r = fx.registered(); // 21:00 on 31 December in Moscow
        assertEquals(List.of("Мы ответим до 22:00 31 декабря.", "Мы планируем устранить проблему до 05:00 1 января 2027."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.forLanguageTag("ru")));
        assertEquals(List.of("We will answer by 22:00 on 31 December.",
                "We plan to resolve the problem by 05:00 on 1 January 2027."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.ENGLISH));
    }

    @Test
    @DisplayName("a contract picks its policy, counted in business hours of the Russian production calendar")
    void contractPicksPolicyAndCalendar() {
        EngineFixture fx = fixture();
        fx.engine.directory().saveContract(fx.admin, new SupportContract(fx.org, "SUP-2026/17", "business", null));
        Request r = fx.registered(); // Thursday 12 March 2026, 09:00 in Moscow
        Deadline resolution = r.deadline(DeadlineKind.RESOLUTION).orElseThrow();
        assertEquals("ru-production-5x8", resolution.calendar());
        // Office hours 09:00–13:00 and 14:00–18:00: Thursday gives 8 h and Friday the other 8 h, so the
        // deadline is Friday 13 March at 18:00 Moscow time.
        assertEquals(Instant.parse("2026-03-13T15:00:00Z"), resolution.dueAt());
        assertTrue(r.deadline(DeadlineKind.FIRST_RESPONSE).isEmpty(), "the business policy sets no first response");

        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .saveContract(fx.admin, new SupportContract(fx.org, "", "platinum", "mars-time")));
        assertEquals(List.of("contract.number", "contract.slaPolicy", "contract.calendar"),
                error.errors().stream().map(e -> e.field()).toList());
    }

    @Test
    @DisplayName("a pause is reported both as elapsed time and as the working time it kept off the clock")
    void pausedElapsedAndWorkingTime() {
        EngineFixture fx = fixture();
        fx.engine.directory().saveContract(fx.admin, new SupportContract(fx.org, "SUP-2026/18", "business", null));
        Request r = fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref()); // Thursday 09:00 Moscow
        clock.advance(Duration.ofHours(1));
        r = fx.engine.resolution().requestClarification(fx.operator, r.ref(), "Which extension?");
        clock.advance(Duration.ofHours(24)); // Friday 10:00: Thursday 10-13 and 14-18, Friday 09-10 are working
        r = fx.engine.intake().provideClarification(fx.customer, r.ref(), Channel.EMAIL, "Extension 204");
        Deadline resumed = deadline(fx, r, DeadlineKind.RESOLUTION);
        assertEquals(Duration.ofHours(24), resumed.pausedTotal());
        assertEquals(Duration.ofHours(8), resumed.pausedWorkingTime());
    }

    @Test
    @DisplayName("a met deadline keeps the working time it used, in its calendar's hours and without its pauses; reports count it")
    void workedTimeInBusinessHours() {
        EngineFixture fx = fixture();
        fx.engine.directory().saveContract(fx.admin, new SupportContract(fx.org, "SUP-2026/19", "business", null));
        Request r = fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref()); // Thursday 09:00 Moscow
        assertNull(deadline(fx, r, DeadlineKind.RESOLUTION).workedTime(), "not met yet");
        clock.advance(Duration.ofHours(1));
        r = fx.engine.resolution().requestClarification(fx.operator, r.ref(), "Which extension?");
        clock.advance(Duration.ofHours(24)); // Friday 10:00: the pause kept 8 working hours off the clock
        r = fx.engine.intake().provideClarification(fx.customer, r.ref(), Channel.EMAIL, "Extension 204");
        clock.advance(Duration.ofHours(2)); // Friday 12:00
        r = fx.engine.resolution().resolve(fx.operator, r.ref(),
                dev.supportkit.api.request.ResolutionReport.of("Restarted the trunk", "Trunk hung"));

        Deadline met = deadline(fx, r, DeadlineKind.RESOLUTION);
        // Thursday 09-13 and 14-18 (8 h) and Friday 09-12 (3 h) are working time, 8 h of it paused: 3 h used,
        // while 27 h passed on the wall clock
        assertEquals(Duration.ofHours(3), met.workedTime());
        assertEquals(Duration.ofHours(27), Duration.between(r.registeredAt(), met.metAt()));
        var metrics = fx.engine.reports().metrics(fx.intakeLead, dev.supportkit.api.reports.MetricsQuery.builder()
                .scope(dev.supportkit.api.reports.MetricsScope.TENANT)
                .period(r.registeredAt(), clock.instant().plusSeconds(1)).build())
                .current(dev.supportkit.api.reports.RequestMetrics.TENANT_KEY).orElseThrow();
        assertEquals(Duration.ofHours(27), metrics.resolutionMedian().orElseThrow(), "elapsed");
        assertEquals(Duration.ofHours(3), metrics.resolutionWorkingMedian().orElseThrow(), "working time");
        assertEquals(Duration.ofHours(3), metrics.resolutionWorkingP90().orElseThrow());
        assertTrue(metrics.firstResponseWorkingMedian().isEmpty(), "the business policy sets no first response");
    }

    @Test
    @DisplayName("a vendor's own calendar from the calendars file counts the deadlines; a broken file fails the build")
    void vendorCalendarsFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("calendars.yaml"), """
                calendars:
                  - id: night-shift
                    zone: Europe/Moscow
                    weeklyHours:
                      everyDay: [20:00-24:00]
                """);
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine("node-n", Map.of(
                "supportkit.sla.calendars-file", file.toString(),
                "supportkit.sla.policies.night.calendar", "night-shift",
                "supportkit.sla.policies.night.normal.resolution", "6h")));
        fx.engine.directory().saveContract(fx.admin, new SupportContract(fx.org, "N-1", "night", null));
        Request r = fx.registered(); // 09:00 in Moscow: 20:00–24:00 today, then 2 h from 20:00 tomorrow
        assertEquals(Instant.parse("2026-03-13T19:00:00Z"), r.deadline(DeadlineKind.RESOLUTION).orElseThrow().dueAt());

        java.nio.file.Path broken = java.nio.file.Files.writeString(dir.resolve("broken.yaml"), """
                calendars:
                  - id: bad id!
                    zone: Mars/Olympus
                """);
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> engine("node-m",
                Map.of("supportkit.sla.calendars-file", broken.toString())));
        assertTrue(error.problems().size() >= 2, error::getMessage);
        assertTrue(error.getMessage().contains("Mars/Olympus"), error::getMessage);
    }

    @Test
    @DisplayName("the next update starts at the first response, restarts with each staff action, pauses, and is met on resolving")
    void nextUpdate() {
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine("node-u", Map.of(
                "supportkit.sla.policies.standard.normal.next-update", "2h")));
        Request r = fx.registered();
        assertTrue(r.deadline(DeadlineKind.NEXT_UPDATE).isEmpty(), "not before the first response");

        r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        assertEquals(clock.instant().plus(Duration.ofHours(2)), r.deadline(DeadlineKind.NEXT_UPDATE).orElseThrow().dueAt());
        clock.advance(Duration.ofMinutes(90));
        r = fx.engine.consulting().recordConsultation(fx.operator, r.ref(), "Please restart the PBX", false);
        assertEquals(clock.instant().plus(Duration.ofHours(2)), r.deadline(DeadlineKind.NEXT_UPDATE).orElseThrow().dueAt(),
                "a staff action starts it again");
        assertTrue(fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.ENGLISH)
                .contains("We will update you by 12:30 on 12 March."));

        clock.advance(Duration.ofMinutes(90));
        assertEquals(0, entries(fx, r, RequestEvent.SlaBreached.class).size());
        r = fx.engine.resolution().requestClarification(fx.operator, r.ref(), "Which extension?");
        assertEquals(DeadlineState.PAUSED, r.deadline(DeadlineKind.NEXT_UPDATE).orElseThrow().state());
        clock.advance(Duration.ofHours(5));
        fx.engine.runDueWork();
        assertEquals(0, entries(fx, r, RequestEvent.SlaBreached.class).size(), "nothing runs while paused");

        r = fx.engine.intake().provideClarification(fx.customer, r.ref(), Channel.PHONE, "204");
        clock.advance(Duration.ofHours(2));
        fx.engine.runDueWork();
        RequestEvent.SlaBreached breach = (RequestEvent.SlaBreached) entries(fx, r, RequestEvent.SlaBreached.class)
                .get(0).event();
        assertEquals(DeadlineKind.NEXT_UPDATE, breach.deadline(), "two hours without an update after the answer");

        r = fx.engine.quality().request(fx.auditor, r.id());
        r = fx.engine.resolution().resolve(fx.workerOf(r.line()), r.ref(),
                dev.supportkit.api.request.ResolutionReport.of("Restarted", "Hung trunk"));
        assertTrue(r.deadline(DeadlineKind.NEXT_UPDATE).orElseThrow().metAt() != null, "resolving stops it");
    }

    @Test
    @DisplayName("the README's YAML policy is read as documented")
    void yamlPolicy(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("supportkit.yaml"), """
                supportkit:
                  jobs:
                    poll-interval-ms: 0
                  sla:
                    default-policy: standard
                    policies:
                      standard:
                        calendar: 24x7
                        warn-at: 0.75
                        on-warning: notify:spc-galina
                        on-breach: notify:spc-galina, raise-priority, escalate:grp-telephony
                        critical: { first-response: 30m, resolution: 4h }
                        normal:   { first-response: 2h,  resolution: 16h }
                        low:      { resolution: 5d }
                """);
        SupportEngine engine = SupportEngine.builder().clock(clock).environment(Map.of()).configFile(file).build();
        engines.add(engine);
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine);
        Request r = fx.registered();
        assertEquals(r.registeredAt().plus(Duration.ofHours(2)), r.deadline(DeadlineKind.FIRST_RESPONSE).orElseThrow()
                .dueAt());
        assertEquals(r.registeredAt().plus(Duration.ofHours(16)), r.deadline(DeadlineKind.RESOLUTION).orElseThrow()
                .dueAt());
        Request critical = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).priority(Priority.CRITICAL)
                .build());
        assertEquals(critical.registeredAt().plus(Duration.ofMinutes(30)),
                critical.deadline(DeadlineKind.FIRST_RESPONSE).orElseThrow().dueAt());
        fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        clock.advance(Duration.ofHours(17));
        fx.engine.runDueWork();
        Request breached = fx.engine.quality().request(fx.auditor, r.id());
        assertEquals(Priority.HIGH, breached.priority(), "the on-breach list was read as three actions");
        assertEquals(fx.telephony, breached.group().orElseThrow());
    }

    @Test
    @DisplayName("every bad SLA setting is reported when the engine is built")
    void badConfiguration() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> engine("node-x", Map.of(
                "supportkit.sla.policies.broken.calendar", "no-such-calendar",
                "supportkit.sla.policies.broken.high.resolution", "soon",
                "supportkit.sla.policies.broken.warn-at", "1.5",
                "supportkit.sla.policies.broken.on-breach", "panic",
                "supportkit.sla.policies.broken.urgent.resolution", "1h")));
        String all = error.getMessage();
        for (String expected : List.of("no-such-calendar", "'soon' is not a duration", "'1.5' must be a fraction",
                "'panic' is not an action", "supportkit.sla.policies.broken.urgent.resolution: unknown SLA key")) {
            assertTrue(all.contains(expected), () -> "missing '" + expected + "' in " + all);
        }
    }

    @Test
    @DisplayName("three engines on one store fire each breach once")
    void breachesFireOnceAcrossNodes() throws Exception {
        EngineFixture fx = fixture();
        SupportEngine b = engine("node-b", Map.of());
        SupportEngine c = engine("node-c", Map.of());
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(fx.engine.intake().takeIntoWork(fx.operator, fx.registered().ref()));
        }
        clock.advance(Duration.ofHours(9));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (SupportEngine node : List.of(fx.engine, b, c)) {
                Callable<Integer> drain = () -> {
                    int total = 0;
                    for (int n = node.runDueWork().timers(); n > 0; n = node.runDueWork().timers()) {
                        total += n;
                    }
                    return total;
                };
                results.add(pool.submit(drain));
            }
            int fired = 0;
            for (Future<Integer> f : results) {
                fired += f.get(60, TimeUnit.SECONDS);
            }
            assertEquals(20 * 2, fired, "one warning and one breach per request");
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> breaches = new HashMap<>();
        for (Request r : requests) {
            breaches.put(r.id().value(), entries(fx, r, RequestEvent.SlaBreached.class).size());
        }
        assertTrue(breaches.values().stream().allMatch(n -> n == 1), breaches::toString);
    }

    @Test
    @DisplayName("pause-on-vendor: an open vendor case pauses the resolution deadline until the vendor answers")
    void vendorCasePausesTheResolution() {
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), engine("node-a",
                Map.of("supportkit.sla.policies.standard.pause-on-vendor", "true")));
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        clock.advance(Duration.ofHours(1));
        r = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                new dev.supportkit.api.escalation.VendorCase(null, null, "PSU keeps failing"));
        Deadline paused = deadline(fx, r, DeadlineKind.RESOLUTION);
        assertEquals(DeadlineState.PAUSED, paused.state());
        assertEquals(List.of("Срок приостановлен до получения ответа производителя оборудования."),
                fx.engine.escalation().deadlinePromises(fx.customer, r.id(), Locale.forLanguageTag("ru")));

        clock.advance(Duration.ofHours(20));
        assertEquals(0, fx.engine.runDueWork().timers(), "no warning or breach while the vendor is asked");
        // a clarification meanwhile does not resume it while the vendor's answer is awaited
        r = fx.engine.resolution().requestClarification(fx.engineer, r.ref(), "Serial number?");
        r = fx.engine.intake().provideClarification(fx.customer, r.ref(), Channel.EMAIL, "SN 123");
        assertEquals(DeadlineState.PAUSED, deadline(fx, r, DeadlineKind.RESOLUTION).state());

        r = fx.engine.escalation().recordVendorAnswer(fx.engineer, r.ref(), "Replace the PSU");
        Deadline resumed = deadline(fx, r, DeadlineKind.RESOLUTION);
        assertEquals(DeadlineState.PENDING, resumed.state());
        assertEquals(clock.instant().plus(paused.remaining()), resumed.dueAt());
        assertEquals(Duration.ofHours(20), resumed.pausedWorkingTime(), "the vendor's time is reported, 24x7");
    }

    @Test
    @DisplayName("without pause-on-vendor the resolution deadline keeps running while the vendor is asked")
    void vendorCaseDoesNotPauseByDefault() {
        EngineFixture fx = fixture();
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        r = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                new dev.supportkit.api.escalation.VendorCase(null, null, "PSU keeps failing"));
        assertEquals(DeadlineState.PENDING, deadline(fx, r, DeadlineKind.RESOLUTION).state());
    }

    @Test
    @DisplayName("pause-on-vendor must be true or false")
    void pauseOnVendorIsAFlag() {
        ConfigurationException bad = assertThrows(ConfigurationException.class, () -> engine("node-b",
                Map.of("supportkit.sla.policies.standard.pause-on-vendor", "sometimes")));
        assertTrue(bad.getMessage().contains("pause-on-vendor: must be true or false"), bad.getMessage());
    }
}
