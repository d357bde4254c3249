package dev.supportkit.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is rejected with a ValidationException that lists every bad field with the rule it
 * broke, not only the first one, and nothing is registered or changed.
 */
class ValidationTest {

    private static EngineFixture fx;
    /** A supported system of the other organisation. */
    private static final SystemId OTHER_SYSTEM = SystemId.of("sys-vasilek-cctv");

    @BeforeAll
    static void start() {
        fx = new EngineFixture();
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(OTHER_SYSTEM, fx.otherOrg, "Plant CCTV",
                "Vision", "V-100", false, List.of(new SystemComponent(ComponentId.of("cmp-camera"),
                ComponentKind.HARDWARE, "CAM-1", "SN-9", fx.otherSite))));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /**
     * Runs a call that must be rejected and checks the exact set of "field rule" pairs, each
     * reported once, each with a message, and each field named in the exception's message.
     */
    private static ValidationException assertRejected(Executable call, String... expected) {
        ValidationException error = assertThrows(ValidationException.class, call);
        List<String> actual = error.errors().stream().map(e -> e.field() + " " + e.rule()).toList();
        assertEquals(new TreeSet<>(Arrays.asList(expected)), new TreeSet<>(actual), "field errors");
        assertEquals(expected.length, actual.size(), "every error reported exactly once: " + actual);
        for (FieldError e : error.errors()) {
            assertFalse(e.message().isBlank(), "a message for " + e.field());
            assertTrue(error.getMessage().contains(e.field()), "the message names " + e.field() + ": "
                    + error.getMessage());
            assertTrue(error.getMessage().contains(e.rule()), "the message names rule " + e.rule());
        }
        for (String pair : expected) {
            String field = pair.substring(0, pair.indexOf(' '));
            assertTrue(error.getMessage().contains(field), "the message names " + field + ": " + error.getMessage());
        }
        return error;
    }

