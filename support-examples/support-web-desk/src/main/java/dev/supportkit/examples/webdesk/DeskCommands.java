package dev.supportkit.examples.webdesk;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.SupportServices;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.api.work.Triage;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.work.PlanState;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import java.time.Duration;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.Advice;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.quality.SurveyAnswer;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.work.Note;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The commands on a request that the desk offers, shared by the HTML forms and the REST API: each has a name
 * (the last part of its URL), the parameters it reads, and which roles in which statuses are offered it.
 * The offer only decides which buttons a card shows; the engine decides what is allowed and refuses
 * everything else ({@code AccessDeniedException}, {@code InvalidTransitionException}).
 */
public enum DeskCommands {
    /** Take a registered request into work (first line). */
    TAKE("take", List.of(), EnumSet.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD), s -> s == RequestStatus.REGISTERED),
    /** Redirect to the intake lead ({@code intake-lead}) or a second-line group ({@code group:<id>}). */
    REDIRECT("redirect", List.of("target", "reason"), Roles.WORKERS, RequestStatus::isWorking),
    /** Ask the customer a question; the request waits for the answer. */
    CLARIFICATION_REQUEST("clarification-request", List.of("question"), Roles.WORKERS, RequestStatus::isWorking),
    /** The customer's answer to a question. */
    CLARIFICATION("clarification", List.of("answer"), EnumSet.of(Role.CUSTOMER_REPRESENTATIVE),
            s -> s == RequestStatus.WAITING_FOR_CUSTOMER),
    /** Resolve with a summary and a cause. */
    RESOLVE("resolve", List.of("summary", "cause"), Roles.WORKERS, RequestStatus::isWorking),
    /** The customer signs the result off. */
    SIGN_OFF("sign-off", List.of("comment"), EnumSet.of(Role.CUSTOMER_REPRESENTATIVE), s -> s == RequestStatus.RESOLVED),
    /** The customer objects to the result; the request is reopened. */
    OBJECTION("objection", List.of("objection"), EnumSet.of(Role.CUSTOMER_REPRESENTATIVE),
            s -> s == RequestStatus.RESOLVED),
    /** Close a signed-off request (leads). */
    CLOSE("close", List.of("note"), EnumSet.of(Role.INTAKE_LEAD, Role.GROUP_LEAD), s -> s == RequestStatus.SIGNED_OFF),
    /** An internal note. */
    NOTE("note", List.of("text"), Roles.WORKERS, RequestStatus::isOpen),
    /** Assign to a specialist ({@code assignee}: their id); the engine decides who may assign whom at each line. */
    ASSIGN("assign", List.of("assignee", "reason"), EnumSet.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD,
            Role.GROUP_LEAD), RequestStatus::isWorking),
    /** Triage: the reason, and a new priority and/or category (either may be left empty). */
    TRIAGE("triage", List.of("reason", "priority", "category"), Roles.WORKERS, RequestStatus::isOpen),
    /**
     * Propose the work plan (second line): {@code tasks}, one per line, {@code key; executor id; what to do;
     * working minutes (optional)}. A new plan or a change needs the group lead's approval.
     */
    PLAN_WORK("plan-work", List.of("tasks"), EnumSet.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD),
            RequestStatus::isWorking),
    /** The group lead approves the proposed plan. */
    APPROVE_PLAN("approve-plan", List.of(), EnumSet.of(Role.GROUP_LEAD), RequestStatus::isWorking),
    /** An executor reports a task of the approved plan done: its key, the minutes spent and a note. */
    COMPLETE_TASK("complete-task", List.of("task", "minutes", "note"), EnumSet.of(Role.SECOND_LINE_ENGINEER,
            Role.GROUP_LEAD), RequestStatus::isWorking),
    /** Record working time on the request: minutes, the labour function's code (e.g. C/03.6) and a note. */
    RECORD_TIME("record-time", List.of("minutes", "function", "note"), Roles.WORKERS, RequestStatus::isOpen),
    /** A group lead's advice to a specialist of the request's group (D/01.7). */
    ADVISE("advise", List.of("specialist", "text"), EnumSet.of(Role.GROUP_LEAD), RequestStatus::isWorking),
    /** Ask the group lead to decide (second line). */
    ESCALATE_TO_LEAD("escalate-to-lead", List.of("reason"), EnumSet.of(Role.SECOND_LINE_ENGINEER),
            RequestStatus::isWorking),
    /** The group lead hands the problem to the vendor: the vendor's name, their case number (optional), the problem. */
    VENDOR("vendor", List.of("vendor", "case", "problem"), EnumSet.of(Role.GROUP_LEAD), RequestStatus::isWorking),
    /** A reply the customer sees. */
    REPLY("reply", List.of("text"), Roles.WORKERS, RequestStatus::isOpen),
    /** The customer answers the satisfaction survey sent when the request was closed: a score of 1 to 5. */
    SURVEY("survey", List.of("score", "comment"), EnumSet.of(Role.CUSTOMER_REPRESENTATIVE),
            s -> s == RequestStatus.CLOSED);

    private final String path;
    private final List<String> parameters;
    private final Set<Role> roles;
    private final Predicate<RequestStatus> when;

    DeskCommands(String path, List<String> parameters, Set<Role> roles, Predicate<RequestStatus> when) {
        this.path = path;
        this.parameters = parameters;
        this.roles = roles;
        this.when = when;
    }

    /** Staff who work requests. */
    private static final class Roles {
        static final Set<Role> WORKERS = EnumSet.of(Role.FIRST_LINE_OPERATOR, Role.INTAKE_LEAD,
                Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD);
    }

    /**
     * The command's name in URLs and forms.
     *
     * @return the name
     */
    public String path() {
        return path;
    }

    /**
     * The parameters the command reads.
     *
     * @return the parameter names
     */
    public List<String> parameters() {
        return parameters;
    }

    /**
     * Whether the card offers this command to a role on a request in a status.
     *
     * @param role   the role
     * @param status the request's status
     * @return true when offered
     */
    public boolean offered(Role role, RequestStatus status) {
        return roles.contains(role) && when.test(status);
    }

    /**
     * The commands offered to a role on a request in a status.
     *
     * @param role    the role
     * @param request the request
     * @return the commands
     */
    public static List<DeskCommands> offered(Role role, Request request) {
        return java.util.Arrays.stream(values()).filter(c -> c.offered(role, request.status()))
                // a survey is offered while one was sent and is not answered yet
                .filter(c -> c != SURVEY || request.survey().filter(s -> !s.isAnswered()).isPresent())
                // approval while a plan waits for it; task reports once a plan is approved
                .filter(c -> c != APPROVE_PLAN || request.workPlan().filter(p -> p.state() == PlanState.NEEDS_APPROVAL)
                        .isPresent())
                .filter(c -> c != COMPLETE_TASK || request.workPlan().filter(p -> p.state() == PlanState.APPROVED)
                        .isPresent())
                .toList();
    }

    /**
     * A command by its name.
     *
     * @param path the name
     * @return the command
     * @throws NotFoundException for an unknown name
     */
    public static DeskCommands byPath(String path) {
        for (DeskCommands command : values()) {
            if (command.path.equals(path)) {
                return command;
            }
        }
        throw new NotFoundException("command", path);
    }

    /**
     * Runs the command through the public API.
     *
     * @param engine     the engine's services
     * @param actor      who acts
     * @param ref        the request and the version the person saw
     * @param parameters the parameters by name (missing ones are null)
     * @return the new snapshot
     */
    public Request run(SupportServices engine, Actor actor, RequestRef ref, Function<String, String> parameters) {
        return switch (this) {
            case TAKE -> engine.intake().takeIntoWork(actor, ref);
            case REDIRECT -> engine.escalation().redirect(actor, ref, target(parameters.apply("target")),
                    parameters.apply("reason"));
            case CLARIFICATION_REQUEST -> engine.resolution().requestClarification(actor, ref, parameters.apply("question"));
            case CLARIFICATION -> engine.intake().provideClarification(actor, ref, Channel.WEB_FORM,
                    parameters.apply("answer"));
            case RESOLVE -> engine.resolution().resolve(actor, ref, ResolutionReport.of(
                    nullToEmpty(parameters.apply("summary")), nullToEmpty(parameters.apply("cause"))));
            case SIGN_OFF -> engine.resolution().signOff(actor, ref, parameters.apply("comment"));
            case OBJECTION -> engine.resolution().reopen(actor, ref, parameters.apply("objection"));
            case CLOSE -> engine.quality().close(actor, ref, parameters.apply("note"));
            case NOTE -> engine.work().addNote(actor, ref, Note.of(nullToEmpty(parameters.apply("text"))));
            case REPLY -> engine.work().reply(actor, ref, parameters.apply("text"));
            case ASSIGN -> engine.work().assign(actor, ref, Assignment.to(specialist(parameters.apply("assignee")),
                    parameters.apply("reason")));
            case TRIAGE -> engine.work().triage(actor, ref, triage(parameters));
            case PLAN_WORK -> engine.work().planWork(actor, ref, tasks(parameters.apply("tasks")));
            case RECORD_TIME -> engine.work().recordTime(actor, ref, TimeEntry.of(Duration.ofMinutes(minutes(
                    "entry.spent", parameters.apply("minutes"))), function(parameters.apply("function")),
                    nullToEmpty(parameters.apply("note"))));
            case ADVISE -> engine.work().advise(actor, ref, Advice.of(specialist(parameters.apply("specialist")),
                    nullToEmpty(parameters.apply("text"))));
            case ESCALATE_TO_LEAD -> engine.escalation().escalateToGroupLead(actor, ref, parameters.apply("reason"));
            case VENDOR -> engine.escalation().escalateToVendor(actor, ref, new VendorCase(
                    nullToEmpty(parameters.apply("vendor")), blankToNull(parameters.apply("case")),
                    nullToEmpty(parameters.apply("problem"))));
            case APPROVE_PLAN -> engine.work().approvePlan(actor, ref);
            case COMPLETE_TASK -> engine.work().completeTask(actor, ref, new TaskCompletion(
                    nullToEmpty(parameters.apply("task")).strip(), nullToEmpty(parameters.apply("note")),
                    Duration.ofMinutes(minutes("task.minutes", parameters.apply("minutes")))));
            case SURVEY -> engine.quality().answerSurvey(actor, ref, new SurveyAnswer(score(parameters.apply("score")),
                    blankToNull(parameters.apply("comment"))));
        };
    }

    /**
     * Reads a survey score: a whole number (the engine checks its range, 1 to 5).
     *
     * @param text the score as sent
     * @return the number
     * @throws ValidationException naming the field {@code answer.score} with rule {@code format}
     */
    static int score(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(List.of(new dev.supportkit.api.error.FieldError("answer.score", "format",
                    "must be a whole number from 1 to 5")));
        }
    }

    /** A specialist id as sent; blank is none (the engine names the field). */
    private static SpecialistId specialist(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return SpecialistId.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new dev.supportkit.api.error.FieldError("assignment.assignee",
                    "format", e.getMessage())));
        }
    }

    /** The plan's tasks, one per line: {@code key; executor; description; minutes (optional)}. */
    static List<TaskDraft> tasks(String text) {
        List<TaskDraft> tasks = new java.util.ArrayList<>();
        List<dev.supportkit.api.error.FieldError> errors = new java.util.ArrayList<>();
        String[] lines = nullToEmpty(text).strip().split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split(";", -1);
            if (parts.length < 3 || parts.length > 4) {
                errors.add(new dev.supportkit.api.error.FieldError("tasks[" + i + "]", "format",
                        "write key; executor id; what to do; minutes (optional)"));
                continue;
            }
            try {
                TaskDraft.Builder task = TaskDraft.builder(parts[0].strip()).executor(specialist(parts[1]))
                        .description(parts[2].strip());
                if (parts.length == 4 && !parts[3].isBlank()) {
                    task.within(Duration.ofMinutes(minutes("tasks[" + i + "].minutes", parts[3])));
                }
                tasks.add(task.build());
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return tasks;
    }

    /** A labour function by its code (A/01.3 … D/02.7). */
    private static LaborFunction function(String code) {
        try {
            return LaborFunction.ofCode(nullToEmpty(code).strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new dev.supportkit.api.error.FieldError("entry.function", "one-of",
                    "must be a labour-function code such as C/03.6")));
        }
    }

    private static long minutes(String field, String text) {
        try {
            long minutes = Long.parseLong(nullToEmpty(text).strip());
            if (minutes >= 0) {
                return minutes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ValidationException(List.of(new dev.supportkit.api.error.FieldError(field, "format",
                "must be a whole number of minutes")));
    }

    /** A triage from its form: the reason, and a priority and category when given. */
    private static Triage triage(Function<String, String> parameters) {
        Triage.Builder triage = Triage.builder(nullToEmpty(parameters.apply("reason")));
        String priority = blankToNull(parameters.apply("priority"));
        if (priority != null) {
            try {
                triage.priority(Priority.valueOf(priority.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(List.of(new dev.supportkit.api.error.FieldError("triage.priority",
                        "one-of", "must be one of LOW, NORMAL, HIGH, CRITICAL")));
            }
        }
        String category = blankToNull(parameters.apply("category"));
        if (category != null) {
            triage.category(category);
        }
        return triage.build();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /**
     * Reads a redirect target: {@code intake-lead} or {@code group:<group id>}.
     *
     * @param text the target
     * @return the target
     * @throws ValidationException naming the field {@code target}
     */
    static RedirectTarget target(String text) {
        if ("intake-lead".equals(text)) {
            return RedirectTarget.intakeLead();
        }
        if (text != null && text.startsWith("group:") && text.length() > "group:".length()) {
            try {
                return RedirectTarget.secondLine(GroupId.of(text.substring("group:".length())));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new ValidationException(List.of(new FieldError("target", text == null || text.isBlank() ? "required"
                : "allowed", "intake-lead or group:<group id>")));
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * The parameters of a JSON or form body as a lookup.
     *
     * @param values the values
     * @return the lookup
     */
    static Function<String, String> lookup(Map<String, String> values) {
        return values::get;
    }
}
