package dev.supportkit.core.internal.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.Advice;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.work.TimeSummary;
import dev.supportkit.api.work.Triage;
import dev.supportkit.core.testing.EngineFixture;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Assignment, notes and replies through the public API, with who may do what at which line. */
class WorkServiceTest {
    private static final SpecialistId OLGA = SpecialistId.of("spc-olga");
    private static final SpecialistId VIKTOR = SpecialistId.of("spc-viktor");
    private static final SpecialistId GALINA = SpecialistId.of("spc-galina");
    private static final SpecialistId PAVEL = SpecialistId.of("spc-pavel");
    private static final SpecialistId SERGEI = SpecialistId.of("spc-sergei");
    private static final GroupId NETWORK = GroupId.of("grp-network");

    private final EngineFixture fx = new EngineFixture();
    private Actor networkLead;

    @BeforeEach
    void moreStaff() {
        var dir = fx.engine.directory();
        dir.saveSpecialist(fx.admin, new Specialist(OLGA, "Olga Operator", Role.FIRST_LINE_OPERATOR, null));
        dir.saveGroup(fx.admin, new SupportGroup(NETWORK, "Network, second line", SupportLine.SECOND_LINE));
        dir.saveSpecialist(fx.admin, new Specialist(PAVEL, "Pavel Engineer", Role.SECOND_LINE_ENGINEER, NETWORK));
        dir.saveSpecialist(fx.admin, new Specialist(SERGEI, "Sergei Lead", Role.GROUP_LEAD, NETWORK));
        networkLead = Actor.staff(SERGEI.value(), "Sergei Lead", Role.GROUP_LEAD, fx.tenant);
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private JournalEntry last(Request request) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        return entries.get(entries.size() - 1);
    }

    private List<Delivery> messages(Request request, String topic) {
        return fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                .filter(d -> d.topic().equals(topic)).toList();
    }