    private static int requestCount() {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build())
                .size();
    }

    /** A request's snapshot, journal and contacts, to compare before and after a rejected command. */
    private static List<Object> stateOf(Request request) {
        return List.of(fx.engine.quality().request(fx.auditor, request.id()),
                fx.engine.journal().entries(fx.auditor, request.id()),
                fx.engine.intake().contacts(fx.auditor, request.id()));
    }

    // ---------------------------------------------------------------------------------------------
    // Registering a contact

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of("an empty draft", (DraftMaker) () -> ContactDraft.builder().build(),
                        List.of("contact.organization required", "contact.representative required",
                                "contact.channel required", "contact.subject required", "contact.text required")),
                Arguments.of("blank subject and text", (DraftMaker) () -> fx.draft().newRequest(true).subject("   ")
                                .text("\t").build(),
                        List.of("contact.subject required", "contact.text required")),
                Arguments.of("too long subject and text", (DraftMaker) () -> fx.draft().subject("s".repeat(201))
                        .text("t".repeat(10_001)).build(),
                        List.of("contact.subject max-length", "contact.text max-length")),
                Arguments.of("received in the future", (DraftMaker) () -> fx.draft()
                        .receivedAt(fx.clock.instant().plusSeconds(1)).build(),
                        List.of("contact.receivedAt not-in-future")),
                Arguments.of("unknown organisation", (DraftMaker) () -> fx.draft()
                        .organization(OrganizationId.of("org-nobody")).build(),
                        List.of("contact.organization exists")),
                Arguments.of("representative of another organisation", (DraftMaker) () -> fx.draft()
                        .representative(fx.otherOrgRep).build(),
                        List.of("contact.representative belongs-to-organization")),
                Arguments.of("unknown representative", (DraftMaker) () -> fx.draft()
                        .representative(RepresentativeId.of("rep-nobody")).build(),
                        List.of("contact.representative belongs-to-organization")),
                Arguments.of("system of another organisation", (DraftMaker) () -> fx.draft().system(OTHER_SYSTEM).build(),
                        List.of("contact.system belongs-to-organization")),
                Arguments.of("unknown system", (DraftMaker) () -> fx.draft().system(SystemId.of("sys-nobody")).build(),
                        List.of("contact.system belongs-to-organization")),
                Arguments.of("attached to an unknown request", (DraftMaker) () -> fx.draft().subject(null)
                        .attachTo(RequestId.of("req-nobody")).build(),
                        List.of("contact.attachTo exists")),
                Arguments.of("everything wrong at once", (DraftMaker) () -> fx.draft().representative(fx.otherOrgRep)
                        .system(OTHER_SYSTEM).subject("s".repeat(201)).text(" ").channel(null)
                        .receivedAt(fx.clock.instant().plus(Duration.ofDays(1))).build(),
                        List.of("contact.representative belongs-to-organization", "contact.system belongs-to-organization",
                                "contact.subject max-length", "contact.text required", "contact.channel required",
                                "contact.receivedAt not-in-future")));
    }

    /** Builds a draft when the test runs (the clock must be read then). */
    @FunctionalInterface
    interface DraftMaker {
        ContactDraft make();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    @DisplayName("a bad contact is rejected with every bad field, and nothing is registered")
    void badContactIsRejected(String name, DraftMaker draft, List<String> expected) {
        int before = requestCount();
        long total = fx.engine.reports().statusSummary(fx.auditor).total();

        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft.make()),
                expected.toArray(String[]::new));

        assertEquals(before, requestCount(), "nothing was registered");
        assertEquals(total, fx.engine.reports().statusSummary(fx.auditor).total());
    }

    @Test
    @DisplayName("the limits are inclusive: a 200-character subject, a 10000-character text and 'now' are accepted")
    void limitsAreInclusive() {
        int before = requestCount();
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).subject("s".repeat(200))
                .text("t".repeat(10_000)).receivedAt(fx.clock.instant()).build());
        assertEquals(RequestStatus.REGISTERED, r.status());
        assertEquals(before + 1, requestCount());
    }

    @Test
    @DisplayName("a contact attached to an unknown request is rejected and the other requests are unchanged")
    void attachToUnknownRequestChangesNothing() {
        Request existing = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        List<Object> before = stateOf(existing);
        int count = requestCount();

        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().subject(null)
                .text("Calling again").attachTo(RequestId.of("req-nobody")).build()), "contact.attachTo exists");

        assertEquals(before, stateOf(existing));
        assertEquals(count, requestCount());
    }

    // ---------------------------------------------------------------------------------------------
    // Redirecting

    static Stream<Arguments> badRedirects() {
        return Stream.of(
                Arguments.of("no target, blank reason", null, "  ",
                        List.of("redirect.target required", "redirect.reason required")),
                Arguments.of("no target, no reason", null, null,
                        List.of("redirect.target required", "redirect.reason required")),
                Arguments.of("target without a line", new RedirectTarget(null, null, null), "why",
                        List.of("redirect.target.line required")),
                Arguments.of("target line FIRST_LINE", new RedirectTarget(SupportLine.FIRST_LINE, null, null), "why",
                        List.of("redirect.target.line allowed-value")),
                Arguments.of("target line VENDOR", new RedirectTarget(SupportLine.VENDOR, null, null), "why",
                        List.of("redirect.target.line allowed-value")),
                Arguments.of("too long reason", RedirectTarget.intakeLead(), "r".repeat(1001),
                        List.of("redirect.reason max-length")),
                Arguments.of("unknown group", RedirectTarget.secondLine(GroupId.of("grp-nobody")), "hardware",
                        List.of("redirect.target.group exists")),
                Arguments.of("second line with the intake group",
                        RedirectTarget.secondLine(GroupId.of("grp-intake")), "hardware",
                        List.of("redirect.target.group works-line")),
                Arguments.of("intake lead with a second-line group",
                        new RedirectTarget(SupportLine.INTAKE_LEAD, GroupId.of("grp-telephony"), null), "non-typical",
                        List.of("redirect.target.group works-line")),
                Arguments.of("second line with a first-line operator as assignee",
                        new RedirectTarget(SupportLine.SECOND_LINE, GroupId.of("grp-telephony"),
                                SpecialistId.of("spc-anna")), "hardware",
                        List.of("redirect.target.assignee works-line")),
                Arguments.of("unknown group and unknown assignee",
                        new RedirectTarget(SupportLine.SECOND_LINE, GroupId.of("grp-nobody"),
                                SpecialistId.of("spc-nobody")), "hardware",
                        List.of("redirect.target.group exists", "redirect.target.assignee exists")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRedirects")
    @DisplayName("a bad redirect is rejected with every bad field, and the request is unchanged")
    void badRedirectIsRejected(String name, RedirectTarget target, String reason, List<String> expected) {
        Request r = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        List<Object> before = stateOf(r);

        assertRejected(() -> fx.engine.escalation().redirect(fx.operator, r.ref(), target, reason),
                expected.toArray(String[]::new));

        assertEquals(before, stateOf(r));
    }

    @Test
    @DisplayName("control: a redirect to the right group's line goes through")
    void validRedirect() {
        Request r = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request after = fx.engine.escalation().redirect(fx.operator, r.ref(), new RedirectTarget(
                SupportLine.SECOND_LINE, fx.telephony, SpecialistId.of("spc-viktor")), "hardware");
        assertEquals(RequestStatus.AT_SECOND_LINE, after.status());
    }

    // ---------------------------------------------------------------------------------------------
    // Scheduling a visit

    @Test
    @DisplayName("a visit ending before it starts, starting in the past, at another organisation's site and without "
            + "a purpose: all four errors at once")
    void badVisitReportsEveryError() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r);
        Instant start = fx.clock.instant().minus(Duration.ofHours(1));

        assertRejected(() -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                        new VisitPlan(fx.otherSite, start, start.minus(Duration.ofHours(2)), null, "n".repeat(1001))),
                "visit.site belongs-to-organization", "visit.start not-in-past", "visit.end after-start",
                "visit.purpose required", "visit.note max-length");

        assertEquals(before, stateOf(r));
    }

    @Test
    @DisplayName("a component id is unique in the tenant: another system cannot list it, its own system can again")
    void componentIdUniqueInTenant() {
        assertRejected(() -> fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-copy"),
                fx.org, "Copy", "Vendor", "V-2", false, List.of(new SystemComponent(fx.psu, ComponentKind.HARDWARE,
                "PSU-1", "SN-1", fx.site)))), "system.components[0].id unique");
        assertTrue(fx.engine.directory().systems(fx.admin, fx.org).stream()
                .noneMatch(sys -> sys.id().equals(SystemId.of("sys-copy"))), "nothing saved");
    }

    @Test
    @DisplayName("collections have documented maxima: components, contact points, models, options")
    void collectionLimits() {
        List<SystemComponent> components = new java.util.ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            components.add(new SystemComponent(ComponentId.of("cmp-" + i), ComponentKind.HARDWARE, "M", "SN-" + i,
                    fx.site));
        }
        assertRejected(() -> fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-big"),
                fx.org, "Big", "Vendor", "V-1", false, components)), "system.components max-size");
        List<dev.supportkit.api.directory.ContactPoint> points = java.util.Collections.nCopies(21,
                new dev.supportkit.api.directory.ContactPoint(dev.supportkit.api.request.Channel.EMAIL, "a@b.ru"));
        assertRejected(() -> fx.engine.directory().savePreferences(fx.customer,
                new dev.supportkit.api.directory.DeliveryPreferences(fx.rep.value(), points, null,
                        java.util.Locale.ENGLISH)), "preferences.contactPoints max-size");
        java.util.Set<String> models = new java.util.HashSet<>();
        for (int i = 0; i < 51; i++) {
            models.add("M-" + i);
        }
        assertRejected(() -> fx.engine.knowledge().createArticle(fx.operator,
                new dev.supportkit.api.knowledge.ArticleDraft("Calls drop", null, List.of("Restart"), models, null,
                        true, true)), "article.systemModels max-size");
    }

    @Test
    @DisplayName("instants outside 1900..9999 are refused with rule range wherever a caller gives one")
    void instantsOutOfRange() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r);
        Instant ancient = Instant.parse("-4714-11-24T00:00:00Z");
        assertRejected(() -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                        new VisitPlan(fx.site, Instant.MIN, Instant.MAX, VisitPurpose.values()[0], null)),
                "visit.start range", "visit.end range");
        assertRejected(() -> fx.engine.scheduling().setExecutorDeadline(fx.groupLead, r.ref(),
                new dev.supportkit.api.scheduling.ExecutorDeadline(null, Instant.MAX, "Replace the PSU")),
                "deadline.executor required", "deadline.due range");
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().receivedAt(ancient).build()),
                "contact.receivedAt range");
        assertRejected(() -> fx.engine.consulting().statistics(fx.intakeLead, ancient, Instant.MAX),
                "statistics.from range", "statistics.to range");
        assertEquals(before, stateOf(r));
    }

    @Test
    @DisplayName("an empty visit plan names every required field; a missing plan is itself required")
    void emptyVisitPlan() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r);

        assertRejected(() -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                new VisitPlan(null, null, null, null, null)),
                "visit.site required", "visit.start required", "visit.end required", "visit.purpose required");
        assertRejected(() -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(), null), "visit required");

        assertEquals(before, stateOf(r));
    }

    @Test
    @DisplayName("a visit whose end equals its start, or at an unknown site, is rejected")
    void zeroLengthVisitAndUnknownSite() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r);
        Instant start = fx.clock.instant().plus(Duration.ofDays(1));

        assertRejected(() -> fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                new VisitPlan(SiteId.of("site-nobody"), start, start, VisitPurpose.REPAIR,
                        null)),
                "visit.site belongs-to-organization", "visit.end after-start");

        assertEquals(before, stateOf(r));
        Request ok = fx.engine.scheduling().scheduleVisit(fx.engineer, r.ref(),
                new VisitPlan(fx.site, start, start.plus(Duration.ofHours(1)), VisitPurpose.REPAIR, null));
        assertEquals(r.version() + 1, ok.version(), "control: the corrected plan is accepted");
    }

    // ---------------------------------------------------------------------------------------------
    // Resolving

    static Stream<Arguments> badReports() {
        return Stream.of(
                Arguments.of("no report", null, List.of("resolution required")),
                Arguments.of("blank summary and cause", new ResolutionReport("  ", "", false, null),
                        List.of("resolution.summary required", "resolution.cause required")),
                Arguments.of("too long summary and cause", new ResolutionReport("s".repeat(4001), "c".repeat(1001),
                        false, null), List.of("resolution.summary max-length", "resolution.cause max-length")),
                Arguments.of("equipment failure without a component", new ResolutionReport("Replaced", "Failed", true,
                        null), List.of("resolution.failedComponent required")),
                Arguments.of("a component that is not of the system", new ResolutionReport("Replaced", "Failed", true,
                        ComponentId.of("cmp-camera")), List.of("resolution.failedComponent component-of-system")),
                Arguments.of("a component without an equipment failure", new ResolutionReport("Replaced", "Failed",
                        false, ComponentId.of("cmp-psu")), List.of("resolution.failedComponent only-with-equipment-failure")),
                Arguments.of("blank summary, no cause, failure without a component",
                        new ResolutionReport(" ", null, true, null),
                        List.of("resolution.summary required", "resolution.cause required",
                                "resolution.failedComponent required")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReports")
    @DisplayName("a bad resolution report is rejected with every bad field, and the request is unchanged")
    void badResolutionIsRejected(String name, ResolutionReport report, List<String> expected) {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        List<Object> before = stateOf(r);

        assertRejected(() -> fx.engine.resolution().resolve(fx.engineer, r.ref(), report),
                expected.toArray(String[]::new));

        assertEquals(before, stateOf(r));
    }

    @Test
    @DisplayName("control: an equipment failure naming the system's component is accepted")
    void validEquipmentFailure() {
        Request r = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request resolved = fx.engine.resolution().resolve(fx.engineer, r.ref(),
                new ResolutionReport("Replaced the PSU", "PSU failed", true, fx.psu));
        assertEquals(RequestStatus.RESOLVED, resolved.status());
    }

    // ---------------------------------------------------------------------------------------------
    // Directory

    @Test
    @DisplayName("a representative with a blank name and neither e-mail nor phone is rejected on both counts")
    void representativeWithoutNameOrContactPoint() {
        List<Representative> before = fx.engine.directory().representatives(fx.admin, fx.org);

        assertRejected(() -> fx.engine.directory().saveRepresentative(fx.admin, new Representative(
                        RepresentativeId.of("rep-bad"), fx.org, "  ", null, " ", false)),
                "representative.fullName required", "representative.email contact-point");

        assertEquals(before, fx.engine.directory().representatives(fx.admin, fx.org));
    }

    @Test
    @DisplayName("a representative with a malformed e-mail and phone is rejected, and nothing is stored")
    void representativeWithMalformedEmail() {
        List<Representative> before = fx.engine.directory().representatives(fx.admin, fx.org);

        assertRejected(() -> fx.engine.directory().saveRepresentative(fx.admin, new Representative(
                RepresentativeId.of("rep-bad"), fx.org, "Bad Email", "irina.romashka.example", null, false)),
                "representative.email format");
        assertRejected(() -> fx.engine.directory().saveRepresentative(fx.admin, new Representative(
                RepresentativeId.of("rep-bad"), fx.org, "Bad Both", "a@b", "call me", false)),
                "representative.email format", "representative.phone format");
        assertRejected(() -> fx.engine.directory().saveRepresentative(fx.admin, new Representative(
                RepresentativeId.of("rep-bad"), OrganizationId.of("org-nobody"), "Nobody's", "x@y.example", null, false)),
                "representative.organization exists");

        assertEquals(before, fx.engine.directory().representatives(fx.admin, fx.org));
    }

    @Test
    @DisplayName("replacing a representative with bad data leaves the stored one unchanged")
    void badReplacementKeepsTheOld() {
        Representative stored = fx.engine.directory().representatives(fx.admin, fx.org).stream()
                .filter(x -> x.id().equals(fx.rep)).findFirst().orElseThrow();

        assertRejected(() -> fx.engine.directory().saveRepresentative(fx.admin, new Representative(fx.rep, fx.org,
                "", "broken", null, false)), "representative.fullName required", "representative.email format");

        assertTrue(fx.engine.directory().representatives(fx.admin, fx.org).contains(stored));
    }

    @Test
    @DisplayName("a system with a duplicate component id and a component at another organisation's site is rejected")
    void systemWithDuplicateComponentAndForeignSite() {
        List<SupportedSystem> before = fx.engine.directory().systems(fx.admin, fx.org);
        ComponentId dup = ComponentId.of("cmp-router");

        assertRejected(() -> fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-bad"),
                        fx.org, "Network", "Netvendor", "NV-1", false, List.of(
                        new SystemComponent(dup, ComponentKind.HARDWARE, "R-1", "SN-1", fx.site),
                        new SystemComponent(dup, ComponentKind.HARDWARE, "R-1", "SN-2", fx.site),
                        new SystemComponent(ComponentId.of("cmp-switch"), ComponentKind.HARDWARE, "S-1", "SN-3",
                                fx.otherSite)))),
                "system.components[1].id unique", "system.components[2].site belongs-to-organization");

        assertEquals(before, fx.engine.directory().systems(fx.admin, fx.org));
    }

    @Test
    @DisplayName("a system with blank fields and an incomplete component lists every field")
    void systemWithBlankFields() {
        List<SupportedSystem> before = fx.engine.directory().systems(fx.admin, fx.org);

        assertRejected(() -> fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-bad"),
                        fx.org, " ", null, "", false, List.of(new SystemComponent(null, null, " ", null, null)))),
                "system.name required", "system.vendor required", "system.model required",
                "system.components[0].id required", "system.components[0].kind required",
                "system.components[0].model required", "system.components[0].site required");

        assertEquals(before, fx.engine.directory().systems(fx.admin, fx.org));
    }

    @Test
    @DisplayName("a specialist must hold one of the four staff roles")
    void specialistNeedsStaffRole() {
        List<Specialist> before = fx.engine.directory().specialists(fx.admin);

        for (Role role : List.of(Role.CUSTOMER_REPRESENTATIVE, Role.AUDITOR, Role.ADMINISTRATOR)) {
            assertRejected(() -> fx.engine.directory().saveSpecialist(fx.admin, new Specialist(
                    SpecialistId.of("spc-bad"), "Not Staff", role, null)), "specialist.role staff-role");
        }
        assertRejected(() -> fx.engine.directory().saveSpecialist(fx.admin, new Specialist(
                        SpecialistId.of("spc-bad"), "", Role.CUSTOMER_REPRESENTATIVE, GroupId.of("grp-nobody"))),
                "specialist.fullName required", "specialist.role staff-role", "specialist.group exists");

        assertEquals(before, fx.engine.directory().specialists(fx.admin));
    }

    @Test
    @DisplayName("ValidationException.getMessage() names every field and its rule")
    void messageNamesEveryField() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> fx.engine.intake().registerContact(fx.operator, ContactDraft.builder().build()));
        Set<String> fields = Set.of("contact.organization", "contact.representative", "contact.channel",
                "contact.subject", "contact.text");
        for (String field : fields) {
            assertTrue(error.getMessage().contains(field + " [required]"), field + " in: " + error.getMessage());
        }
        assertTrue(error.getMessage().startsWith("Invalid input (5 errors)"), error.getMessage());
    }
}
