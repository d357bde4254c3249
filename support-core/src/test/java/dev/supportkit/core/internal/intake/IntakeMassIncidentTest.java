package dev.supportkit.core.internal.intake;

import static dev.supportkit.core.internal.intake.IntakeSamples.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.intake.IncidentScope;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import dev.supportkit.spi.notification.Notification;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Mass incidents (A/01.3): N requests about one system model, site or service within the window make an
 * incident; its requests are linked and the intake lead told; later requests are linked while it is open;
 * resolving it resolves every linked request still open and informs each customer.
 */
class IntakeMassIncidentTest {
    private static final OrganizationId LILIA = OrganizationId.of("org-lilia");
    private static final RepresentativeId LILIA_REP = RepresentativeId.of("rep-lilia");
    private static final SystemId LILIA_PBX = SystemId.of("sys-lilia-pbx");
    private static final SystemId VASILEK_PBX = SystemId.of("sys-vasilek-pbx");
    private static final SystemId SWITCHES = SystemId.of("sys-switches");
    private static final SiteId BRANCH = SiteId.of("site-branch");

    private final ScriptedChannelFactory email = new ScriptedChannelFactory("scripted-email", Channel.EMAIL);
    private EngineFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    /** A fixture detecting {@code threshold} requests within 30 minutes in the given scopes. */
    private EngineFixture fixture(int threshold, String scopes) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "supportkit.intake.mass-incident.threshold", Integer.toString(threshold),
                "supportkit.intake.mass-incident.window", "PT30M",
                "supportkit.sla.default-policy", "standard"));
        if (scopes != null) {
            settings.put("supportkit.intake.mass-incident.scopes", scopes);
        }
        fx = new EngineFixture(settings, builder -> builder.notificationChannel(email));
        var dir = fx.engine.directory();
        dir.saveOrganization(fx.admin, new Organization(LILIA, "Lilia LLC", null));
        dir.saveRepresentative(fx.admin, new Representative(LILIA_REP, LILIA, "Lidia Orlova", "lidia@lilia.example",
                null, false));
        dir.saveSystem(fx.admin, new SupportedSystem(LILIA_PBX, LILIA, "PBX", "Nordtel", "NT-PBX 300", false,
                List.of()));
        dir.saveSystem(fx.admin, new SupportedSystem(VASILEK_PBX, fx.otherOrg, "PBX", "Nordtel", "nt-pbx 300", false,
                List.of()));
        dir.saveSite(fx.admin, new Site(BRANCH, fx.org, "Branch", "Moscow, Lesnaya 3"));
        dir.saveSystem(fx.admin, new SupportedSystem(SWITCHES, fx.org, "Switches", "Netgear", "SW-48", false, List.of(
                new SystemComponent(ComponentId.of("cmp-sw-hq"), ComponentKind.HARDWARE, "SW-48", "1", fx.site),
                new SystemComponent(ComponentId.of("cmp-sw-branch"), ComponentKind.HARDWARE, "SW-48", "2", BRANCH))));
        return fx;
    }

    private Request fromRomashka() {
        return fx.registered(fx.draft());
    }

    private Request fromVasilek() {
        return fx.registered(fx.draft().organization(fx.otherOrg).representative(fx.otherOrgRep).system(VASILEK_PBX));
    }

    private Request fromLilia() {
        return fx.registered(fx.draft().organization(LILIA).representative(LILIA_REP).system(LILIA_PBX));
    }

    private Request read(Request r) {
        return fx.engine.quality().request(fx.auditor, r.id());
    }

    private List<JournalEntry> journal(Request r) {
        return fx.engine.journal().entries(fx.auditor, r.id());
    }

    private List<Delivery> deliveries(Request r, String topic) {
        return fx.engine.quality().deliveries(fx.auditor, r.id()).stream().filter(d -> d.topic().equals(topic))
                .toList();
    }

    @Test
    @DisplayName("the third request about one model within the window makes an incident linking all three")
    void threshold() {
        fixture(3, "system-model");
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences("spc-boris",
                List.of(new ContactPoint(Channel.EMAIL, "boris@support.example")), null, Locale.ENGLISH));
        Request first = fromRomashka();
        Request second = fromVasilek();
        assertEquals(List.of(), fx.engine.intake().massIncidents(fx.intakeLead, false), "two are not enough");
        assertEquals(Optional.empty(), read(first).intake().incident());

        Request third = fromLilia();

        IncidentId id = third.intake().incident().orElseThrow();
        MassIncident incident = fx.engine.intake().massIncident(fx.operator, id);
        assertEquals(IncidentScope.SYSTEM_MODEL, incident.scope());
        assertEquals("NT-PBX 300", incident.scopeValue());
        assertEquals("Mass incident: system model NT-PBX 300", incident.title());
        assertTrue(incident.open());
        assertEquals(third.registeredAt(), incident.detectedAt());
        assertEquals(List.of(first.id(), second.id(), third.id()), incident.requests());
        assertEquals(1, incident.version());
        assertEquals(List.of(incident), fx.engine.intake().massIncidents(fx.auditor, true));

        assertEquals(1, third.version(), "the request that reached the threshold is registered linked");
        for (Request earlier : List.of(first, second)) {
            Request now = read(earlier);
            assertEquals(Optional.of(id), now.intake().incident());
            assertEquals(earlier.version() + 1, now.version(), "linking is a change of the request");
            JournalEntry linked = journal(now).get(journal(now).size() - 1);
            assertEquals(new RequestEvent.LinkedToIncident(id, "SYSTEM_MODEL", "NT-PBX 300"), linked.event());
            assertEquals(LaborFunction.A_01_3, linked.function());
            assertEquals(Visibility.INTERNAL, linked.visibility());
            assertEquals(Actor.system(fx.tenant).id(), linked.actorId());
            assertTrue(fx.engine.journal().verify(fx.auditor, now.id()).intact(), "the hash chain holds");
        }
        assertTrue(journal(third).stream().anyMatch(e -> e.event() instanceof RequestEvent.LinkedToIncident));

        assertEquals(List.of("spc-boris"), deliveries(third, "incident.detected").stream().map(Delivery::recipient)
                .toList(), "the intake lead is told once");
        fx.engine.runDueWork();
        Notification told = email.received.stream().filter(n -> n.address().equals("boris@support.example"))
                .findFirst().orElseThrow();
        assertEquals("Mass incident: system model NT-PBX 300", told.subject());
        assertTrue(told.body().contains("3 requests") && told.body().contains(id.value()), told.body());
    }

    @Test
    @DisplayName("requests older than the window do not count")
    void window() {
        fixture(3, "system-model");
        Request first = fromRomashka();
        fx.clock.advance(Duration.ofMinutes(30));
        Request second = fromVasilek();
        Request third = fromLilia();
        assertEquals(Optional.empty(), third.intake().incident(), "the first one is 31 minutes old");

        Request fourth = fx.registered(fx.draft().newRequest(true));
        MassIncident incident = fx.engine.intake().massIncident(fx.intakeLead, fourth.intake().incident()
                .orElseThrow());
        assertEquals(List.of(second.id(), third.id(), fourth.id()), incident.requests());
        assertEquals(Optional.empty(), read(first).intake().incident());
    }

    @Test
    @DisplayName("site scope: the site of the equipment picked in the answers, else the one site of the system")
    void siteScope() {
        fixture(2, "site");
        fx.engine.intake().defineQuestionnaire(fx.admin, new Questionnaire(QuestionnaireId.of("q-switches"), 1,
                "Switches", Optional.of("SW-48"), Optional.empty(), "Network department", LocalDate.of(2026, 3, 1),
                List.of(Question.of("device", "Which switch?", QuestionType.EQUIPMENT, false))));
        Request pbx = fromRomashka();
        Request noDevice = fx.registered(fx.draft().system(SWITCHES));
        Request branch = fx.registered(fx.draft().system(SWITCHES).answer("device", "cmp-sw-branch"));
        assertEquals(List.of(), fx.engine.intake().massIncidents(fx.auditor, false),
                "the switches are at two sites; the branch switch is at another site than the PBX");

        Request hq = fx.registered(fx.draft().system(SWITCHES).answer("device", "cmp-sw-hq"));

        MassIncident incident = fx.engine.intake().massIncident(fx.auditor, hq.intake().incident().orElseThrow());
        assertEquals(IncidentScope.SITE, incident.scope());
        assertEquals("site-hq", incident.scopeValue());
        assertEquals("Mass incident: site Head office (site-hq)", incident.title());
        assertEquals(List.of(pbx.id(), hq.id()), incident.requests());
        assertEquals(Optional.empty(), read(noDevice).intake().incident());
        assertEquals(Optional.empty(), read(branch).intake().incident());
    }

    @Test
    @DisplayName("service scope: the problem category, ignoring case, across customers and systems")
    void serviceScope() {
        fixture(2, "service");
        Request ours = fx.registered(fx.draft().category("Telephony/No-Calls"));
        fx.registered(fx.draft().category("printing"));
        Request theirs = fx.registered(fx.draft().organization(fx.otherOrg).representative(fx.otherOrgRep)
                .system(null).category("telephony/no-calls"));
        MassIncident incident = fx.engine.intake().massIncident(fx.auditor, theirs.intake().incident().orElseThrow());
        assertEquals(IncidentScope.SERVICE, incident.scope());
        assertEquals("Mass incident: service telephony/no-calls", incident.title());
        assertEquals(List.of(ours.id(), theirs.id()), incident.requests());
    }

    @Test
    @DisplayName("later requests are linked while the incident is open; after it is resolved counting starts afresh")
    void laterRequestsLinked() {
        fixture(2, null);
        fromRomashka();
        Request second = fromVasilek();
        MassIncident detected = fx.engine.intake().massIncident(fx.auditor, second.intake().incident().orElseThrow());

        Request later = fromLilia();
        assertEquals(Optional.of(detected.id()), later.intake().incident());
        assertEquals(1, later.version());
        MassIncident grown = fx.engine.intake().massIncident(fx.auditor, detected.id());
        assertEquals(2, grown.version());
        assertEquals(3, grown.requests().size());
        assertEquals(List.of(), deliveries(later, "incident.detected"), "no second detection message");

        fx.engine.intake().resolveMassIncident(fx.intakeLead, grown.id(), grown.version(), "Exchange restarted");
        Request afterwards = fromLilia();
        assertEquals(Optional.empty(), afterwards.intake().incident());
        Request pair = fromVasilek();
        IncidentId next = pair.intake().incident().orElseThrow();
        assertFalse(next.equals(detected.id()), "a new incident");
    }

    @Test
    @DisplayName("an attached contact is not a new request and does not count")
    void attachedContactsDoNotCount() {
        fixture(2, "system-model");
        Request open = fx.engine.intake().registerContact(fx.operator, fx.draft().build());
        Request again = fx.engine.intake().registerContact(fx.operator, fx.draft().text("Calling again").build());
        assertEquals(open.id(), again.id());
        assertEquals(List.of(), fx.engine.intake().massIncidents(fx.auditor, false));
    }

    @Test
    @DisplayName("resolving the incident resolves each open linked request, meets its deadlines and tells its customer")
    void resolveCascades() {
        fixture(3, "service");
        ContactDraft.Builder outage = fx.draft().category("power");
        Request registered = fx.registered(outage);
        Request working = fx.registered(fx.draft().category("power"));
        Request waiting = fx.registered(fx.draft().category("power"));
        MassIncident incident = fx.engine.intake().massIncident(fx.intakeLead, waiting.intake().incident()
                .orElseThrow());
        registered = read(registered);
        working = fx.engine.intake().takeIntoWork(fx.operator, read(working).ref());
        working = fx.engine.escalation().redirect(fx.operator, working.ref(),
                dev.supportkit.api.escalation.RedirectTarget.secondLine(fx.telephony), "power supply");
        waiting = fx.engine.intake().takeIntoWork(fx.operator, read(waiting).ref());
        waiting = fx.engine.resolution().requestClarification(fx.operator, waiting.ref(), "Is the UPS on?");
        Request resolved = fx.registered(fx.draft().category("power"));
        resolved = fx.engine.intake().takeIntoWork(fx.operator, resolved.ref());
        resolved = fx.engine.resolution().resolve(fx.operator, resolved.ref(), ResolutionReport.of("Reset", "Fuse"));
        incident = fx.engine.intake().massIncident(fx.intakeLead, incident.id());
        assertEquals(4, incident.requests().size());
        fx.clock.advance(Duration.ofMinutes(5));

        MassIncident done = fx.engine.intake().resolveMassIncident(fx.groupLead, incident.id(), incident.version(),
                "  Power restored at the substation  ");

        assertFalse(done.open());
        assertEquals(Optional.of("Power restored at the substation"), done.resolution());
        assertEquals(Optional.of(fx.clock.instant()), done.resolvedAt());
        assertEquals(incident.version() + 1, done.version());
        assertEquals(done, fx.engine.intake().massIncident(fx.auditor, incident.id()));
        assertEquals(List.of(), fx.engine.intake().massIncidents(fx.auditor, true));
        assertEquals(List.of(done), fx.engine.intake().massIncidents(fx.auditor, false));

        for (Request before : List.of(registered, working, waiting)) {
            Request after = read(before);
            assertEquals(RequestStatus.RESOLVED, after.status(), before.status() + " → RESOLVED");
            assertEquals(before.version() + 1, after.version());
            assertEquals(Optional.of(ResolutionReport.of("Power restored at the substation",
                    "Mass incident: service power")), after.resolution());
            JournalEntry entry = journal(after).get(journal(after).size() - 1);
            assertEquals(new RequestEvent.ResolvedWithIncident(incident.id(), "Power restored at the substation"),
                    entry.event());
            assertEquals(LaborFunction.B_02_6, entry.function());
            assertEquals(Visibility.CUSTOMER_VISIBLE, entry.visibility());
            assertEquals(fx.groupLead.id(), entry.actorId());
            assertEquals(DeadlineState.MET, after.deadline(DeadlineKind.RESOLUTION).orElseThrow().state(),
                    "the resolution deadline is met as on a normal resolve");
            assertEquals(1, deliveries(after, "request.resolved").size(), "the customer is told");
        }
        assertEquals(resolved, read(resolved), "an already resolved request is left alone");
        Request signedOff = fx.engine.resolution().signOff(fx.customer, read(registered).ref(), "Works");
        assertEquals(RequestStatus.SIGNED_OFF, signedOff.status());
    }

    @Test
    @DisplayName("a stale version, a second resolution, an unknown incident and a blank resolution change nothing")
    void refusals() {
        fixture(2, "system-model");
        fromRomashka();
        Request second = fromVasilek();
        MassIncident read = fx.engine.intake().massIncident(fx.intakeLead, second.intake().incident().orElseThrow());
        fromLilia();

        assertThrows(ConcurrencyConflictException.class, () -> fx.engine.intake().resolveMassIncident(fx.intakeLead,
                read.id(), read.version(), "Restarted"), "a request was linked since it was read");
        MassIncident current = fx.engine.intake().massIncident(fx.intakeLead, read.id());
        assertTrue(current.open());
        assertEquals(RequestStatus.REGISTERED, read(second).status());
        assertRejected(() -> fx.engine.intake().resolveMassIncident(fx.intakeLead, read.id(), current.version(), " "),
                "incident.resolution required");
        assertThrows(NotFoundException.class, () -> fx.engine.intake().resolveMassIncident(fx.intakeLead,
                IncidentId.of("inc-none"), 1, "Restarted"));
        assertThrows(NotFoundException.class, () -> fx.engine.intake().massIncident(fx.auditor,
                IncidentId.of("inc-none")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.intake().resolveMassIncident(fx.operator,
                read.id(), current.version(), "Restarted"));
        assertThrows(AccessDeniedException.class, () -> fx.engine.intake().massIncidents(fx.customer, false));
        assertEquals(current, fx.engine.intake().massIncident(fx.intakeLead, read.id()));

        MassIncident done = fx.engine.intake().resolveMassIncident(fx.intakeLead, read.id(), current.version(),
                "Restarted");
        assertThrows(InvalidTransitionException.class, () -> fx.engine.intake().resolveMassIncident(fx.intakeLead,
                read.id(), done.version(), "Again"));
        assertEquals(done, fx.engine.intake().massIncident(fx.intakeLead, read.id()));
    }

    @Test
    @DisplayName("another tenant sees none of the incidents, and its requests do not count")
    void tenantIsolation() {
        fixture(2, "system-model");
        EngineFixture other = new EngineFixture(dev.supportkit.api.TenantId.of("other"), fx.engine);
        fromRomashka();
        other.registered();
        assertEquals(List.of(), fx.engine.intake().massIncidents(fx.auditor, false), "one request in each tenant");
        Request second = fromVasilek();
        IncidentId id = second.intake().incident().orElseThrow();
        assertEquals(List.of(), other.engine.intake().massIncidents(other.auditor, false));
        assertThrows(NotFoundException.class, () -> other.engine.intake().massIncident(other.auditor, id));
        MassIncident incident = fx.engine.intake().massIncident(fx.auditor, id);
        assertThrows(NotFoundException.class, () -> other.engine.intake().resolveMassIncident(other.intakeLead, id,
                incident.version(), "Restarted"));
        assertTrue(fx.engine.intake().massIncident(fx.auditor, id).open());
    }

    @Test
    @DisplayName("incidents are listed newest first")
    void listing() {
        fixture(2, "service");
        fx.registered(fx.draft().category("a"));
        Request a = fx.registered(fx.draft().category("a"));
        fx.registered(fx.draft().category("b"));
        Request b = fx.registered(fx.draft().category("b"));
        assertEquals(List.of(b.intake().incident().orElseThrow(), a.intake().incident().orElseThrow()),
                fx.engine.intake().massIncidents(fx.operator, true).stream().map(MassIncident::id).toList());
    }

    @Test
    @DisplayName("bad detection settings are configuration problems, all reported at once")
    void badSettings() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .environment(Map.of()).set("supportkit.intake.mass-incident.threshold", "1")
                .set("supportkit.intake.mass-incident.window", "half an hour")
                .set("supportkit.intake.mass-incident.scopes", "system-model, building").build());
        String all = String.join("\n", error.problems());
        for (String expected : List.of("supportkit.intake.mass-incident.threshold: must be a whole number of at least 2",
                "supportkit.intake.mass-incident.window: 'half an hour' is not a duration",
                "supportkit.intake.mass-incident.scopes: 'building' is not a scope")) {
            assertTrue(all.contains(expected), expected + " in\n" + all);
        }
        ConfigurationException withoutThreshold = assertThrows(ConfigurationException.class, () -> SupportEngine
                .builder().environment(Map.of()).set("supportkit.intake.mass-incident.window", "PT30M").build());
        assertTrue(withoutThreshold.problems().get(0).startsWith("supportkit.intake.mass-incident.threshold: is "
                + "required"), withoutThreshold.getMessage());
    }
}
