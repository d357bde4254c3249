package dev.supportkit.core.internal.handling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.work.PlanState;
import dev.supportkit.api.work.PlanTask;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.TaskStatus;
import dev.supportkit.api.work.WorkPlan;
import dev.supportkit.core.internal.calendar.BusinessCalendar;
import dev.supportkit.core.internal.calendar.BusinessCalendars;
import dev.supportkit.core.internal.jobs.PlanTaskDeadlineHandler;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.Step;
import dev.supportkit.core.internal.request.RequestCommands.TimerDraft;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.sla.SlaClock;
import dev.supportkit.spi.storage.TimeRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Work plans (D/01.7): an engineer or the group lead drafts the tasks, the group lead approves them, each
 * executor marks their task done. Missed deadlines are the {@link PlanTaskDeadlineHandler}'s.
 */
final class WorkPlanning {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final int DESCRIPTION_MAX = 500;
    private static final int NOTE_MAX = 1_000;
    private static final Duration MAX_WORKING_TIME = Duration.ofDays(365);

    private final RequestCommands commands;
    private final SlaClock sla;
    private final JacksonCodec codec;

    WorkPlanning(RequestCommands commands, SlaClock sla, JacksonCodec codec) {
        this.commands = commands;
        this.sla = sla;
        this.codec = codec;
    }

    Request plan(Actor actor, RequestRef ref, List<TaskDraft> drafts) {
        FieldErrors input = new FieldErrors();
        if (input.required("plan.tasks", drafts)) {
            if (drafts.isEmpty()) {
                input.add("plan.tasks", "required", "give at least one task");
            } else if (drafts.size() > WorkPlan.MAX_TASKS) {
                input.add("plan.tasks", "max-size", "at most " + WorkPlan.MAX_TASKS + " tasks (was " + drafts.size()
                        + ")");
            } else {
                checkDrafts(drafts, input);
            }
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.PLAN_WORK, RequestAction.PLAN_WORK, false, step -> {
            Request current = step.current();
            commands.policy().requireWorksGroup(step.tx(), actor, current, RequestAction.PLAN_WORK.verb());
            for (int i = 0; i < drafts.size(); i++) {
                TaskDraft draft = drafts.get(i);
                checkExecutor(step, draft.executor(), task(i, "executor"));
                int index = i;
                draft.due().filter(due -> !due.isAfter(step.now())).ifPresent(due -> step.errors().add(
                        task(index, "deadline"), "in-future", "must be after now (" + step.now() + "), was " + due));
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            Optional<WorkPlan> before = current.workPlan();
            List<PlanTask> tasks = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            for (TaskDraft draft : drafts) {
                Optional<PlanTask> kept = before.flatMap(p -> p.task(draft.key())).filter(t -> t.sameAs(draft));
                tasks.add(kept.orElseGet(() -> new PlanTask(draft.key(), draft.executor(), draft.description().strip(),
                        draft.workingTime(), draft.due(), List.copyOf(draft.dependsOn()), false, TaskStatus.OPEN,
                        Optional.empty(), Optional.empty())));
                if (kept.isEmpty()) {
                    changed.add(draft.key());
                }
            }
            Set<String> keys = new HashSet<>();
            drafts.forEach(d -> keys.add(d.key()));
            List<String> removed = before.map(p -> p.tasks().stream().map(PlanTask::key)
                    .filter(k -> !keys.contains(k)).toList()).orElse(List.of());
            if (before.isPresent() && changed.isEmpty() && removed.isEmpty() && before.get().tasks().equals(tasks)) {
                step.errors().add("plan.tasks", "changes", "the plan already holds these tasks in this order");
                return null;
            }
            int revision = before.map(p -> p.revision() + 1).orElse(1);
            WorkPlan plan = new WorkPlan(PlanState.NEEDS_APPROVAL, revision, tasks,
                    before.flatMap(WorkPlan::approvedBy), before.flatMap(WorkPlan::approvedAt));
            LaborFunction function = actor.role() == Role.GROUP_LEAD ? LaborFunction.D_01_7 : LaborFunction.C_03_6;
            return Change.of(step.advance().workPlan(plan), new JournalDraft(function, Visibility.INTERNAL, null,
                    new RequestEvent.WorkPlanned(revision, planned(tasks), changed, removed),
                    "Work plan revision " + revision + ": " + tasks.size() + " task(s)"
                            + (changed.isEmpty() ? "" : ", new or changed: " + String.join(", ", changed))
                            + (removed.isEmpty() ? "" : ", removed: " + String.join(", ", removed))
                            + "; needs the group lead's approval"));
        });
    }

    /** Checks what needs no request: keys, descriptions, deadlines and dependencies. */
    private static void checkDrafts(List<TaskDraft> drafts, FieldErrors errors) {
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int index = 0; index < drafts.size(); index++) {
            int i = index;
            TaskDraft draft = drafts.get(i);
            if (!errors.required("plan.tasks[" + i + "]", draft)) {
                continue;
            }
            if (errors.required(task(i, "key"), draft.key())) {
                if (!KEY.matcher(draft.key()).matches()) {
                    errors.add(task(i, "key"), "pattern", "1 to 40 letters, digits, '.', '_' or '-' (was '"
                            + draft.key() + "')");
                } else if (indexByKey.putIfAbsent(draft.key(), i) != null) {
                    errors.add(task(i, "key"), "unique", "task '" + draft.key() + "' is already task "
                            + indexByKey.get(draft.key()));
                }
            }
            errors.required(task(i, "executor"), draft.executor());
            errors.requiredText(task(i, "description"), draft.description(), DESCRIPTION_MAX);
            if (draft.workingTime().isPresent() == draft.due().isPresent()) {
                errors.add(task(i, "deadline"), "one-of", "give either working time or a fixed deadline");
            }
            draft.workingTime().filter(w -> w.isNegative() || w.isZero() || w.compareTo(MAX_WORKING_TIME) > 0)
                    .ifPresent(w -> errors.add(task(i, "deadline"), "range", "working time must be more than zero"
                            + " and at most " + MAX_WORKING_TIME.toDays() + " days (was " + w + ")"));
            draft.due().ifPresent(due -> errors.inRange(task(i, "deadline"), due));
        }
        for (int i = 0; i < drafts.size(); i++) {
            TaskDraft draft = drafts.get(i);
            if (draft == null) {
                continue;
            }
            for (String dependency : draft.dependsOn()) {
                if (!indexByKey.containsKey(dependency) || dependency.equals(draft.key())) {
                    errors.add(task(i, "dependsOn"), "exists", "'" + dependency + "' is not another task of the plan");
                }
            }
        }
        if (errors.isEmpty()) {
            findCycle(drafts, indexByKey).ifPresent(i -> errors.add(task(i, "dependsOn"), "acyclic",
                    "task '" + drafts.get(i).key() + "' depends on itself through its dependencies"));
        }
    }