    @Test
    @DisplayName("an operator reassigns a first-line request; the new assignee is told; A/01.3, internal")
    void firstLineReassignment() {
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request assigned = fx.engine.work().assign(fx.operator, taken.ref(), Assignment.to(OLGA, "shift change"));

        assertEquals(Optional.of(OLGA), assigned.assignee());
        assertEquals(RequestStatus.IN_PROGRESS_FIRST_LINE, assigned.status());
        JournalEntry entry = last(assigned);
        assertEquals(LaborFunction.A_01_3, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(new RequestEvent.Assigned(taken.assignee().orElse(null), OLGA, null, null, "shift change"),
                entry.event());
        assertEquals(List.of(OLGA.value()), messages(assigned, "request.assigned").stream()
                .map(Delivery::recipient).toList());
    }

    @Test
    @DisplayName("the group's lead reassigns inside second line (D/01.7); an engineer or another group's lead may not")
    void secondLineReassignment() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request toViktor = fx.engine.work().assign(fx.groupLead, atSecond.ref(), Assignment.to(VIKTOR, "skills"));
        assertEquals(Optional.of(VIKTOR), toViktor.assignee());
        assertEquals(LaborFunction.D_01_7, last(toViktor).function());

        assertThrows(AccessDeniedException.class, () -> fx.engine.work().assign(fx.engineer, toViktor.ref(),
                Assignment.to(GALINA, "too busy")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().assign(networkLead, toViktor.ref(),
                Assignment.to(GALINA, "not my group")));
        ValidationException outsider = assertThrows(ValidationException.class, () -> fx.engine.work()
                .assign(fx.groupLead, toViktor.ref(), Assignment.to(PAVEL, "wrong group")));
        assertEquals("assignment.assignee", outsider.errors().get(0).field());
        assertEquals("in-group", outsider.errors().get(0).rule());
        assertEquals(toViktor, fx.engine.quality().request(fx.auditor, atSecond.id()), "nothing changed");
    }

    @Test
    @DisplayName("the intake lead moves a request to another group; the group must work second line")
    void betweenGroups() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        ValidationException intake = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.intakeLead, atSecond.ref(), Assignment.toGroup(fx.intakeGroup, null, "wrong line")));
        assertEquals("works-line", intake.errors().get(0).rule());

        Request moved = fx.engine.work().assign(fx.intakeLead, atSecond.ref(),
                Assignment.toGroup(NETWORK, PAVEL, "it is the router"));
        assertEquals(Optional.of(NETWORK), moved.group());
        assertEquals(Optional.of(PAVEL), moved.assignee());
        assertEquals(SupportLine.SECOND_LINE, moved.line());
        // now the network group's lead, not telephony's, works it
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().assign(fx.groupLead, moved.ref(),
                Assignment.unassign("mine again")));
        Request unassigned = fx.engine.work().assign(networkLead, moved.ref(), Assignment.unassign("re-plan"));
        assertEquals(Optional.empty(), unassigned.assignee());
        assertEquals(Optional.of(NETWORK), unassigned.group());
    }

    @Test
    @DisplayName("wrong line, no change, unknown people and closed requests are refused, naming the field")
    void refusals() {
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        ValidationException group = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.operator, taken.ref(), Assignment.toGroup(NETWORK, null, "first line has no groups")));
        assertEquals("assignment.group", group.errors().get(0).field());
        assertEquals("line", group.errors().get(0).rule());
        ValidationException engineer = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.operator, taken.ref(), Assignment.to(VIKTOR, "second-line engineer")));
        assertEquals("works-line", engineer.errors().get(0).rule());
        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.operator, taken.ref(), Assignment.to(SpecialistId.of("spc-nobody"), "who")));
        assertEquals("exists", unknown.errors().get(0).rule());
        ValidationException reason = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.operator, taken.ref(), Assignment.to(OLGA, " ")));
        assertEquals("assignment.reason", reason.errors().get(0).field());
        Request same = fx.engine.work().assign(fx.operator, taken.ref(), Assignment.to(OLGA, "shift"));
        ValidationException again = assertThrows(ValidationException.class, () -> fx.engine.work().assign(
                fx.operator, same.ref(), Assignment.to(OLGA, "shift")));
        assertEquals("changes", again.errors().get(0).rule());

        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().assign(fx.operator, atSecond.ref(),
                Assignment.to(VIKTOR, "not first line")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().assign(fx.customer, taken.ref(),
                Assignment.to(OLGA, "customer")));
        Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        assertThrows(InvalidTransitionException.class, () -> fx.engine.work().assign(fx.groupLead, closed.ref(),
                Assignment.to(VIKTOR, "closed")));
    }

    @Test
    @DisplayName("an internal note tells whom it mentions and is never shown to the customer")
    void notes() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request noted = fx.engine.work().addNote(fx.engineer, atSecond.ref(),
                Note.of("Trunk card looks faulty; spare in stock?", GALINA));
        JournalEntry entry = last(noted);
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(LaborFunction.C_03_6, entry.function());
        assertEquals(new RequestEvent.NoteAdded("Trunk card looks faulty; spare in stock?", List.of(GALINA)),
                entry.event());
        assertEquals(List.of(GALINA.value()), messages(noted, "note.mention").stream().map(Delivery::recipient)
                .toList());
        assertFalse(fx.engine.journal().entries(fx.customer, atSecond.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.NoteAdded), "the customer never sees a note");

        ValidationException unknown = assertThrows(ValidationException.class, () -> fx.engine.work().addNote(
                fx.engineer, noted.ref(), Note.of("ping", SpecialistId.of("spc-nobody"))));
        assertEquals("note.mentions", unknown.errors().get(0).field());
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().addNote(networkLead, noted.ref(),
                Note.of("not my group")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().addNote(fx.customer, noted.ref(),
                Note.of("customers do not write notes")));
    }

    @Test
    @DisplayName("a reply is customer-visible and sent to the customer")
    void replies() {
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request replied = fx.engine.work().reply(fx.operator, taken.ref(), "We are checking the trunk now.");
        JournalEntry entry = last(replied);
        assertEquals(Visibility.CUSTOMER_VISIBLE, entry.visibility());
        assertEquals(new RequestEvent.ReplySent("We are checking the trunk now."), entry.event());
        assertTrue(fx.engine.journal().entries(fx.customer, taken.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.ReplySent), "the customer sees the reply");
        assertEquals(List.of(fx.rep.value()), messages(replied, "request.reply").stream().map(Delivery::recipient)
                .toList());
        ValidationException empty = assertThrows(ValidationException.class,
                () -> fx.engine.work().reply(fx.operator, replied.ref(), ""));
        assertEquals("reply.text", empty.errors().get(0).field());
    }

    @Test
    @DisplayName("a reply meets the first-response deadline; an assignment or a note does not")
    void replyCountsAsFirstResponse() {
        try (EngineFixture sla = new EngineFixture(java.util.Map.of(
                "supportkit.sla.policies.standard.normal.first-response", "1h"))) {
            sla.engine.directory().saveContract(sla.admin, new dev.supportkit.api.directory.SupportContract(sla.org,
                    "SUP-1", "standard", null));
            Request registered = sla.registered();
            Request noted = sla.engine.work().addNote(sla.operator, registered.ref(), Note.of("looking"));
            Request assigned = sla.engine.work().assign(sla.operator, noted.ref(),
                    Assignment.to(SpecialistId.of("spc-boris"), "lead knows this PBX"));
            assertEquals(dev.supportkit.api.request.DeadlineState.PENDING, assigned
                    .deadline(dev.supportkit.api.request.DeadlineKind.FIRST_RESPONSE).orElseThrow().state());
            Request replied = sla.engine.work().reply(sla.operator, assigned.ref(), "We are looking into it.");
            assertEquals(dev.supportkit.api.request.DeadlineState.MET, replied
                    .deadline(dev.supportkit.api.request.DeadlineKind.FIRST_RESPONSE).orElseThrow().state());
        }
    }

    @Test
    @DisplayName("the intake lead's analysis (B/01.6): findings, cause, non-typical, new category; internal")
    void triageAtTheIntakeLead() {
        Request atLead = fx.requestIn(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD);
        Request triaged = fx.engine.work().triage(fx.intakeLead, atLead.ref(), Triage.builder("analysed the logs")
                .findings("The trunk card reboots every hour").suspectedCause("firmware 2.1").typical(false)
                .category("hardware").build());
        assertEquals(Optional.of(false), triaged.typical());
        assertEquals(Optional.of("hardware"), triaged.category());
        assertEquals(atLead.priority(), triaged.priority());
        JournalEntry entry = last(triaged);
        assertEquals(LaborFunction.B_01_6, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(new RequestEvent.Triaged("The trunk card reboots every hour", "firmware 2.1", false,
                atLead.priority(), atLead.priority(), null, "hardware", atLead.system().orElse(null),
                atLead.system().orElse(null), "analysed the logs"), entry.event());
        assertEquals(triaged, fx.engine.quality().request(fx.auditor, atLead.id()), "read back as returned");

        ValidationException same = assertThrows(ValidationException.class, () -> fx.engine.work().triage(
                fx.intakeLead, triaged.ref(), Triage.builder("again").category("hardware").typical(false).build()));
        assertEquals("changes", same.errors().get(0).rule());
        ValidationException empty = assertThrows(ValidationException.class, () -> fx.engine.work().triage(
                fx.intakeLead, triaged.ref(), Triage.builder("nothing").build()));
        assertEquals("triage", empty.errors().get(0).field());
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().triage(fx.operator, triaged.ref(),
                Triage.builder("not my line").findings("x").build()));
    }

    @Test
    @DisplayName("a new system records its model; another organisation's system is refused")
    void triageSystem() {
        var dir = fx.engine.directory();
        dir.saveSystem(fx.admin, new dev.supportkit.api.directory.SupportedSystem(
                dev.supportkit.api.directory.SystemId.of("sys-router"), fx.org, "Edge router", "Nordtel", "NR-20",
                false, List.of()));
        dir.saveSystem(fx.admin, new dev.supportkit.api.directory.SupportedSystem(
                dev.supportkit.api.directory.SystemId.of("sys-foreign"), fx.otherOrg, "Their PBX", "Nordtel", "NT-1",
                false, List.of()));
        Request taken = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request moved = fx.engine.work().triage(fx.operator, taken.ref(), Triage.builder("it is the router")
                .system(dev.supportkit.api.directory.SystemId.of("sys-router")).build());
        assertEquals(Optional.of("NR-20"), moved.model());
        assertEquals(LaborFunction.A_01_3, last(moved).function());
        ValidationException foreign = assertThrows(ValidationException.class, () -> fx.engine.work().triage(
                fx.operator, moved.ref(), Triage.builder("theirs").system(
                        dev.supportkit.api.directory.SystemId.of("sys-foreign")).build()));
        assertEquals("triage.system", foreign.errors().get(0).field());
        assertEquals("belongs-to-organization", foreign.errors().get(0).rule());
    }

    @Test
    @DisplayName("a higher priority moves the resolution deadline from its start, and the customer is told")
    void triagePriorityMovesTheDeadline() {
        try (EngineFixture sla = new EngineFixture(java.util.Map.of(
                "supportkit.sla.policies.standard.high.resolution", "2h"))) {
            sla.engine.directory().saveContract(sla.admin, new dev.supportkit.api.directory.SupportContract(sla.org,
                    "SUP-1", "standard", null));
            Request taken = sla.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
            var before = taken.deadline(dev.supportkit.api.request.DeadlineKind.RESOLUTION).orElseThrow();
            assertEquals(before.startedAt().plus(java.time.Duration.ofHours(8)), before.dueAt());

            Request urgent = sla.engine.work().triage(sla.operator, taken.ref(), Triage.builder("whole office down")
                    .priority(dev.supportkit.api.request.Priority.HIGH).build());
            var after = urgent.deadline(dev.supportkit.api.request.DeadlineKind.RESOLUTION).orElseThrow();
            assertEquals(before.startedAt(), after.startedAt());
            assertEquals(before.startedAt().plus(java.time.Duration.ofHours(2)), after.dueAt());
            assertEquals(java.time.Duration.ofHours(2), after.target());
            List<Delivery> told = sla.engine.quality().deliveries(sla.intakeLead, urgent.id()).stream()
                    .filter(d -> d.topic().equals("request.due-changed")).toList();
            assertEquals(List.of(sla.rep.value()), told.stream().map(Delivery::recipient).toList());
        }
    }

    @Test
    @DisplayName("a group lead's advice to a specialist is D/01.7, internal, and told to the specialist")
    void leadsAdvice() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request advised = fx.engine.work().advise(fx.groupLead, atSecond.ref(),
                new Advice(VIKTOR, "Swapped the PSU with you; watch the fan", true));
        JournalEntry entry = last(advised);
        assertEquals(LaborFunction.D_01_7, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(new RequestEvent.LeadAdvice(VIKTOR, "Swapped the PSU with you; watch the fan", true),
                entry.event());
        assertEquals(List.of(VIKTOR.value()), messages(advised, "lead.advice").stream().map(Delivery::recipient)
                .toList());
        assertFalse(fx.engine.journal().entries(fx.customer, advised.id()).stream()
                .anyMatch(e -> e.event() instanceof RequestEvent.LeadAdvice), "never shown to the customer");
        ValidationException outsider = assertThrows(ValidationException.class, () -> fx.engine.work().advise(
                fx.groupLead, advised.ref(), Advice.of(PAVEL, "not yours")));
        assertEquals("in-group", outsider.errors().get(0).rule());
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().advise(networkLead, advised.ref(),
                Advice.of(VIKTOR, "not my group")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().advise(fx.engineer, advised.ref(),
                Advice.of(VIKTOR, "engineers do not advise")));
    }

    @Test
    @DisplayName("time spent is recorded under its labour function and totalled per request, specialist, function")
    void timeTracking() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request other = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        Request timed = fx.engine.work().recordTime(fx.engineer, atSecond.ref(), new TimeEntry(
                java.time.Duration.ofMinutes(45), LaborFunction.C_03_6, Optional.of("replace the PSU"), "done"));
        JournalEntry entry = last(timed);
        assertEquals(LaborFunction.C_03_6, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        fx.engine.work().recordTime(fx.groupLead, timed.ref(), TimeEntry.of(java.time.Duration.ofMinutes(15),
                LaborFunction.D_01_7, "helped"));
        fx.engine.work().recordTime(fx.operator, other.ref(), TimeEntry.of(java.time.Duration.ofMinutes(10),
                LaborFunction.A_01_3, "call"));

        TimeSummary onRequest = fx.engine.work().timeSpent(fx.intakeLead, TimeQuery.ofRequest(atSecond.id()));
        assertEquals(java.time.Duration.ofMinutes(60), onRequest.total());
        assertEquals(java.util.Map.of(VIKTOR, java.time.Duration.ofMinutes(45), GALINA,
                java.time.Duration.ofMinutes(15)), onRequest.bySpecialist());
        assertEquals(java.util.Map.of(LaborFunction.C_03_6, java.time.Duration.ofMinutes(45), LaborFunction.D_01_7,
                java.time.Duration.ofMinutes(15)), onRequest.byFunction());
        TimeSummary all = fx.engine.work().timeSpent(fx.auditor, TimeQuery.ALL);
        assertEquals(java.time.Duration.ofMinutes(70), all.total());
        assertEquals(java.util.Map.of(atSecond.id(), java.time.Duration.ofMinutes(60), other.id(),
                java.time.Duration.ofMinutes(10)), all.byRequest());

        for (java.time.Duration bad : List.of(java.time.Duration.ZERO, java.time.Duration.ofHours(25),
                java.time.Duration.ofMillis(1500))) {
            ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.work().recordTime(
                    fx.operator, fx.engine.quality().request(fx.auditor, other.id()).ref(),
                    TimeEntry.of(bad, LaborFunction.A_01_3, "x")), bad.toString());
            assertEquals("time.spent", error.errors().get(0).field(), bad.toString());
        }
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().timeSpent(fx.engineer, TimeQuery.ALL));
        assertThrows(AccessDeniedException.class, () -> fx.engine.work().recordTime(fx.customer, other.ref(),
                TimeEntry.of(java.time.Duration.ofMinutes(5), LaborFunction.A_01_3, "x")));
    }
}
