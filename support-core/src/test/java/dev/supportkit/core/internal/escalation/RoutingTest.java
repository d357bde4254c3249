package dev.supportkit.core.internal.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.config.RoutingSettings;
import dev.supportkit.core.internal.config.SettingsLoader;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Routing rules choose the second-line group and the least-loaded specialist for redirects naming no group. */
class RoutingTest {
    private static final GroupId NETWORK = GroupId.of("grp-network");
    private static final GroupId CRITICAL = GroupId.of("grp-critical");
    private static final GroupId GENERAL = GroupId.of("grp-general");

    private EngineFixture fx;

    private static SupportEngine.Builder builder() {
        return SupportEngine.builder().clock(new MutableClock(EngineFixture.START)).environment(Map.of())
                .set("supportkit.jobs.poll-interval-ms", "0");
    }

    @BeforeEach
    void start() {
        SupportEngine engine = builder()
                .set("supportkit.routing.rules.1.organization", "org-vasilek")
                .set("supportkit.routing.rules.1.group", "grp-network")
                .set("supportkit.routing.rules.2.priority", "low")
                .set("supportkit.routing.rules.2.group", "grp-ghost")
                .set("supportkit.routing.rules.3.priority", "critical, high")
                .set("supportkit.routing.rules.3.group", "grp-critical")
                .set("supportkit.routing.rules.10.system-model", "nt-pbx 300")
                .set("supportkit.routing.rules.10.group", "grp-telephony")
                .set("supportkit.routing.default-group", "grp-general")
                .build();
        fx = new EngineFixture(TenantId.of("acme"), engine);
        var dir = fx.engine.directory();
        dir.saveGroup(fx.admin, new SupportGroup(NETWORK, "Networks", SupportLine.SECOND_LINE));
        dir.saveGroup(fx.admin, new SupportGroup(CRITICAL, "Critical", SupportLine.SECOND_LINE));
        dir.saveGroup(fx.admin, new SupportGroup(GENERAL, "General", SupportLine.SECOND_LINE));
        dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-net"), "Net Engineer",
                Role.SECOND_LINE_ENGINEER, NETWORK));
        dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-crit"), "Crit Engineer",
                Role.SECOND_LINE_ENGINEER, CRITICAL));
        // sorts first, but does not work second line: never chosen
        dir.saveSpecialist(fx.admin, new Specialist(SpecialistId.of("spc-aaa-operator"), "Operator in group",
                Role.FIRST_LINE_OPERATOR, fx.telephony));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private Request redirectUnnamed(ContactDraft draft) {
        Request r = fx.engine.intake().registerContact(fx.operator, draft);
        r = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        return fx.engine.escalation().redirect(fx.operator, r.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, null, null), "needs second line");
    }

    private RequestEvent.Routed routed(Request r) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, r.id());
        assertTrue(entries.get(entries.size() - 2).event() instanceof RequestEvent.Redirected);
        return (RequestEvent.Routed) entries.get(entries.size() - 1).event();
    }

    @Test
    @DisplayName("a rule by organisation wins first")
    void byOrganization() {
        Request r = redirectUnnamed(fx.draft().newRequest(true).organization(fx.otherOrg).representative(fx.otherOrgRep).system(null)
                .priority(Priority.CRITICAL).build());
        assertEquals(RequestStatus.AT_SECOND_LINE, r.status());
        assertEquals(Optional.of(NETWORK), r.group());
        assertEquals(Optional.of(SpecialistId.of("spc-net")), r.assignee());
        assertEquals(new RequestEvent.Routed("supportkit.routing.rules.1", NETWORK, SpecialistId.of("spc-net"), 0),
                routed(r));
    }

    @Test
    @DisplayName("a rule by priority, tried before a later rule by system model")
    void byPriority() {
        Request r = redirectUnnamed(fx.draft().newRequest(true).priority(Priority.HIGH).build());
        assertEquals(Optional.of(CRITICAL), r.group());
        assertEquals("supportkit.routing.rules.3", routed(r).rule());
    }

    @Test
    @DisplayName("a rule by system model (ignoring case); rules are tried in numeric order (10 after 3)")
    void bySystemModel() {
        Request r = redirectUnnamed(fx.draft().newRequest(true).priority(Priority.NORMAL).build());
        assertEquals(Optional.of(fx.telephony), r.group());
        assertEquals("supportkit.routing.rules.10", routed(r).rule());
    }

    @Test
    @DisplayName("no rule matches: the default group, without an assignee when it has no second-line staff")
    void defaultGroup() {
        Request r = redirectUnnamed(fx.draft().newRequest(true).system(null).priority(Priority.NORMAL).build());
        assertEquals(Optional.of(GENERAL), r.group());
        assertEquals(Optional.empty(), r.assignee());
        RequestEvent.Routed routed = routed(r);
        assertEquals("supportkit.routing.default-group", routed.rule());
        assertNull(routed.assignee());
    }

    @Test
    @DisplayName("inside the group the specialist with the fewest open requests is chosen, skipping other roles")
    void leastLoaded() {
        SpecialistId galina = SpecialistId.of("spc-galina");
        SpecialistId viktor = SpecialistId.of("spc-viktor");
        Request first = redirectUnnamed(fx.draft().newRequest(true).build());
        assertEquals(Optional.of(galina), first.assignee(), "tie at 0: lowest id among second-line staff");
        Request second = redirectUnnamed(fx.draft().newRequest(true).build());
        assertEquals(Optional.of(viktor), second.assignee());
        assertEquals(0, routed(second).workload());
        Request third = redirectUnnamed(fx.draft().newRequest(true).build());
        assertEquals(Optional.of(galina), third.assignee());
        assertEquals(1, routed(third).workload());
        // a resolved request no longer counts: galina 2 -> 1 open, viktor 1 open; tie again -> galina
        fx.engine.resolution().resolve(fx.groupLead, first.ref(),
                dev.supportkit.api.request.ResolutionReport.of("Restarted", "Hung"));
        fx.engine.resolution().resolve(fx.groupLead, third.ref(),
                dev.supportkit.api.request.ResolutionReport.of("Restarted", "Hung"));
        Request fourth = redirectUnnamed(fx.draft().newRequest(true).build());
        assertEquals(Optional.of(galina), fourth.assignee());
        assertEquals(0, routed(fourth).workload());
    }

    @Test
    @DisplayName("a lead naming a group or assignee overrides the rules; nothing is routed")
    void leadOverride() {
        Request r = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        Request redirected = fx.engine.escalation().redirect(fx.intakeLead, r.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, NETWORK, SpecialistId.of("spc-net")), "network fault");
        assertEquals(Optional.of(NETWORK), redirected.group());
        assertEquals(Optional.of(SpecialistId.of("spc-net")), redirected.assignee());
        assertFalse(fx.engine.journal().entries(fx.auditor, r.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.Routed));

        // the network engineer it was given to sends it back (the telephony lead may not: not their group)
        Actor net = Actor.staff("spc-net", "Network engineer", Role.SECOND_LINE_ENGINEER, fx.tenant);
        Request back = fx.engine.escalation().redirect(net, redirected.ref(), RedirectTarget.intakeLead(), "back");
        Request named = fx.engine.escalation().redirect(fx.intakeLead, back.ref(),
                new RedirectTarget(SupportLine.SECOND_LINE, null, SpecialistId.of("spc-crit")), "critical engineer");
        assertEquals(Optional.of(SpecialistId.of("spc-crit")), named.assignee());
        assertEquals(Optional.empty(), named.group(), "naming only an assignee is honoured as given");
    }

    @Test
    @DisplayName("a rule naming a group that does not exist fails the redirect, naming the field and the rule")
    void missingGroup() {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).priority(Priority.LOW).build());
        Request working = fx.engine.intake().takeIntoWork(fx.operator, r.ref());
        ValidationException e = assertThrows(ValidationException.class, () -> fx.engine.escalation().redirect(
                fx.operator, working.ref(), new RedirectTarget(SupportLine.SECOND_LINE, null, null), "hw"));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("redirect.target.group", e.errors().get(0).field());
        assertTrue(e.errors().get(0).message().contains("supportkit.routing.rules.2"), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("grp-ghost"), e.getMessage());
        assertEquals(working, fx.engine.quality().request(fx.auditor, r.id()));
    }

    @Test
    @DisplayName("every bad routing key is reported together when the engine is built")
    void badConfiguration() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> builder()
                .set("supportkit.routing.rules.1.colour", "blue")
                .set("supportkit.routing.rules.2.organization", "org-romashka")
                .set("supportkit.routing.rules.3.priority", "urgent")
                .set("supportkit.routing.rules.3.group", "grp-telephony")
                .set("supportkit.routing.rules.x.group", "grp-telephony")
                .set("supportkit.routing.rules.0.group", "grp-telephony")
                .set("supportkit.routing.fallback", "grp-general")
                .build());
        String all = error.getMessage();
        assertEquals(6, error.problems().size(), all);
        assertTrue(all.contains("supportkit.routing.rules.1.colour: unknown routing key"), all);
        assertTrue(all.contains("supportkit.routing.rules.2.group: is required"), all);
        assertTrue(all.contains("supportkit.routing.rules.3.priority: 'urgent' is not a priority"), all);
        assertTrue(all.contains("supportkit.routing.rules.x.group: unknown routing key"), all);
        assertTrue(all.contains("supportkit.routing.rules.0.group: unknown routing key"), all);
        assertTrue(all.contains("supportkit.routing.fallback: unknown routing key"), all);
    }

    @Test
    @DisplayName("rules read from YAML as numbered maps (the number quoted: YAML integer keys do not parse)")
    void yaml(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.yaml"), """
                supportkit:
                  jobs:
                    poll-interval-ms: 0
                  routing:
                    default-group: grp-general
                    rules:
                      "1":
                        organization: org-vasilek
                        group: grp-network
                """);
        SettingsLoader.Result loaded = SettingsLoader.load(Optional.of(file), Map.of(), Map.of());
        assertEquals(List.of(), loaded.problems());
        RoutingSettings routing = loaded.settings().routing();
        assertEquals(Optional.of(GENERAL), routing.defaultGroup());
        assertEquals(1, routing.rules().size());
        assertEquals(NETWORK, routing.rules().get(0).group());
        assertTrue(routing.rules().get(0).matches("org-vasilek", null, Priority.NORMAL, null));
        assertFalse(routing.rules().get(0).matches("org-romashka", null, Priority.NORMAL, null));
    }
}
