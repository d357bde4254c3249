package dev.supportkit.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
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
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two tenants in one engine: "acme" (A) and "globex" (B), seeded with the same directory ids. Nothing
 * an actor of B reads contains A's data, and nothing an actor of B does touches A. Within one tenant, a
 * customer representative sees only their own organisation's requests and only customer-visible
 * journal entries.
 */
class TenantIsolationTest {

    private EngineFixture a;
    private EngineFixture b;

    @BeforeEach
    void start() {
        a = new EngineFixture();
        b = new EngineFixture(TenantId.of("globex"), a.engine);
    }

    @AfterEach
    void stop() {
        a.close();
    }

    /** A's request with its journal, contacts and snapshot, to compare before and after. */
    private List<Object> stateOf(RequestId id) {
        return List.of(a.engine.quality().request(a.auditor, id), a.engine.journal().entries(a.auditor, id),
                a.engine.intake().contacts(a.auditor, id), a.engine.journal().verify(a.auditor, id),
                a.engine.reports().statusSummary(a.auditor).counts());
    }

    /** A request of B's own, registered through B's operator. */
    private Request registeredInB() {
        a.clock.advance(Duration.ofMinutes(1));
        return b.engine.intake().registerContact(b.operator, b.draft().newRequest(true).build());
    }

