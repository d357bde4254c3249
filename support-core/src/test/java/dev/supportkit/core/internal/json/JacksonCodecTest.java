package dev.supportkit.core.internal.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.scheduling.VisitPurpose;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** JSON for API records without annotations in the API. */
class JacksonCodecTest {
    private final JacksonCodec codec = new JacksonCodec();
    private static final Instant T = Instant.parse("2026-03-12T09:00:00.123456Z");

    static List<RequestEvent> oneOfEach() {
        return List.of(
                new RequestEvent.Registered(ContactId.of("c1"), Channel.PHONE, Priority.HIGH, "Подстанция не отвечает"),
                new RequestEvent.Imported("OTRS", "T-1001", RequestStatus.CLOSED),
                new RequestEvent.ContactAttached(ContactId.of("c2"), Channel.EMAIL, "again"),
                new RequestEvent.TakenIntoWork(SpecialistId.of("anna")),
                new RequestEvent.ConsultationGiven("Restart", true, false),
                new RequestEvent.Redirected(SupportLine.FIRST_LINE, SupportLine.SECOND_LINE, GroupId.of("g"), null, "hw"),
                new RequestEvent.ClarificationRequested("Which LED?"),
                new RequestEvent.ClarificationProvided(ContactId.of("c3"), Channel.CHAT, "Red"),
                new RequestEvent.VisitScheduled(SiteId.of("s"), T, T.plusSeconds(3600), VisitPurpose.REPAIR, null),
                new RequestEvent.ExecutorDeadlineSet(SpecialistId.of("v"), T, "Replace the PSU"),
                new RequestEvent.ExecutorDeadlineMissed(SpecialistId.of("v"), T, "Replace the PSU"),
                new RequestEvent.DeliveryAttempted("m-1", "request.resolved", "rep-1", Channel.EMAIL, "a@b.ru",
                        "DELIVERED", "250 OK"),
                new RequestEvent.SlaWarning(dev.supportkit.api.request.DeadlineKind.RESOLUTION, T, 0.75),
                new RequestEvent.SlaBreached(dev.supportkit.api.request.DeadlineKind.RESOLUTION, T,
                        List.of("priority raised to HIGH")),
                new RequestEvent.Resolved("Replaced", "PSU", true, ComponentId.of("psu")),
                new RequestEvent.SignedOff("ok"),
                new RequestEvent.Reopened("still broken"),
                new RequestEvent.SurveyAnswered(2, "Долго ждали", true),
                new RequestEvent.DigestSent("weekly", "dep-sales", T, T.plusSeconds(604_800), 12, 1,
                        List.of("spc-boris")),
                new RequestEvent.JournalCheckpointed(T, 2, "ab".repeat(32), "{\"tenant\":\"t\",\"heads\":[]}"),
                new RequestEvent.Closed(null),
                new RequestEvent.Routed("supportkit.routing.rules.1", GroupId.of("g"), SpecialistId.of("v"), 2),
                new RequestEvent.VendorEscalated("Nordtel", null, "PSU keeps failing"),
                new RequestEvent.VendorCorrespondence(dev.supportkit.api.escalation.VendorMessage.Direction.IN,
                        "Case opened", "NT-42", T),
                new RequestEvent.VendorAnswered("Nordtel", "NT-42", "Firmware 3.2 fixes it"),
                new RequestEvent.EscalatedToLead(SpecialistId.of("spc-galina"), "needs the lead's decision"),
                new RequestEvent.EmergencyFlagged(Priority.NORMAL, Priority.CRITICAL,
                        List.of("text mentions 'авария' (supportkit.intake.emergency.rules.1)")),
                new RequestEvent.LinkedToIncident(IncidentId.of("inc-1"), "SYSTEM_MODEL", "NT-PBX 300"),
                new RequestEvent.CallerLookedUp("+7 495 123-45-67", "CRM", "bitrix24", "contact 42 (Ирина Петрова)"),
                new RequestEvent.CallerLookedUp("anna@example.com", "UNKNOWN", null, "known neither to the directory"),
                new RequestEvent.ResolvedWithIncident(IncidentId.of("inc-1"), "Firmware rolled back"),
                new RequestEvent.KnowledgeOffered("ARTICLE", "art-1", 2, "PBX drops calls", true, true),
                new RequestEvent.InstructionSent("art-1", 2, "Restart the PBX"),
                new RequestEvent.HandlingPlanExplained(List.of("diagnosis by 12:00", "visit tomorrow")),
                new RequestEvent.SolutionDrafted("art-7"),
                new RequestEvent.KnowledgeOffered("FAQ", "faq-1", 2, "Почему обрываются звонки?", true, true),
                new RequestEvent.InstructionSent("KB-1A2B3C", 3, "1. Перезагрузите плату"),
                new RequestEvent.InstructionSent(null, 0, "Re-seat the trunk card"),
                new RequestEvent.HandlingPlanExplained(List.of("1. Diagnose — 2026-03-13", "2. Repair — 2026-03-16")),
                new RequestEvent.SolutionDrafted("KB-1A2B3C"),
                new RequestEvent.Assigned(SpecialistId.of("anna"), null, null, GroupId.of("grp-net"), "shift"),
                new RequestEvent.NoteAdded("spare in stock?", List.of(SpecialistId.of("galina"))),
                new RequestEvent.ReplySent("we are on it"),
                new RequestEvent.Triaged("reboots hourly", "trunk card", false, Priority.NORMAL, Priority.HIGH, null,
                        "hardware", null, SystemId.of("sys-pbx"), "outage"),
                new RequestEvent.LeadAdvice(SpecialistId.of("viktor"), "PSU first", true),
                new RequestEvent.TimeRecorded("t-1", java.time.Duration.ofMinutes(45),
                        dev.supportkit.api.journal.LaborFunction.C_03_6, "replace the PSU", "done"),
                new RequestEvent.WorkPlanned(2, List.of(new RequestEvent.PlannedTask("diagnose",
                        SpecialistId.of("viktor"), "Find the failed unit", java.time.Duration.ofHours(2), null,
                        List.of()), new RequestEvent.PlannedTask("replace", SpecialistId.of("dmitry"), "Swap the PSU",
                        null, Instant.parse("2026-03-13T10:00:00Z"), List.of("diagnose"))), List.of("replace"),
                        List.of("order")),
                new RequestEvent.WorkPlanApproved(2, List.of(new RequestEvent.PlannedTask("replace",
                        SpecialistId.of("dmitry"), "Swap the PSU", null, Instant.parse("2026-03-13T10:00:00Z"),
                        List.of("diagnose")))),
                new RequestEvent.PlanTaskDone("diagnose", SpecialistId.of("viktor"), "PSU dead",
                        java.time.Duration.ofMinutes(40), "t-2"),
                new RequestEvent.PlanTaskMissed("replace", SpecialistId.of("dmitry"),
                        Instant.parse("2026-03-13T10:00:00Z")),
                new RequestEvent.AttachmentAdded("a-1", 3, "trunk.log", "text/plain", 1024,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                new RequestEvent.VisitBooked("v-1", SiteId.of("site-hq"), Instant.parse("2026-03-13T07:00:00Z"),
                        Instant.parse("2026-03-13T09:00:00Z"), VisitPurpose.INSTALLATION,
                        List.of(SpecialistId.of("tech")), "bring the rack", "o-1"),
                new RequestEvent.VisitOffered("o-1", SiteId.of("site-hq"), VisitPurpose.REPAIR,
                        List.of(SpecialistId.of("tech")), List.of(new dev.supportkit.api.scheduling.TimeWindow(
                        Instant.parse("2026-03-13T07:00:00Z"), Instant.parse("2026-03-13T09:00:00Z"))),
                        Instant.parse("2026-03-13T06:00:00Z")),
                new RequestEvent.VisitRescheduled("v-1", Instant.parse("2026-03-13T07:00:00Z"),
                        Instant.parse("2026-03-13T09:00:00Z"), Instant.parse("2026-03-14T07:00:00Z"),
                        Instant.parse("2026-03-14T09:00:00Z"), "customer asked"),
                new RequestEvent.VisitCancelled("v-1", "not needed"),
                new RequestEvent.WorksProposed("w-1", dev.supportkit.api.scheduling.WorksKind.INSTALLATION,
                        SiteId.of("site-hq"), Instant.parse("2026-03-16T07:00:00Z"),
                        Instant.parse("2026-03-16T11:00:00Z"), List.of(dev.supportkit.api.directory.DepartmentId.of(
                        "dep-install"))),
                new RequestEvent.WorksAgreed("w-1", dev.supportkit.api.directory.DepartmentId.of("dep-install"), true),
                new RequestEvent.WorksDatesProposed("w-1", dev.supportkit.api.directory.DepartmentId.of("dep-c"),
                        Instant.parse("2026-03-17T07:00:00Z"), Instant.parse("2026-03-17T11:00:00Z"), "busy"),
                new RequestEvent.WorksRescheduled("w-1", Instant.parse("2026-03-17T07:00:00Z"),
                        Instant.parse("2026-03-18T07:00:00Z"), Instant.parse("2026-03-18T11:00:00Z"), "closed"),
                new RequestEvent.WorksCancelled("w-1", "postponed"),
                new RequestEvent.WorksDone("w-1", "installed", List.of("24 extensions ring")),
                new RequestEvent.WorksSignedOff("w-1", "fine"),
                new RequestEvent.FailureRecorded("f-1", "PSU-300", ComponentId.of("cmp-psu"), "SN-001", "power.psu", 2,
                        T.minusSeconds(7200), T.minusSeconds(3600), "PSU over-temperature"),
                new RequestEvent.EquipmentChecked(false, ComponentId.of("cmp-psu"), "sags under load",
                        List.of(new dev.supportkit.api.resolution.EquipmentCheck.Measurement("PSU output, V", "10.9"),
                                new dev.supportkit.api.resolution.EquipmentCheck.Measurement("Fan, rpm", "0"))),
                new RequestEvent.TrainingGiven("t-1", "Voicemail", List.of(RepresentativeId.of("rep-irina")), T,
                        java.time.Duration.ofMinutes(90), "sets up voicemail boxes"));
    }

    @Test
    @DisplayName("every event type round-trips, with a type property and ids as plain strings")
    void everyEventRoundTrips() {
        List<RequestEvent> events = oneOfEach();
        Set<Class<?>> covered = events.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Arrays.asList(RequestEvent.class.getPermittedSubclasses())), covered,
                "the test must cover every event type");
        for (RequestEvent event : events) {
            String json = codec.toJson(event);
            assertTrue(json.contains("\"type\":\"" + event.getClass().getSimpleName() + "\""), json);
            assertEquals(event, codec.readEvent(JacksonCodec.eventType(event), json));
        }
        assertTrue(codec.toJson(new RequestEvent.TakenIntoWork(SpecialistId.of("anna"))).contains("\"assignee\":\"anna\""),
                "ids are written as plain strings");
    }

    @Test
    @DisplayName("requests and directory records round-trip, including optionals and microsecond times")
    void recordsRoundTrip() {
        Request request = Request.builder().id(RequestId.of("r1")).tenant(TenantId.of("t"))
                .organization(OrganizationId.of("o")).representative(RepresentativeId.of("rep"))
                .system(SystemId.of("sys")).subject("Subject").description("Описание").channel(Channel.PHONE)
                .priority(Priority.NORMAL).status(RequestStatus.RESOLVED).line(SupportLine.SECOND_LINE)
                .assignee(SpecialistId.of("v")).resolution(ResolutionReport.of("done", "cause")).registeredAt(T)
                .updatedAt(T).version(3).journalHead(3, "ab".repeat(32)).build();
        assertEquals(request, codec.fromJson(codec.toJson(request), Request.class));
        Request withVendor = request.toBuilder().status(RequestStatus.AT_SECOND_LINE).resolution(null).version(4)
                .journalHead(4, request.journalHash())
                .vendorCase(new dev.supportkit.api.request.VendorCaseState("Nordtel", "NT-42", "PSU", T, T, 1, null,
                        null)).build();
        assertEquals(withVendor, codec.fromJson(codec.toJson(withVendor), Request.class));
        String withoutVendorField = codec.toJson(request).replace(",\"vendorCase\":null", "");
        assertTrue(!withoutVendorField.contains("vendorCase"), withoutVendorField);
        assertEquals(Optional.empty(), codec.fromJson(withoutVendorField, Request.class).vendorCase(),
                "a snapshot stored before vendor cases existed reads with no vendor case");
        SupportedSystem system = new SupportedSystem(SystemId.of("sys"), OrganizationId.of("o"), "PBX", "Nordtel",
                "NT", true, List.of(new SystemComponent(ComponentId.of("c"), ComponentKind.HARDWARE, "PSU", "1",
                SiteId.of("s"))));
        assertEquals(system, codec.fromJson(codec.toJson(system), SupportedSystem.class));
        dev.supportkit.api.directory.Specialist skilled = new dev.supportkit.api.directory.Specialist(
                SpecialistId.of("v"), "Viktor", dev.supportkit.api.Role.SECOND_LINE_ENGINEER, GroupId.of("g"),
                Set.of("NT-PBX 300"));
        assertEquals(skilled, codec.fromJson(codec.toJson(skilled), dev.supportkit.api.directory.Specialist.class));
        String withoutSkills = codec.toJson(skilled).replace(",\"skills\":[\"NT-PBX 300\"]", "");
        assertTrue(!withoutSkills.contains("skills"), withoutSkills);
        assertEquals(Set.of(), codec.fromJson(withoutSkills, dev.supportkit.api.directory.Specialist.class).skills(),
                "a specialist stored before skills existed reads with none");
    }

    @Test
    @DisplayName("intake records round-trip: a request's intake details, a questionnaire, a mass incident")
    void intakeRecordsRoundTrip() {
        var details = new dev.supportkit.api.request.IntakeDetails(Optional.of(new dev.supportkit.api.request
                .QuestionnaireRef(dev.supportkit.api.intake.QuestionnaireId.of("q-pbx"), 3)),
                new java.util.LinkedHashMap<>(java.util.Map.of("users-affected", List.of("all"))), true,
                List.of("text mentions 'outage'"), Optional.of(IncidentId.of("inc-1")));
        Request request = Request.builder().id(RequestId.of("r1")).tenant(TenantId.of("t"))
                .organization(OrganizationId.of("o")).representative(RepresentativeId.of("rep")).subject("Subject")
                .description("Text").channel(Channel.PHONE).priority(Priority.CRITICAL)
                .status(RequestStatus.REGISTERED).line(SupportLine.FIRST_LINE).registeredAt(T).updatedAt(T)
                .version(1).journalHead(1, "ab".repeat(32)).intake(details).build();
        String json = codec.toJson(request);
        assertEquals(request, codec.fromJson(json, Request.class));
        assertTrue(json.contains("\"incident\":\"inc-1\"") && json.contains("\"id\":\"q-pbx\""),
                "incident and questionnaire ids are plain strings: " + json);
        var questionnaire = new dev.supportkit.api.intake.Questionnaire(
                dev.supportkit.api.intake.QuestionnaireId.of("q-pbx"), 1, "PBX", Optional.of("NT-PBX 300"),
                Optional.empty(), "Telephony", java.time.LocalDate.of(2026, 3, 1), List.of(
                dev.supportkit.api.intake.Question.choice("users", "Who?", dev.supportkit.api.intake.QuestionType
                        .SINGLE_CHOICE, true, List.of("one", "all")),
                dev.supportkit.api.intake.Question.of("count", "How many?",
                        dev.supportkit.api.intake.QuestionType.NUMBER, false)
                        .between(new java.math.BigDecimal("1"), new java.math.BigDecimal("2.5"))
                        .shownWhen("users", "all")));
        assertEquals(questionnaire, codec.fromJson(codec.toJson(questionnaire),
                dev.supportkit.api.intake.Questionnaire.class));
        var incident = new dev.supportkit.api.intake.MassIncident(IncidentId.of("inc-1"),
                dev.supportkit.api.intake.IncidentScope.SITE, "site-hq", "Mass incident: site HQ", false, T,
                List.of(RequestId.of("r1"), RequestId.of("r2")), Optional.of("Power restored"), Optional.of(T), 4);
        assertEquals(incident, codec.fromJson(codec.toJson(incident), dev.supportkit.api.intake.MassIncident.class));
    }

    @Test
    @DisplayName("an unknown stored event type is an error, not a silent null")
    void unknownType() {
        assertThrows(IllegalStateException.class, () -> codec.readEvent("Teleported", "{}"));
    }
}
