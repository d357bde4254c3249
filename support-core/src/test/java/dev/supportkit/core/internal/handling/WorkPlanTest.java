package dev.supportkit.core.internal.handling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.PlanState;
import dev.supportkit.api.work.PlanTask;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.TaskStatus;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Work plans (D/01.7) through the public API: drafting, the lead's approval, done tasks, missed deadlines. */
class WorkPlanTest {
    private static final SpecialistId VIKTOR = SpecialistId.of("spc-viktor");
    private static final SpecialistId GALINA = SpecialistId.of("spc-galina");
    private static final SpecialistId DMITRY = SpecialistId.of("spc-dmitry");
    private static final SpecialistId PAVEL = SpecialistId.of("spc-pavel");
    private static final GroupId NETWORK = GroupId.of("grp-network");

    private EngineFixture fx;
    private Actor dmitry;

    @BeforeEach
    void start() {
        fx = new EngineFixture();
        staff(fx);
        dmitry = Actor.staff(DMITRY.value(), "Dmitry Engineer", Role.SECOND_LINE_ENGINEER, fx.tenant);
    }

    private static void staff(EngineFixture fx) {
        var dir = fx.engine.directory();
        dir.saveSpecialist(fx.admin, new Specialist(DMITRY, "Dmitry Engineer", Role.SECOND_LINE_ENGINEER,
                fx.telephony));
        dir.saveGroup(fx.admin, new SupportGroup(NETWORK, "Network, second line", SupportLine.SECOND_LINE));
        dir.saveSpecialist(fx.admin, new Specialist(PAVEL, "Pavel Engineer", Role.SECOND_LINE_ENGINEER, NETWORK));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    private static TaskDraft diagnose() {
        return TaskDraft.builder("diagnose").executor(VIKTOR).description("Find the failed unit")
                .within(Duration.ofHours(2)).build();
    }

    private static TaskDraft replace() {
        return TaskDraft.builder("replace").executor(DMITRY).description("Replace the power supply")
                .within(Duration.ofHours(6)).dependsOn("diagnose").build();
    }

    private JournalEntry last(Request request) {
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        return entries.get(entries.size() - 1);
    }

    private List<String> recipients(Request request, String topic) {
        return fx.engine.quality().deliveries(fx.intakeLead, request.id()).stream()
                .filter(d -> d.topic().equals(topic)).map(Delivery::recipient).sorted().toList();
    }

    private Request atSecondLine() {
        return fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
    }

    private static FieldError only(ValidationException e) {
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0);
    }

    @Test
    @DisplayName("an engineer drafts, the lead approves (an engineer cannot); deadlines count from approval; executors told")
    void draftAndApprove() {
        Request request = atSecondLine();
        Request drafted = fx.engine.work().planWork(fx.engineer, request.ref(), List.of(diagnose(), replace()));

        WorkPlan plan = drafted.workPlan().orElseThrow();
        assertEquals(PlanState.NEEDS_APPROVAL, plan.state());
        assertEquals(1, plan.revision());
        assertEquals(Set.of(VIKTOR, DMITRY), plan.executors());
        assertTrue(plan.tasks().stream().noneMatch(PlanTask::approved));
        assertEquals(Optional.empty(), plan.task("diagnose").orElseThrow().due(), "no deadline before approval");
        JournalEntry entry = last(drafted);
        assertEquals(LaborFunction.C_03_6, entry.function());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(List.of("diagnose", "replace"), ((RequestEvent.WorkPlanned) entry.event()).changed());

        assertThrows(AccessDeniedException.class, () -> fx.engine.work().approvePlan(fx.engineer, drafted.ref()));
        assertEquals(drafted, fx.engine.quality().request(fx.auditor, request.id()), "a refused approval changes nothing");

        fx.clock.advance(Duration.ofMinutes(30));
        Instant approvedAt = fx.clock.instant();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, drafted.ref());
        WorkPlan done = approved.workPlan().orElseThrow();
        assertEquals(PlanState.APPROVED, done.state());
        assertEquals(Optional.of(GALINA), done.approvedBy());
        assertEquals(Optional.of(approvedAt), done.approvedAt());
        // the fixture's policy counts on the 24x7 calendar: working time is plain time
        assertEquals(Optional.of(approvedAt.plus(Duration.ofHours(2))), done.task("diagnose").orElseThrow().due());
        assertEquals(Optional.of(approvedAt.plus(Duration.ofHours(6))), done.task("replace").orElseThrow().due());
        assertEquals(LaborFunction.D_01_7, last(approved).function());
        assertEquals(List.of(DMITRY.value(), VIKTOR.value()), recipients(approved, "plan.task-assigned"));
        assertEquals(approved, fx.engine.quality().request(fx.auditor, request.id()), "the plan is on the snapshot");