    private static Set<RequestId> ids(List<Request> requests) {
        return requests.stream().map(Request::id).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------------------------------------
    // Reads across tenants

    @ParameterizedTest(name = "{0} of globex")
    @EnumSource(value = Role.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("direct reads of another tenant's request id answer NotFoundException, for every role")
    void directReadsOfAnotherTenantsRequestAreNotFound(Role role) {
        Request ofA = a.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Actor actor = b.actor(role);

        assertThrows(NotFoundException.class, () -> b.engine.quality().request(actor, ofA.id()));
        assertThrows(NotFoundException.class, () -> b.engine.intake().contacts(actor, ofA.id()));
        assertThrows(NotFoundException.class, () -> b.engine.journal().entries(actor, ofA.id()));
        if (Set.of(Role.INTAKE_LEAD, Role.GROUP_LEAD, Role.AUDITOR, Role.ADMINISTRATOR).contains(role)) {
            assertThrows(NotFoundException.class, () -> b.engine.journal().verify(actor, ofA.id()));
        }
        // the same reads in A find it, so the id really exists
        assertEquals(ofA, a.engine.quality().request(a.actor(role), ofA.id()));
    }

    @ParameterizedTest(name = "{0} of globex")
    @EnumSource(value = Role.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("request lists of a tenant contain only its own requests, whatever the query names")
    void listsContainOnlyOwnTenantsRequests(Role role) {
        Request a1 = a.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        Request a2 = a.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request b1 = registeredInB();
        Actor actor = b.actor(role);

        List<Request> all = b.engine.quality().requests(actor, RequestQuery.all());
        List<Request> sameOrgId = b.engine.quality().requests(actor, RequestQuery.builder().organization(b.org).build());
        List<Request> byStatus = b.engine.quality().requests(actor, RequestQuery.builder()
                .status(RequestStatus.REGISTERED, RequestStatus.AT_SECOND_LINE).build());

        assertEquals(Set.of(b1.id()), ids(all));
        assertEquals(Set.of(b1.id()), ids(sameOrgId));
        assertEquals(Set.of(b1.id()), ids(byStatus));
        for (Request r : all) {
            assertEquals(b.tenant, r.tenant());
        }
        assertTrue(ids(a.engine.quality().requests(a.actor(role), RequestQuery.all()))
                .containsAll(Set.of(a1.id(), a2.id())), "A's actor sees A's requests");
        assertFalse(ids(a.engine.quality().requests(a.actor(role), RequestQuery.all())).contains(b1.id()),
                "and A's actor does not see B's");
    }

    @Test
    @DisplayName("a status summary counts only the tenant's own requests")
    void reportCountsOnlyOwnTenant() {
        a.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        a.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        a.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        registeredInB();
        registeredInB();

        Map<RequestStatus, Long> expectedB = zeros();
        expectedB.put(RequestStatus.REGISTERED, 2L);
        Map<RequestStatus, Long> expectedA = zeros();
        expectedA.put(RequestStatus.REGISTERED, 1L);
        expectedA.put(RequestStatus.AT_SECOND_LINE, 1L);
        expectedA.put(RequestStatus.CLOSED, 1L);

        for (Actor reader : List.of(b.intakeLead, b.groupLead, b.auditor)) {
            assertEquals(expectedB, b.engine.reports().statusSummary(reader).counts(), reader.role().name());
            assertEquals(2, b.engine.reports().statusSummary(reader).total());
        }
        assertEquals(expectedA, a.engine.reports().statusSummary(a.auditor).counts());
    }

    private static Map<RequestStatus, Long> zeros() {
        Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            counts.put(s, 0L);
        }
        return counts;
    }

    @ParameterizedTest(name = "{0} of globex")
    @EnumSource(value = Role.class, names = "SYSTEM", mode = EnumSource.Mode.EXCLUDE)
    @DisplayName("directory reads of a tenant show only its own entries")
    void directoryReadsShowOnlyOwnTenant(Role role) {
        OrganizationId acmeOnly = OrganizationId.of("org-acme-only");
        var dirA = a.engine.directory();
        dirA.saveOrganization(a.admin, new Organization(a.org, "Romashka LLC (acme's copy)", "7700000000"));
        dirA.saveOrganization(a.admin, new Organization(acmeOnly, "Acme-only Customer", null));
        dirA.saveRepresentative(a.admin, new Representative(RepresentativeId.of("rep-acme-only"), a.org,
                "Acme Only", "only@romashka.example", null, false));
        dirA.saveSite(a.admin, new Site(SiteId.of("site-acme-only"), a.org, "Acme-only site", "Moscow, Arbat 2"));
        dirA.saveSystem(a.admin, new SupportedSystem(SystemId.of("sys-acme-only"), a.org, "Acme-only system",
                "Vendor", "M-1", false, List.of(new SystemComponent(ComponentId.of("cmp-acme-only"),
                ComponentKind.SOFTWARE, "App", null, SiteId.of("site-acme-only")))));
        dirA.saveGroup(a.admin, new SupportGroup(GroupId.of("grp-acme-only"), "Acme-only group",
                SupportLine.SECOND_LINE));
        dirA.saveSpecialist(a.admin, new Specialist(SpecialistId.of("spc-acme-only"), "Acme Only",
                Role.SECOND_LINE_ENGINEER, GroupId.of("grp-acme-only")));

        Actor actor = b.actor(role);
        var dirB = b.engine.directory();

        assertEquals(new Organization(b.org, "Romashka LLC", "7701234567"), dirB.organization(actor, b.org));
        assertThrows(NotFoundException.class, () -> dirB.organization(actor, acmeOnly));
        assertEquals(List.of(b.rep), dirB.representatives(actor, b.org).stream().map(Representative::id).toList());
        assertEquals(List.of(b.site), dirB.sites(actor, b.org).stream().map(Site::id).toList());
        assertEquals(List.of(b.system), dirB.systems(actor, b.org).stream().map(SupportedSystem::id).toList());
        if (role != Role.CUSTOMER_REPRESENTATIVE) {
            assertEquals(List.of(b.intakeGroup, b.telephony),
                    dirB.groups(actor).stream().map(SupportGroup::id).toList());
            assertEquals(List.of("spc-anna", "spc-boris", "spc-galina", "spc-viktor"),
                    dirB.specialists(actor).stream().map(s -> s.id().value()).toList());
        }
        // A's own reads do show A's additions, so they really exist
        assertEquals("Romashka LLC (acme's copy)", dirA.organization(a.admin, a.org).name());
        assertEquals(3, dirA.groups(a.admin).size());
    }

    // ---------------------------------------------------------------------------------------------
    // Commands across tenants

    /** A command of B on A's request, needing A's request in a given state. */
    record CrossCall(String name, RequestStatus status, SupportLine line, Role role,
                     BiFunction<EngineFixture, Request, Object> call) {
        @Override
        public String toString() {
            return name + " by " + role;
        }
    }

    static Stream<CrossCall> commandsOnAnotherTenantsRequest() {
        VisitPurpose repair = VisitPurpose.REPAIR;
        return Stream.of(
                new CrossCall("intake.takeIntoWork", RequestStatus.REGISTERED, SupportLine.FIRST_LINE,
                        Role.FIRST_LINE_OPERATOR, (fx, r) -> fx.engine.intake().takeIntoWork(fx.operator, r.ref())),
                new CrossCall("intake.provideClarification", RequestStatus.WAITING_FOR_CUSTOMER, SupportLine.FIRST_LINE,
                        Role.CUSTOMER_REPRESENTATIVE, (fx, r) -> fx.engine.intake().provideClarification(fx.customer,
                        r.ref(), Channel.EMAIL, "Extension 204")),
                new CrossCall("intake.provideClarification", RequestStatus.WAITING_FOR_CUSTOMER, SupportLine.FIRST_LINE,
                        Role.FIRST_LINE_OPERATOR, (fx, r) -> fx.engine.intake().provideClarification(fx.operator,
                        r.ref(), Channel.PHONE, "Extension 204")),
                new CrossCall("consulting.recordConsultation", RequestStatus.IN_PROGRESS_FIRST_LINE,
                        SupportLine.FIRST_LINE, Role.FIRST_LINE_OPERATOR,
                        (fx, r) -> fx.engine.consulting().recordConsultation(fx.operator, r.ref(), "Restart it", true)),
                new CrossCall("escalation.redirect", RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE,
                        Role.FIRST_LINE_OPERATOR, (fx, r) -> fx.engine.escalation().redirect(fx.operator, r.ref(),
                        RedirectTarget.secondLine(fx.telephony), "hardware")),
                new CrossCall("scheduling.scheduleVisit", RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE,
                        Role.SECOND_LINE_ENGINEER, (fx, r) -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                        new VisitPlan(fx.site, r.updatedAt().plus(Duration.ofDays(1)),
                                r.updatedAt().plus(Duration.ofDays(1).plusHours(2)), repair, null))),
                new CrossCall("resolution.requestClarification", RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE,
                        Role.SECOND_LINE_ENGINEER,
                        (fx, r) -> fx.engine.resolution().requestClarification(fx.engineer, r.ref(), "Which one?")),
                new CrossCall("resolution.resolve", RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE,
                        Role.GROUP_LEAD, (fx, r) -> fx.engine.resolution().resolve(fx.groupLead, r.ref(),
                        ResolutionReport.of("Replaced", "Broken"))),
                new CrossCall("resolution.signOff", RequestStatus.RESOLVED, SupportLine.SECOND_LINE,
                        Role.CUSTOMER_REPRESENTATIVE, (fx, r) -> fx.engine.resolution().signOff(fx.customer, r.ref(),
                        "ok")),
                new CrossCall("resolution.reopen", RequestStatus.RESOLVED, SupportLine.SECOND_LINE,
                        Role.CUSTOMER_REPRESENTATIVE, (fx, r) -> fx.engine.resolution().reopen(fx.customer, r.ref(),
                        "still broken")),
                new CrossCall("quality.close", RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE, Role.INTAKE_LEAD,
                        (fx, r) -> fx.engine.quality().close(fx.intakeLead, r.ref(), "done")),
                new CrossCall("quality.close", RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE, Role.GROUP_LEAD,
                        (fx, r) -> fx.engine.quality().close(fx.groupLead, r.ref(), "done")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandsOnAnotherTenantsRequest")
    @DisplayName("a command by another tenant's actor on a request id fails with NotFoundException and changes nothing")
    void commandsOnAnotherTenantsRequestAreNotFound(CrossCall call) {
        Request ofA = a.requestIn(call.status(), call.line());
        List<Object> before = stateOf(ofA.id());

        assertThrows(NotFoundException.class, () -> call.call().apply(b, ofA));

        assertEquals(before, stateOf(ofA.id()), "A's request must be untouched");
        assertEquals(0, b.engine.reports().statusSummary(b.auditor).total(), "nothing appeared in B either");
        // control: the same call made inside A goes through
        Object done = call.call().apply(a, ofA);
        assertEquals(ofA.version() + 1, ((Request) done).version());
    }

    @Test
    @DisplayName("attaching a contact to another tenant's request is refused as if the request did not exist")
    void attachToAnotherTenantsRequest() {
        Request ofA = a.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        List<Object> before = stateOf(ofA.id());

        ValidationException error = assertThrows(ValidationException.class, () -> b.engine.intake()
                .registerContact(b.operator, b.draft().subject(null).text("Calling again").attachTo(ofA.id()).build()));

        assertEquals(List.of("contact.attachTo exists"),
                error.errors().stream().map(e -> e.field() + " " + e.rule()).toList());
        assertEquals(before, stateOf(ofA.id()));
        assertEquals(0, b.engine.reports().statusSummary(b.auditor).total());
    }

    @Test
    @DisplayName("the same directory ids resolve to each tenant's own entries when registering")
    void registrationUsesOwnTenantsDirectory() {
        a.engine.directory().saveRepresentative(a.admin, new Representative(RepresentativeId.of("rep-acme-only"),
                a.org, "Acme Only", "only@romashka.example", null, false));

        ValidationException error = assertThrows(ValidationException.class, () -> b.engine.intake()
                .registerContact(b.operator, b.draft().representative(RepresentativeId.of("rep-acme-only")).build()));

        assertEquals(List.of("contact.representative belongs-to-organization"),
                error.errors().stream().map(e -> e.field() + " " + e.rule()).toList());
        assertEquals(0, b.engine.reports().statusSummary(b.auditor).total());
    }

    // ---------------------------------------------------------------------------------------------
    // Customer organisations within one tenant

    @Test
    @DisplayName("another organisation's representative cannot read the request directly")
    void otherCustomerCannotReadTheRequest() {
        Request r = a.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);

        assertThrows(NotFoundException.class, () -> a.engine.quality().request(a.otherCustomer, r.id()));
        assertThrows(NotFoundException.class, () -> a.engine.intake().contacts(a.otherCustomer, r.id()));
        assertThrows(NotFoundException.class, () -> a.engine.journal().entries(a.otherCustomer, r.id()));
        // control: the request's own customer reads it
        assertEquals(r, a.engine.quality().request(a.customer, r.id()));
        assertEquals(1, a.engine.intake().contacts(a.customer, r.id()).size());
    }

    @Test
    @DisplayName("another organisation's representative never finds the request in a list")
    void otherCustomerListsExcludeTheRequest() {
        Request mine = a.requestIn(RequestStatus.REGISTERED, SupportLine.FIRST_LINE);
        a.clock.advance(Duration.ofMinutes(1));
        Request theirs = a.engine.intake().registerContact(a.otherCustomer, a.draft().organization(a.otherOrg)
                .representative(a.otherOrgRep).system(null).build());

        assertEquals(Set.of(theirs.id()), ids(a.engine.quality().requests(a.otherCustomer, RequestQuery.all())));
        assertEquals(Set.of(), ids(a.engine.quality().requests(a.otherCustomer,
                RequestQuery.builder().organization(a.org).build())));
        assertEquals(Set.of(theirs.id()), ids(a.engine.quality().requests(a.otherCustomer,
                RequestQuery.builder().organization(a.otherOrg).build())));
        assertEquals(Set.of(mine.id()), ids(a.engine.quality().requests(a.customer, RequestQuery.all())));
        assertEquals(Set.of(mine.id()), ids(a.engine.quality().requests(a.customer,
                RequestQuery.builder().status(RequestStatus.REGISTERED).build())));
        assertEquals(Set.of(mine.id(), theirs.id()), ids(a.engine.quality().requests(a.auditor, RequestQuery.all())));
    }

    static Stream<Arguments> customerCommands() {
        return Stream.of(
                Arguments.of("provideClarification", RequestStatus.WAITING_FOR_CUSTOMER,
                        (BiFunction<EngineFixture, Request, Object>) (fx, r) -> fx.engine.intake()
                                .provideClarification(fx.otherCustomer, r.ref(), Channel.EMAIL, "Extension 204")),
                Arguments.of("signOff", RequestStatus.RESOLVED,
                        (BiFunction<EngineFixture, Request, Object>) (fx, r) -> fx.engine.resolution()
                                .signOff(fx.otherCustomer, r.ref(), "ok")),
                Arguments.of("reopen", RequestStatus.RESOLVED,
                        (BiFunction<EngineFixture, Request, Object>) (fx, r) -> fx.engine.resolution()
                                .reopen(fx.otherCustomer, r.ref(), "no")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("customerCommands")
    @DisplayName("another organisation's representative cannot act on the request: NotFoundException, nothing changes")
    void otherCustomerCannotActOnTheRequest(String name, RequestStatus status,
                                            BiFunction<EngineFixture, Request, Object> call) {
        Request r = a.requestIn(status, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r.id());

        assertThrows(NotFoundException.class, () -> call.apply(a, r));

        assertEquals(before, stateOf(r.id()));
    }

    @Test
    @DisplayName("another organisation's representative sees nothing of the organisation in the directory")
    void otherCustomerDirectoryReads() {
        var dir = a.engine.directory();
        assertThrows(NotFoundException.class, () -> dir.organization(a.otherCustomer, a.org));
        assertEquals(List.of(), dir.representatives(a.otherCustomer, a.org));
        assertEquals(List.of(), dir.sites(a.otherCustomer, a.org));
        assertEquals(List.of(), dir.systems(a.otherCustomer, a.org));
        // control: their own organisation is visible
        assertEquals(a.otherOrg, dir.organization(a.otherCustomer, a.otherOrg).id());
        assertEquals(List.of(a.otherSite), dir.sites(a.otherCustomer, a.otherOrg).stream().map(Site::id).toList());
    }

    @Test
    @DisplayName("a customer sees only customer-visible journal entries; the internal redirect is staff-only")
    void customerSeesOnlyCustomerVisibleEntries() {
        Request r = a.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);

        List<JournalEntry> staff = a.engine.journal().entries(a.engineer, r.id());
        List<JournalEntry> customer = a.engine.journal().entries(a.customer, r.id());

        assertTrue(staff.stream().anyMatch(e -> e.event() instanceof RequestEvent.Redirected
                && e.visibility() == Visibility.INTERNAL), "staff see the internal redirect");
        assertFalse(customer.stream().anyMatch(e -> e.event() instanceof RequestEvent.Redirected),
                "the customer does not see the redirect");
        assertTrue(customer.stream().allMatch(e -> e.visibility() == Visibility.CUSTOMER_VISIBLE));
        assertTrue(customer.stream().anyMatch(e -> e.event() instanceof RequestEvent.Registered));
        assertEquals(staff.stream().filter(e -> e.visibility() == Visibility.CUSTOMER_VISIBLE).toList(), customer,
                "the customer sees exactly the customer-visible entries, unchanged");
        List<Long> internal = staff.stream().filter(e -> e.visibility() == Visibility.INTERNAL)
                .map(JournalEntry::sequence).toList();
        assertFalse(internal.isEmpty());
        List<Long> seen = new ArrayList<>(customer.stream().map(JournalEntry::sequence).toList());
        seen.retainAll(internal);
        assertEquals(List.of(), seen);
        for (Role role : List.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD, Role.GROUP_LEAD, Role.AUDITOR,
                Role.ADMINISTRATOR)) {
            assertEquals(staff, a.engine.journal().entries(a.actor(role), r.id()), role.name());
        }
    }
}
