package dev.supportkit.core.internal.handling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.work.Advice;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.work.TimeSummary;
import dev.supportkit.api.work.Triage;
import dev.supportkit.api.work.WorkService;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.sla.SlaClock;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.LineFunctions;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.ActiveEntries;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimeRecord;
import dev.supportkit.spi.storage.TimeTotal;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Assignment, triage, internal notes, replies, a lead's advice, time records and work plans (B/01.6, B/02.6,
 * C/03.6, D/01.7).
 */
public final class DefaultWorkService implements WorkService {
    private static final int REASON_MAX = 1_000;
    private static final int TEXT_MAX = 10_000;
    private static final int CATEGORY_MAX = 200;
    private static final Set<Role> FIRST_LINE_STAFF = Set.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD);
    private static final Set<Role> SECOND_LINE_STAFF = Set.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD);

    private final RequestCommands commands;
    private final WorkPlanning planning;
    private final WorkAttachments attachments;

    /**
     * @param commands the command pipeline
     * @param sla      the SLA clock, whose calendars count a task's working time
     * @param codec    JSON for timer payloads and journal events
     * @param settings the engine's settings: attachment limits ({@code supportkit.work.*})
     * @param blobs    where attachments are kept, if anywhere
     */
    @Inject
    public DefaultWorkService(RequestCommands commands, SlaClock sla, JacksonCodec codec, EngineSettings settings,
                              Optional<BlobStore> blobs) {
        this.commands = commands;
        this.planning = new WorkPlanning(commands, sla, codec);
        this.attachments = new WorkAttachments(commands, settings.work(), blobs, codec);
    }

    @Override
    public Request attach(Actor actor, RequestRef ref, long entry, FileUpload file) {
        return attachments.attach(actor, ref, entry, file);
    }

    @Override
    public List<Attachment> attachments(Actor actor, RequestId request) {
        return attachments.list(actor, request);
    }

    @Override
    public InputStream openAttachment(Actor actor, RequestId request, String attachment) {
        return attachments.open(actor, request, attachment);
    }

    @Override
    public Request planWork(Actor actor, RequestRef ref, List<TaskDraft> tasks) {
        return planning.plan(actor, ref, tasks);
    }

    @Override
    public Request approvePlan(Actor actor, RequestRef ref) {
        return planning.approve(actor, ref);
    }

    @Override
    public Request completeTask(Actor actor, RequestRef ref, TaskCompletion completion) {
        return planning.complete(actor, ref, completion);
    }

    @Override
    public Request assign(Actor actor, RequestRef ref, Assignment assignment) {
        FieldErrors input = new FieldErrors();
        if (input.required("assignment", assignment)) {
            input.requiredText("assignment.reason", assignment.reason(), REASON_MAX);
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.ASSIGN, RequestAction.ASSIGN, false, step -> {
            Request current = step.current();
            StorageTransaction tx = step.tx();
            FieldErrors errors = step.errors();
            boolean movesGroup = assignment.group().isPresent() && !assignment.group().equals(current.group());
            requireAuthority(tx, actor, current, movesGroup);
            if (assignment.group().isPresent() && current.line() != SupportLine.SECOND_LINE) {
                errors.add("assignment.group", "line", "only a second-line request moves between groups; this one is"
                        + " at " + current.line());
            }
            Optional<GroupId> group = movesGroup ? assignment.group() : current.group();
            if (movesGroup && errors.isEmpty()) {
                Optional<SupportGroup> found = tx.findDirectoryEntry(actor.tenant(), SupportGroup.class,
                        group.get().value());
                if (found.isEmpty()) {
                    errors.add("assignment.group", "exists", "no group '" + group.get() + "'");
                } else if (found.get().line() != SupportLine.SECOND_LINE) {
                    errors.add("assignment.group", "works-line", "group '" + group.get() + "' works "
                            + found.get().line() + ", not SECOND_LINE");
                } else {
                    ActiveEntries.requireActive(tx, actor.tenant(), DirectoryKind.GROUP, group.get().value(),
                            "assignment.group", errors);
                }
            }
            Optional<SpecialistId> assignee = assignment.assignee();
            assignee.ifPresent(id -> checkAssignee(tx, actor, current.line(), group, id, errors));
            if (errors.isEmpty() && assignee.equals(current.assignee()) && group.equals(current.group())) {
                errors.add("assignment.assignee", "changes", assignee.map(a -> "the request is already assigned to '"
                        + a + "'").orElse("the request is already unassigned"));
            }
            if (!errors.isEmpty()) {
                return null;
            }
            RequestEvent.Assigned event = new RequestEvent.Assigned(current.assignee().orElse(null),
                    assignee.orElse(null), current.group().orElse(null), group.orElse(null), assignment.reason());
            Change change = Change.of(step.advance().assignee(assignee.orElse(null)).group(group.orElse(null)),
                    new JournalDraft(assignmentFunction(current.line()), Visibility.INTERNAL, null, event,
                            describe(event)));
            return assignee.isEmpty() || assignee.equals(current.assignee()) ? change
                    : change.notify(MessageTopic.REQUEST_ASSIGNED, assignee.get().value(), Map.of(
                            "assignedBy", actor.displayName(), "reason", assignment.reason()));
        });
    }

    /**
     * Who may assign at which line: first line its operators and the intake lead; the intake lead's line
     * the intake lead; second line the lead of the request's group, and to another group also the intake
     * lead.
     */
    private void requireAuthority(StorageTransaction tx, Actor actor, Request current, boolean movesGroup) {
        boolean allowed = switch (current.line()) {
            case FIRST_LINE -> FIRST_LINE_STAFF.contains(actor.role());
            case INTAKE_LEAD -> actor.role() == Role.INTAKE_LEAD;
            case SECOND_LINE -> movesGroup && actor.role() == Role.INTAKE_LEAD
                    || actor.role() == Role.GROUP_LEAD && leadsGroupOf(tx, actor, current);
            case VENDOR -> false;
        };
        if (!allowed) {
            throw new AccessDeniedException("Role " + actor.role() + " may not assign request '" + current.id()
                    + "' at " + current.line() + (current.group().map(g -> " in group '" + g + "'").orElse(""))
                    + (movesGroup ? " to another group" : ""));
        }
    }

    /** Whether the actor's directory entry names the request's group (a request without a group: any lead). */
    static boolean leadsGroupOf(StorageTransaction tx, Actor actor, Request current) {
        if (current.group().isEmpty()) {
            return true;
        }
        return tx.findDirectoryEntry(actor.tenant(), Specialist.class, actor.id())
                .map(s -> current.group().get().equals(s.group())).orElse(false);
    }

    private static void checkAssignee(StorageTransaction tx, Actor actor, SupportLine line, Optional<GroupId> group,
                                      SpecialistId id, FieldErrors errors) {
        Optional<Specialist> specialist = tx.findDirectoryEntry(actor.tenant(), Specialist.class, id.value());
        if (specialist.isEmpty()) {
            errors.add("assignment.assignee", "exists", "no specialist '" + id + "'");
            return;
        }
        Role role = specialist.get().role();
        boolean works = switch (line) {
            case FIRST_LINE -> FIRST_LINE_STAFF.contains(role);
            case INTAKE_LEAD -> role == Role.INTAKE_LEAD;
            case SECOND_LINE, VENDOR -> SECOND_LINE_STAFF.contains(role);
        };
        if (!works) {
            errors.add("assignment.assignee", "works-line", "'" + id + "' is a " + role + " and does not work "
                    + line);
        } else if (line == SupportLine.SECOND_LINE && group.isPresent()
                && !group.get().equals(specialist.get().group())) {
            errors.add("assignment.assignee", "in-group", "'" + id + "' is not in group '" + group.get() + "'");
        } else {
            ActiveEntries.requireActive(tx, actor.tenant(), DirectoryKind.SPECIALIST, id.value(), "assignment.assignee",
                    errors);
        }
    }

    private static LaborFunction assignmentFunction(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> LaborFunction.A_01_3;
            case INTAKE_LEAD -> LaborFunction.B_02_6;
            case SECOND_LINE, VENDOR -> LaborFunction.D_01_7;
        };
    }

    private static String describe(RequestEvent.Assigned event) {
        String who = event.to() == null ? "Unassigned" : "Assigned to " + event.to();
        String was = event.from() == null ? "" : " (was " + event.from() + ")";
        String moved = Objects.equals(event.fromGroup(), event.toGroup()) ? ""
                : "; moved to group " + event.toGroup() + (event.fromGroup() == null ? "" : " from " + event.fromGroup());
        return who + was + moved + ": " + event.reason();
    }

    @Override
    public Request addNote(Actor actor, RequestRef ref, Note note) {
        FieldErrors input = new FieldErrors();
        if (input.required("note", note)) {
            input.requiredText("note.text", note.text(), TEXT_MAX);
            if (note.mentions().size() > Note.MAX_MENTIONS) {
                input.add("note.mentions", "max-size", "at most " + Note.MAX_MENTIONS + " mentions (was "
                        + note.mentions().size() + ")");
            }
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.NOTE, RequestAction.ADD_NOTE, false, step -> {
            commands.policy().requireWorksGroup(step.tx(), actor, step.current(), RequestAction.ADD_NOTE.verb());
            List<SpecialistId> mentions = note.mentions().stream().sorted(Comparator.comparing(SpecialistId::value))
                    .toList();
            for (SpecialistId mentioned : mentions) {
                if (step.tx().findDirectoryEntry(actor.tenant(), Specialist.class, mentioned.value()).isEmpty()) {
                    step.errors().add("note.mentions", "exists", "no specialist '" + mentioned + "'");
                }
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            LaborFunction function = actor.role() == Role.GROUP_LEAD ? LaborFunction.D_01_7
                    : LineFunctions.dialogue(step.current().line());
            Change change = Change.of(step.advance(), new JournalDraft(function, Visibility.INTERNAL, null,
                    new RequestEvent.NoteAdded(note.text(), mentions), "Internal note"
                    + (mentions.isEmpty() ? "" : " mentioning " + String.join(", ",
                    mentions.stream().map(SpecialistId::value).toList()))));
            for (SpecialistId mentioned : mentions) {
                if (!mentioned.value().equals(actor.id())) {
                    change = change.notify(MessageTopic.NOTE_MENTION, mentioned.value(), Map.of(
                            "author", actor.displayName(), "note", note.text()));
                }
            }
            return change;
        });
    }

    @Override
    public Request reply(Actor actor, RequestRef ref, String text) {
        FieldErrors input = new FieldErrors();
        input.requiredText("reply.text", text, TEXT_MAX);
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.REPLY, RequestAction.REPLY, false, step -> {
            commands.policy().requireWorksGroup(step.tx(), actor, step.current(), RequestAction.REPLY.verb());
            return Change.of(step.advance(), new JournalDraft(LineFunctions.dialogue(step.current().line()),
                    Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.ReplySent(text), "Replied to the customer"))
                    .notifyCustomer(MessageTopic.REQUEST_REPLY, Map.of("reply", text));
        });
    }

    @Override
    public Request triage(Actor actor, RequestRef ref, Triage triage) {
        FieldErrors input = new FieldErrors();
        if (input.required("triage", triage)) {
            input.requiredText("triage.reason", triage.reason(), REASON_MAX);
            triage.findings().ifPresent(f -> input.requiredText("triage.findings", f, TEXT_MAX));
            triage.suspectedCause().ifPresent(c -> input.requiredText("triage.suspectedCause", c, REASON_MAX));
            triage.category().ifPresent(c -> input.requiredText("triage.category", c, CATEGORY_MAX));
            if (triage.findings().isEmpty() && triage.suspectedCause().isEmpty() && triage.typical().isEmpty()
                    && triage.priority().isEmpty() && triage.category().isEmpty() && triage.system().isEmpty()) {
                input.add("triage", "changes", "give findings, a suspected cause, the typical flag or a new"
                        + " priority, category or system");
            }
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.TRIAGE, RequestAction.TRIAGE, true, step -> {
            Request current = step.current();
            Optional<SupportedSystem> system = Optional.empty();
            if (triage.system().isPresent()) {
                system = step.tx().findDirectoryEntry(actor.tenant(), SupportedSystem.class,
                        triage.system().get().value());
                if (system.isEmpty()) {
                    step.errors().add("triage.system", "exists", "no system '" + triage.system().get() + "'");
                } else if (!system.get().organization().equals(current.organization())) {
                    step.errors().add("triage.system", "belongs-to-organization", "system '" + triage.system().get()
                            + "' is not one of organisation '" + current.organization() + "'");
                } else {
                    ActiveEntries.requireActive(step.tx(), actor.tenant(), DirectoryKind.SYSTEM,
                            triage.system().get().value(), "triage.system", step.errors());
                }
            }
            Priority priority = triage.priority().orElse(current.priority());
            Optional<String> category = triage.category().map(String::strip).or(current::category);
            Optional<SystemId> systemId = triage.system().or(current::system);
            boolean changes = priority != current.priority() || !category.equals(current.category())
                    || !systemId.equals(current.system())
                    || triage.typical().isPresent() && !triage.typical().equals(current.typical())
                    || triage.findings().isPresent() || triage.suspectedCause().isPresent();
            if (step.errors().isEmpty() && !changes) {
                step.errors().add("triage", "changes", "nothing would change: the request already has this"
                        + " priority, category, system and typical flag");
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            Request.Builder next = step.advance().priority(priority).category(category.orElse(null))
                    .system(systemId.orElse(null));
            system.ifPresent(s -> next.model(s.model()));
            triage.typical().ifPresent(next::typical);
            RequestEvent.Triaged event = new RequestEvent.Triaged(triage.findings().orElse(null),
                    triage.suspectedCause().orElse(null), triage.typical().orElse(null), current.priority(), priority,
                    current.category().orElse(null), category.orElse(null), current.system().orElse(null),
                    systemId.orElse(null), triage.reason());
            return Change.of(next, new JournalDraft(analysisFunction(current.line()), Visibility.INTERNAL, null, event,
                    describe(event)));
        });
    }

    @Override
    public Request advise(Actor actor, RequestRef ref, Advice advice) {
        FieldErrors input = new FieldErrors();
        if (input.required("advice", advice)) {
            input.required("advice.specialist", advice.specialist());
            input.requiredText("advice.text", advice.text(), TEXT_MAX);
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.ADVISE, RequestAction.ADVISE, false, step -> {
            Request current = step.current();
            if (!leadsGroupOf(step.tx(), actor, current)) {
                throw new AccessDeniedException(actor.id() + " does not lead the group of request '" + current.id()
                        + "'");
            }
            Optional<Specialist> specialist = step.tx().findDirectoryEntry(actor.tenant(), Specialist.class,
                    advice.specialist().value());
            if (specialist.isEmpty()) {
                step.errors().add("advice.specialist", "exists", "no specialist '" + advice.specialist() + "'");
                return null;
            }
            if (current.group().isPresent() && !current.group().get().equals(specialist.get().group())) {
                step.errors().add("advice.specialist", "in-group", "'" + advice.specialist() + "' is not in group '"
                        + current.group().get() + "'");
                return null;
            }
            return Change.of(step.advance(), new JournalDraft(LaborFunction.D_01_7, Visibility.INTERNAL, null,
                            new RequestEvent.LeadAdvice(advice.specialist(), advice.text(), advice.practicalHelp()),
                            (advice.practicalHelp() ? "Practical help to " : "Advice to ") + advice.specialist()))
                    .notify(MessageTopic.LEAD_ADVICE, advice.specialist().value(), Map.of(
                            "author", actor.displayName(), "advice", advice.text()));
        });
    }

    @Override
    public Request recordTime(Actor actor, RequestRef ref, TimeEntry entry) {
        FieldErrors input = new FieldErrors();
        if (input.required("time", entry)) {
            checkSpent("time.spent", entry.spent(), input);
            input.required("time.function", entry.function());
            entry.task().ifPresent(t -> input.requiredText("time.task", t, CATEGORY_MAX));
            input.maxLength("time.note", entry.note(), REASON_MAX);
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.RECORD_TIME, RequestAction.RECORD_TIME, false, step -> {
            commands.policy().requireWorksGroup(step.tx(), actor, step.current(), RequestAction.RECORD_TIME.verb());
            String id = java.util.UUID.randomUUID().toString();
            step.tx().insertTimeRecord(new TimeRecord(actor.tenant(), id, step.current().id(),
                    SpecialistId.of(actor.id()), entry.function(), entry.spent(), entry.task().orElse(null),
                    entry.note(), step.now()));
            return Change.of(step.advance(), new JournalDraft(entry.function(), Visibility.INTERNAL, null,
                    new RequestEvent.TimeRecorded(id, entry.spent(), entry.function(), entry.task().orElse(null),
                            entry.note()), "Time spent: " + entry.spent().toMinutes() + " min ("
                    + entry.function().code() + ")" + entry.task().map(t -> " on " + t).orElse("")));
        });
    }

    /** Time spent: required, more than zero, at most {@link TimeEntry#MAX}, whole seconds. */
    static void checkSpent(String field, java.time.Duration spent, FieldErrors errors) {
        if (errors.required(field, spent)) {
            if (spent.isNegative() || spent.isZero() || spent.compareTo(TimeEntry.MAX) > 0) {
                errors.add(field, "range", "must be more than zero and at most " + TimeEntry.MAX + " (was " + spent
                        + ")");
            } else if (spent.getNano() != 0) {
                errors.add(field, "whole-seconds", "must be whole seconds (was " + spent + ")");
            }
        }
    }

    @Override
    public TimeSummary timeSpent(Actor actor, TimeQuery query) {
        commands.policy().require(actor, Permission.READ_TIME);
        FieldErrors input = new FieldErrors();
        if (input.required("query", query) && query.from().isPresent() && query.until().isPresent()
                && !query.from().get().isBefore(query.until().get())) {
            input.add("query.until", "range", "must be after the start");
        }
        input.throwIfAny();
        List<TimeTotal> totals = commands.read(tx -> tx.sumTime(actor.tenant(), query));
        java.time.Duration total = java.time.Duration.ZERO;
        Map<RequestId, java.time.Duration> byRequest = new java.util.HashMap<>();
        Map<SpecialistId, java.time.Duration> bySpecialist = new java.util.HashMap<>();
        Map<LaborFunction, java.time.Duration> byFunction = new java.util.EnumMap<>(LaborFunction.class);
        for (TimeTotal t : totals) {
            total = total.plus(t.spent());
            byRequest.merge(t.request(), t.spent(), java.time.Duration::plus);
            bySpecialist.merge(t.specialist(), t.spent(), java.time.Duration::plus);
            byFunction.merge(t.function(), t.spent(), java.time.Duration::plus);
        }
        return new TimeSummary(total, byRequest, bySpecialist, byFunction);
    }

    private static LaborFunction analysisFunction(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> LaborFunction.A_01_3;
            case INTAKE_LEAD -> LaborFunction.B_01_6;
            case SECOND_LINE, VENDOR -> LaborFunction.C_03_6;
        };
    }

    private static String describe(RequestEvent.Triaged e) {
        List<String> parts = new java.util.ArrayList<>();
        if (e.fromPriority() != e.toPriority()) {
            parts.add("priority " + e.fromPriority() + " → " + e.toPriority());
        }
        if (!Objects.equals(e.fromCategory(), e.toCategory())) {
            parts.add("category " + e.fromCategory() + " → " + e.toCategory());
        }
        if (!Objects.equals(e.fromSystem(), e.toSystem())) {
            parts.add("system " + e.fromSystem() + " → " + e.toSystem());
        }
        if (e.typical() != null) {
            parts.add(e.typical() ? "typical" : "non-typical");
        }
        if (e.suspectedCause() != null) {
            parts.add("suspected cause: " + e.suspectedCause());
        }
        return "Analysed" + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")") + ": " + e.reason();
    }
}