        ValidationException again = assertThrows(ValidationException.class,
                () -> fx.engine.work().approvePlan(fx.groupLead, approved.ref()));
        assertEquals("needs-approval", only(again).rule());
    }

    @Test
    @DisplayName("a change returns the plan to approval; unchanged tasks stay approved and can be done; re-approval")
    void changeAndReapprove() {
        Request request = atSecondLine();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.groupLead, request.ref(), List.of(diagnose(), replace())).ref());
        PlanTask diagnoseBefore = approved.workPlan().orElseThrow().task("diagnose").orElseThrow();

        TaskDraft longer = TaskDraft.builder("replace").executor(DMITRY).description("Replace the power supply")
                .within(Duration.ofHours(8)).dependsOn("diagnose").build();
        Request changed = fx.engine.work().planWork(fx.engineer, approved.ref(), List.of(diagnose(), longer));
        WorkPlan plan = changed.workPlan().orElseThrow();
        assertEquals(PlanState.NEEDS_APPROVAL, plan.state());
        assertEquals(2, plan.revision());
        assertEquals(diagnoseBefore, plan.task("diagnose").orElseThrow(), "the unchanged task keeps its approval");
        assertFalse(plan.task("replace").orElseThrow().approved());
        assertEquals(List.of("replace"), ((RequestEvent.WorkPlanned) last(changed).event()).changed());

        Request diagnosed = fx.engine.work().completeTask(fx.engineer, changed.ref(),
                new TaskCompletion("diagnose", "PSU is dead", Duration.ofMinutes(40)));
        PlanTask doneTask = diagnosed.workPlan().orElseThrow().task("diagnose").orElseThrow();
        assertEquals(TaskStatus.DONE, doneTask.status());
        assertEquals(Optional.of("PSU is dead"), doneTask.doneNote());
        assertEquals(Duration.ofMinutes(40), fx.engine.work().timeSpent(fx.groupLead,
                TimeQuery.ofRequest(request.id())).total(), "the time is recorded");

        ValidationException notApproved = assertThrows(ValidationException.class, () -> fx.engine.work()
                .completeTask(dmitry, diagnosed.ref(), new TaskCompletion("replace", "done", Duration.ofMinutes(5))));
        assertEquals(new FieldError("completion.key", "approved", "task 'replace' waits for the group lead's approval"),
                only(notApproved));

        Request reapproved = fx.engine.work().approvePlan(fx.groupLead, diagnosed.ref());
        assertEquals(PlanState.APPROVED, reapproved.workPlan().orElseThrow().state());
        assertEquals(List.of("replace"), ((RequestEvent.WorkPlanApproved) last(reapproved).event()).approved()
                .stream().map(RequestEvent.PlannedTask::key).toList(), "only the changed task is approved again");
        Request finished = fx.engine.work().completeTask(dmitry, reapproved.ref(),
                new TaskCompletion("replace", "Replaced", Duration.ofMinutes(50)));
        assertTrue(finished.workPlan().orElseThrow().isComplete());
    }

    @Test
    @DisplayName("a task done before its deadline never misses; an unfinished one misses and tells executor and lead")
    void missedOnlyWhenUnfinished() {
        Request request = atSecondLine();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.engineer, request.ref(), List.of(diagnose(), replace())).ref());
        Request diagnosed = fx.engine.work().completeTask(fx.engineer, approved.ref(),
                new TaskCompletion("diagnose", "PSU is dead", Duration.ofMinutes(30)));

        fx.clock.advance(Duration.ofHours(3));
        fx.engine.runDueWork();
        List<RequestEvent.PlanTaskMissed> missed = fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .map(JournalEntry::event).filter(RequestEvent.PlanTaskMissed.class::isInstance)
                .map(RequestEvent.PlanTaskMissed.class::cast).toList();
        assertEquals(List.of(), missed, "the done task's deadline passed quietly");

        fx.clock.advance(Duration.ofHours(4));
        fx.engine.runDueWork();
        Request after = fx.engine.quality().request(fx.auditor, request.id());
        JournalEntry entry = fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .filter(e -> e.event() instanceof RequestEvent.PlanTaskMissed).findFirst().orElseThrow();
        assertEquals(new RequestEvent.PlanTaskMissed("replace", DMITRY,
                diagnosed.workPlan().orElseThrow().task("replace").orElseThrow().due().orElseThrow()), entry.event());
        assertEquals(Visibility.INTERNAL, entry.visibility());
        assertEquals(List.of(DMITRY.value(), GALINA.value()), recipients(after, "deadline.missed"));
    }

    @Test
    @DisplayName("a changed or removed task's old deadline does not fire")
    void changedTaskOldDeadlineIsQuiet() {
        Request request = atSecondLine();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.engineer, request.ref(), List.of(diagnose())).ref());
        TaskDraft later = TaskDraft.builder("diagnose").executor(VIKTOR).description("Find the failed unit")
                .within(Duration.ofHours(5)).build();
        Request changed = fx.engine.work().planWork(fx.groupLead, approved.ref(), List.of(later));
        fx.engine.work().approvePlan(fx.groupLead, changed.ref());

        fx.clock.advance(Duration.ofHours(3));
        fx.engine.runDueWork();
        assertTrue(fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .noneMatch(e -> e.event() instanceof RequestEvent.PlanTaskMissed), "the first deadline was replaced");
        fx.clock.advance(Duration.ofHours(3));
        fx.engine.runDueWork();
        assertEquals(1, fx.engine.journal().entries(fx.auditor, request.id()).stream()
                .filter(e -> e.event() instanceof RequestEvent.PlanTaskMissed).count());
    }

    @Test
    @DisplayName("bad plans are refused naming the task's field and rule; nothing is written")
    void badPlans() {
        Request request = atSecondLine();
        var work = fx.engine.work();
        assertEquals("plan.tasks[0].dependsOn/acyclic", rule(() -> work.planWork(fx.engineer, request.ref(), List.of(
                TaskDraft.builder("a").executor(VIKTOR).description("a").within(Duration.ofHours(1)).dependsOn("b")
                        .build(),
                TaskDraft.builder("b").executor(VIKTOR).description("b").within(Duration.ofHours(1)).dependsOn("a")
                        .build()))));
        assertEquals("plan.tasks[0].dependsOn/exists", rule(() -> work.planWork(fx.engineer, request.ref(), List.of(
                TaskDraft.builder("a").executor(VIKTOR).description("a").within(Duration.ofHours(1))
                        .dependsOn("nowhere").build()))));
        assertEquals("plan.tasks[0].executor/exists", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(SpecialistId.of("spc-ghost")).description("a")
                        .within(Duration.ofHours(1)).build()))));
        assertEquals("plan.tasks[0].executor/in-group", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(PAVEL).description("a").within(Duration.ofHours(1)).build()))));
        assertEquals("plan.tasks[0].executor/works-line", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(SpecialistId.of("spc-anna")).description("a")
                        .within(Duration.ofHours(1)).build()))));
        assertEquals("plan.tasks[0].deadline/in-future", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(VIKTOR).description("a")
                        .due(fx.clock.instant().minusSeconds(60)).build()))));
        assertEquals("plan.tasks[0].deadline/one-of", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(VIKTOR).description("a").build()))));
        assertEquals("plan.tasks[0].deadline/range", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(VIKTOR).description("a").within(Duration.ofHours(-1))
                        .build()))));
        assertEquals("plan.tasks[1].key/unique", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(diagnose(), diagnose()))));
        assertEquals("plan.tasks[0].key/pattern", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("no spaces").executor(VIKTOR).description("a").within(Duration.ofHours(1))
                        .build()))));
        assertEquals("plan.tasks/required", rule(() -> work.planWork(fx.engineer, request.ref(), List.of())));
        fx.engine.directory().deactivate(fx.admin, DirectoryKind.SPECIALIST, DMITRY.value(), "on leave");
        assertEquals("plan.tasks[0].executor/active", rule(() -> work.planWork(fx.engineer, request.ref(),
                List.of(TaskDraft.builder("a").executor(DMITRY).description("a").within(Duration.ofHours(1)).build()))));

        assertEquals(request, fx.engine.quality().request(fx.auditor, request.id()), "nothing was written");
        Request first = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        assertThrows(InvalidTransitionException.class, () -> work.planWork(fx.engineer, first.ref(),
                List.of(diagnose())));
        assertThrows(AccessDeniedException.class, () -> work.planWork(fx.operator, request.ref(), List.of(diagnose())));
    }

    @Test
    @DisplayName("only its executor marks a task done, after its dependencies, once")
    void completionRules() {
        Request request = atSecondLine();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.engineer, request.ref(), List.of(diagnose(), replace())).ref());
        var work = fx.engine.work();
        assertThrows(AccessDeniedException.class, () -> work.completeTask(fx.engineer, approved.ref(),
                new TaskCompletion("replace", "done", Duration.ofMinutes(5))), "Viktor is not its executor");
        assertEquals("completion.key/dependencies-done", rule(() -> work.completeTask(dmitry, approved.ref(),
                new TaskCompletion("replace", "done", Duration.ofMinutes(5)))));
        assertEquals("completion.key/exists", rule(() -> work.completeTask(dmitry, approved.ref(),
                new TaskCompletion("nothing", "done", Duration.ofMinutes(5)))));
        assertEquals("completion.spent/range", rule(() -> work.completeTask(fx.engineer, approved.ref(),
                new TaskCompletion("diagnose", "done", Duration.ZERO))));
        Request done = work.completeTask(fx.engineer, approved.ref(),
                new TaskCompletion("diagnose", "done", Duration.ofMinutes(5)));
        assertEquals("completion.key/open", rule(() -> work.completeTask(fx.engineer, done.ref(),
                new TaskCompletion("diagnose", "again", Duration.ofMinutes(5)))));
    }

    @Test
    @DisplayName("customers see no plan by default; with plan-visible-to-customer its tasks without the executors' notes")
    void customerVisibility() {
        Request request = atSecondLine();
        Request approved = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.engineer, request.ref(), List.of(diagnose())).ref());
        fx.engine.work().completeTask(fx.engineer, approved.ref(),
                new TaskCompletion("diagnose", "internal detail", Duration.ofMinutes(5)));
        assertEquals(Optional.empty(), fx.engine.quality().request(fx.customer, request.id()).workPlan());
        assertTrue(fx.engine.journal().entries(fx.customer, request.id()).stream()
                .noneMatch(e -> e.event() instanceof RequestEvent.WorkPlanned), "plan entries are internal");

        fx.close();
        fx = new EngineFixture(Map.of("supportkit.work.plan-visible-to-customer", "true"));
        staff(fx);
        Request visible = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Request planned = fx.engine.work().approvePlan(fx.groupLead, fx.engine.work()
                .planWork(fx.engineer, visible.ref(), List.of(diagnose())).ref());
        fx.engine.work().completeTask(fx.engineer, planned.ref(),
                new TaskCompletion("diagnose", "internal detail", Duration.ofMinutes(5)));
        PlanTask seen = fx.engine.quality().request(fx.customer, visible.id()).workPlan().orElseThrow()
                .task("diagnose").orElseThrow();
        assertEquals(TaskStatus.DONE, seen.status());
        assertEquals(Optional.empty(), seen.doneNote());
        assertEquals(Optional.of("internal detail"), fx.engine.quality().request(fx.auditor, visible.id())
                .workPlan().orElseThrow().task("diagnose").orElseThrow().doneNote(), "staff see the note");
    }

    /** The first error of a refused call as field/rule. */
    private static String rule(org.junit.jupiter.api.function.Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.errors().get(0).field() + "/" + e.errors().get(0).rule();
    }
}