    /** The index of a task on a dependency cycle, if there is one (depth-first search, three colours). */
    private static Optional<Integer> findCycle(List<TaskDraft> drafts, Map<String, Integer> indexByKey) {
        int[] state = new int[drafts.size()];
        for (int start = 0; start < drafts.size(); start++) {
            Optional<Integer> found = visit(start, drafts, indexByKey, state);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> visit(int i, List<TaskDraft> drafts, Map<String, Integer> indexByKey,
                                           int[] state) {
        if (state[i] == 2) {
            return Optional.empty();
        }
        if (state[i] == 1) {
            return Optional.of(i);
        }
        state[i] = 1;
        for (String dependency : drafts.get(i).dependsOn()) {
            Optional<Integer> found = visit(indexByKey.get(dependency), drafts, indexByKey, state);
            if (found.isPresent()) {
                return found;
            }
        }
        state[i] = 2;
        return Optional.empty();
    }

    private static String task(int index, String part) {
        return "plan.tasks[" + index + "]." + part;
    }

    /** An executor must be an active second-line specialist of the request's group. */
    private static void checkExecutor(Step step, SpecialistId id, String field) {
        Optional<Specialist> specialist = step.tx().findDirectoryEntry(step.actor().tenant(), Specialist.class,
                id.value());
        if (specialist.isEmpty()) {
            step.errors().add(field, "exists", "no specialist '" + id + "'");
        } else if (specialist.get().role() != Role.SECOND_LINE_ENGINEER && specialist.get().role() != Role.GROUP_LEAD) {
            step.errors().add(field, "works-line", "'" + id + "' is a " + specialist.get().role()
                    + ", not a second-line specialist");
        } else if (step.current().group().isPresent() && !step.current().group().get()
                .equals(specialist.get().group())) {
            step.errors().add(field, "in-group", "'" + id + "' is not in group '" + step.current().group().get() + "'");
        } else {
            ActiveEntries.requireActive(step.tx(), step.actor().tenant(), DirectoryKind.SPECIALIST, id.value(), field,
                    step.errors());
        }
    }

    Request approve(Actor actor, RequestRef ref) {
        return commands.execute(actor, ref, Permission.APPROVE_PLAN, RequestAction.APPROVE_PLAN, false, step -> {
            Request current = step.current();
            if (!DefaultWorkService.leadsGroupOf(step.tx(), actor, current)) {
                throw new AccessDeniedException(actor.id() + " does not lead the group of request '" + current.id()
                        + "' and may not approve its work plan");
            }
            if (current.workPlan().isEmpty()) {
                step.errors().add("plan", "exists", "request '" + current.id() + "' has no work plan");
                return null;
            }
            WorkPlan plan = current.workPlan().get();
            if (plan.state() == PlanState.APPROVED) {
                step.errors().add("plan", "needs-approval", "revision " + plan.revision() + " is already approved");
                return null;
            }
            BusinessCalendar calendar = sla.policyFor(step.tx(), current.tenant(), current.organization())
                    .map(SlaClock.Applied::calendar)
                    .or(() -> sla.calendars().get(BusinessCalendars.TWENTY_FOUR_SEVEN)).orElseThrow();
            List<PlanTask> tasks = new ArrayList<>();
            List<PlanTask> approved = new ArrayList<>();
            for (int i = 0; i < plan.tasks().size(); i++) {
                PlanTask task = plan.tasks().get(i);
                if (task.approved()) {
                    tasks.add(task);
                    continue;
                }
                Instant due = task.workingTime().isPresent()
                        ? calendar.addWorkingTime(step.now(), task.workingTime().get()) : task.due().orElseThrow();
                if (!due.isAfter(step.now())) {
                    step.errors().add(task(i, "deadline"), "in-future", "task '" + task.key() + "' was due " + due
                            + ", before now (" + step.now() + "); plan it again with a later deadline");
                }
                PlanTask next = new PlanTask(task.key(), task.executor(), task.description(), task.workingTime(),
                        Optional.of(due), task.dependsOn(), true, task.status(), task.doneAt(), task.doneNote());
                tasks.add(next);
                approved.add(next);
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            WorkPlan next = new WorkPlan(PlanState.APPROVED, plan.revision(), tasks,
                    Optional.of(SpecialistId.of(actor.id())), Optional.of(step.now()));
            Change change = Change.of(step.advance().workPlan(next), new JournalDraft(LaborFunction.D_01_7,
                    Visibility.INTERNAL, null, new RequestEvent.WorkPlanApproved(plan.revision(), planned(approved)),
                    "Work plan revision " + plan.revision() + " approved" + (approved.isEmpty() ? ""
                            : "; tasks " + String.join(", ", approved.stream().map(PlanTask::key).toList()))));
            for (PlanTask task : approved) {
                if (task.isDone()) {
                    continue;
                }
                Instant due = task.due().orElseThrow();
                change = change.withTimer(new TimerDraft(PlanTaskDeadlineHandler.KIND, due,
                        codec.toJson(new PlanTaskDeadlineHandler.Payload(task.key(), due))))
                        .notify(MessageTopic.PLAN_TASK_ASSIGNED, task.executor().value(), Map.of("task", task.key(),
                                "description", task.description(), "due", due.toString(),
                                "approvedBy", actor.displayName()));
            }
            return change;
        });
    }

    Request complete(Actor actor, RequestRef ref, TaskCompletion completion) {
        FieldErrors input = new FieldErrors();
        if (input.required("completion", completion)) {
            input.requiredText("completion.key", completion.key(), 40);
            input.requiredText("completion.note", completion.note(), NOTE_MAX);
            DefaultWorkService.checkSpent("completion.spent", completion.spent(), input);
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.COMPLETE_TASK, RequestAction.COMPLETE_TASK, false, step -> {
            Request current = step.current();
            Optional<WorkPlan> plan = current.workPlan();
            Optional<PlanTask> found = plan.flatMap(p -> p.task(completion.key()));
            if (found.isEmpty()) {
                step.errors().add("completion.key", "exists", "the work plan has no task '" + completion.key() + "'");
                return null;
            }
            PlanTask task = found.get();
            if (!task.executor().value().equals(actor.id())) {
                throw new AccessDeniedException("only its executor '" + task.executor() + "' marks task '"
                        + task.key() + "' done");
            }
            if (!task.approved()) {
                step.errors().add("completion.key", "approved", "task '" + task.key()
                        + "' waits for the group lead's approval");
            } else if (task.isDone()) {
                step.errors().add("completion.key", "open", "task '" + task.key() + "' is already done");
            } else {
                List<String> pending = task.dependsOn().stream()
                        .filter(k -> plan.get().task(k).map(t -> !t.isDone()).orElse(false)).toList();
                if (!pending.isEmpty()) {
                    step.errors().add("completion.key", "dependencies-done", "task '" + task.key()
                            + "' depends on unfinished " + String.join(", ", pending));
                }
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            String record = UUID.randomUUID().toString();
            step.tx().insertTimeRecord(new TimeRecord(actor.tenant(), record, current.id(), task.executor(),
                    LaborFunction.C_03_6, completion.spent(), task.key(), completion.note(), step.now()));
            List<PlanTask> tasks = plan.get().tasks().stream().map(t -> t != task ? t : new PlanTask(t.key(),
                    t.executor(), t.description(), t.workingTime(), t.due(), t.dependsOn(), t.approved(),
                    TaskStatus.DONE, Optional.of(step.now()), Optional.of(completion.note()))).toList();
            WorkPlan next = new WorkPlan(plan.get().state(), plan.get().revision(), tasks, plan.get().approvedBy(),
                    plan.get().approvedAt());
            return Change.of(step.advance().workPlan(next), new JournalDraft(LaborFunction.C_03_6, Visibility.INTERNAL,
                    null, new RequestEvent.PlanTaskDone(task.key(), task.executor(), completion.note(),
                    completion.spent(), record), "Task '" + task.key() + "' done in "
                    + completion.spent().toMinutes() + " min: " + completion.note()));
        });
    }

    private static List<RequestEvent.PlannedTask> planned(List<PlanTask> tasks) {
        return tasks.stream().map(t -> new RequestEvent.PlannedTask(t.key(), t.executor(), t.description(),
                t.workingTime().orElse(null), t.due().orElse(null), t.dependsOn())).toList();
    }
}
