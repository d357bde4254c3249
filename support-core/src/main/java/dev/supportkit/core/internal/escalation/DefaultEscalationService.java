package dev.supportkit.core.internal.escalation;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.sla.SlaClock;
import dev.supportkit.core.internal.config.EngineSettings;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.LineFunctions;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.core.internal.security.Permission;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/** Redirects between lines (A/02.3, B/01.6) and the group lead's organisation of work (D/01.7). */
public final class DefaultEscalationService implements EscalationService {
    private static final Set<Role> SECOND_LINE_ROLES = Set.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD);

    private final RequestCommands commands;
    private final SlaClock sla;
    private final SecondLineRouter router;

    /**
     * @param commands the unit-of-work runner
     * @param sla      the SLA clock (calendars for the customer's time zone)
     * @param settings the engine's settings (routing rules)
     */
    @Inject
    public DefaultEscalationService(RequestCommands commands, SlaClock sla, EngineSettings settings) {
        this.commands = commands;
        this.sla = sla;
        this.router = new SecondLineRouter(settings.routing());
    }

    @Override
    public List<String> deadlinePromises(Actor actor, RequestId request, Locale locale) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        Request loaded = commands.read(tx -> commands.load(tx, actor, request));
        boolean english = "en".equals(locale.getLanguage());
        List<String> promises = new ArrayList<>();
        for (Deadline d : loaded.deadlines()) {
            ZoneId zone = sla.calendars().get(d.calendar()).map(c -> c.zone()).orElse(ZoneId.of("Europe/Moscow"));
            // the year is said only when the date is not in the current year (a promise made on 30 December)
            boolean thisYear = d.dueAt().atZone(zone).getYear() == commands.now().atZone(zone).getYear();
            String pattern = (english ? "HH:mm 'on' d MMMM" : "HH:mm d MMMM") + (thisYear ? "" : " yyyy");
            DateTimeFormatter time = DateTimeFormatter.ofPattern(pattern,
                    english ? Locale.ENGLISH : Locale.forLanguageTag("ru")).withZone(zone);
            String when = time.format(d.dueAt());
            switch (d.state()) {
                case PENDING -> promises.add(switch (d.kind()) {
                    case FIRST_RESPONSE -> english ? "We will answer by " + when + "." : "Мы ответим до " + when + ".";
                    case NEXT_UPDATE -> english ? "We will update you by " + when + "."
                            : "Мы сообщим о ходе работ до " + when + ".";
                    case RESOLUTION -> english ? "We plan to resolve the problem by " + when + "."
                            : "Мы планируем устранить проблему до " + when + ".";
                });
                case PAUSED -> promises.add(loaded.status() == RequestStatus.WAITING_FOR_CUSTOMER
                        ? english ? "The deadline is paused until you answer our question."
                                : "Срок приостановлен до получения вашего ответа на наш вопрос."
                        : english ? "The deadline is paused until the equipment vendor answers."
                                : "Срок приостановлен до получения ответа производителя оборудования.");
                case BREACHED -> {
                    if (d.metAt() == null) {
                        promises.add(english ? "We are late and working on it with priority."
                                : "Мы не уложились в срок и работаем над заявкой в приоритетном порядке.");
                    }
                }
                default -> { }
            }
        }
        return List.copyOf(promises);
    }

    @Override
    public Request redirect(Actor actor, RequestRef ref, RedirectTarget target, String reason) {
        commands.policy().require(actor, Permission.REDIRECT);
        FieldErrors input = new FieldErrors();
        if (input.required("redirect.target", target) && input.required("redirect.target.line", target.line())
                && target.line() != SupportLine.SECOND_LINE && target.line() != SupportLine.INTAKE_LEAD) {
            input.add("redirect.target.line", "allowed-value", "must be SECOND_LINE or INTAKE_LEAD (was "
                    + target.line() + ")");
        }
        input.requiredText("redirect.reason", reason, 1000);
        input.throwIfAny();
        RequestAction action = target.line() == SupportLine.SECOND_LINE
                ? RequestAction.REDIRECT_TO_SECOND_LINE : RequestAction.REDIRECT_TO_INTAKE_LEAD;
        return commands.execute(actor, ref, Permission.REDIRECT, action, true, step -> {
            if (target.group() != null) {
                Optional<SupportGroup> group = step.tx().findDirectoryEntry(actor.tenant(), SupportGroup.class,
                        target.group().value());
                if (group.isEmpty()) {
                    step.errors().add("redirect.target.group", "exists", "no group '" + target.group() + "'");
                } else if (group.get().line() != target.line()) {
                    step.errors().add("redirect.target.group", "works-line",
                            "group '" + target.group() + "' works " + group.get().line() + ", not " + target.line());
                }
            }
            if (target.assignee() != null) {
                Optional<Specialist> assignee = step.tx().findDirectoryEntry(actor.tenant(), Specialist.class,
                        target.assignee().value());
                Set<Role> lineRoles = target.line() == SupportLine.SECOND_LINE ? SECOND_LINE_ROLES
                        : Set.of(Role.INTAKE_LEAD);
                if (assignee.isEmpty()) {
                    step.errors().add("redirect.target.assignee", "exists", "no specialist '" + target.assignee() + "'");
                } else if (!lineRoles.contains(assignee.get().role())) {
                    step.errors().add("redirect.target.assignee", "works-line", "specialist '" + target.assignee()
                            + "' is a " + assignee.get().role() + " and does not work " + target.line());
                }
            }
            Optional<SecondLineRouter.Routing> routing = target.line() == SupportLine.SECOND_LINE
                    && target.group() == null && target.assignee() == null
                    ? router.route(step.tx(), actor, step.current(), step.errors()) : Optional.empty();
            GroupId group = routing.map(SecondLineRouter.Routing::group).orElse(target.group());
            SpecialistId assignee = routing.isPresent() ? routing.get().assignee() : target.assignee();
            SupportLine from = step.current().line();
            JournalDraft redirected = new JournalDraft(LineFunctions.redirect(actor.role()), Visibility.INTERNAL, null,
                    new RequestEvent.Redirected(from, target.line(), group, assignee, reason),
                    "Redirected from " + from + " to " + target.line()
                            + (group == null ? "" : " (group " + group + ")") + ": " + reason);
            Request.Builder next = step.advance().line(target.line()).group(group).assignee(assignee);
            if (routing.isEmpty()) {
                return Change.of(next, redirected);
            }
            SecondLineRouter.Routing r = routing.get();
            JournalDraft routed = new JournalDraft(LineFunctions.redirect(actor.role()), Visibility.INTERNAL, null,
                    new RequestEvent.Routed(r.rule(), r.group(), r.assignee(), r.workload()),
                    "Group " + r.group() + " chosen by " + r.rule() + (r.assignee() == null
                            ? "; no second-line specialist in the group"
                            : "; assigned to " + r.assignee() + " (" + r.workload() + " open requests"
                            + (r.skill() == null ? "" : "; skill '" + r.skill() + "'") + ")"));
            return new Change(next, List.of(redirected, routed), List.of(), List.of(), List.of());
        });
    }

    @Override
    public Request escalateToVendor(Actor actor, RequestRef ref, VendorCase vendorCase) {
        return commands.execute(actor, ref, Permission.ESCALATE_TO_VENDOR, RequestAction.ESCALATE_TO_VENDOR, true,
                step -> {
            Request current = step.current();
            if (current.vendorCase().filter(VendorCaseState::open).isPresent()) {
                throw new InvalidTransitionException(current.status().name() + " with an open vendor case",
                        RequestAction.ESCALATE_TO_VENDOR.verb());
            }
            FieldErrors errors = step.errors();
            if (!errors.required("vendor", vendorCase)) {
                return null;
            }
            String vendor = vendorCase.vendor();
            if (vendor == null) {
                Optional<SupportedSystem> system = current.system().isEmpty() ? Optional.empty()
                        : step.tx().findDirectoryEntry(actor.tenant(), SupportedSystem.class,
                                current.system().get().value());
                vendor = system.map(SupportedSystem::vendor).orElse(null);
                if (vendor == null || vendor.isBlank()) {
                    errors.add("vendor.vendor", "required",
                            "is required: the request names no supported system to take the vendor from");
                }
            } else {
                errors.requiredText("vendor.vendor", vendor, 200);
            }
            errors.maxLength("vendor.caseNumber", vendorCase.caseNumber(), 100);
            blankIfPresent(errors, "vendor.caseNumber", vendorCase.caseNumber());
            errors.requiredText("vendor.summary", vendorCase.summary(), 2000);
            if (!errors.isEmpty()) {
                return null;
            }
            VendorCaseState state = new VendorCaseState(vendor.trim(), trimmed(vendorCase.caseNumber()),
                    vendorCase.summary(), step.now(), null, 0, null, null);
            return Change.of(step.advance().vendorCase(state), new JournalDraft(LaborFunction.D_01_7,
                    Visibility.INTERNAL, null,
                    new RequestEvent.VendorEscalated(state.vendor(), state.caseNumber(), state.summary()),
                    "Escalated to vendor " + state.vendor()
                            + (state.caseNumber() == null ? "" : " (case " + state.caseNumber() + ")") + ": "
                            + state.summary()));
        });
    }

    @Override
    public Request recordVendorCorrespondence(Actor actor, RequestRef ref, VendorMessage message) {
        return commands.execute(actor, ref, Permission.VENDOR_CORRESPONDENCE,
                RequestAction.RECORD_VENDOR_CORRESPONDENCE, true, step -> {
            VendorCaseState open = openCase(step.current(), RequestAction.RECORD_VENDOR_CORRESPONDENCE);
            FieldErrors errors = step.errors();
            if (!errors.required("vendor", message)) {
                return null;
            }
            errors.required("vendor.direction", message.direction());
            errors.requiredText("vendor.text", message.text(), 4000);
            errors.maxLength("vendor.caseNumber", message.caseNumber(), 100);
            blankIfPresent(errors, "vendor.caseNumber", message.caseNumber());
            if (message.promisedDate() != null && message.promisedDate().isBefore(step.now())) {
                errors.add("vendor.promisedDate", "not-in-past", "must not be in the past (was "
                        + message.promisedDate() + ", now is " + step.now() + ")");
            }
            if (!errors.isEmpty()) {
                return null;
            }
            String caseNumber = trimmed(message.caseNumber());
            VendorCaseState next = new VendorCaseState(open.vendor(),
                    caseNumber != null ? caseNumber : open.caseNumber(), open.summary(), open.openedAt(),
                    message.promisedDate() != null ? message.promisedDate() : open.promisedDate(),
                    open.messages() + 1, null, null);
            String way = message.direction() == VendorMessage.Direction.IN ? "from" : "to";
            return Change.of(step.advance().vendorCase(next), new JournalDraft(LaborFunction.D_01_7,
                    Visibility.INTERNAL, null,
                    new RequestEvent.VendorCorrespondence(message.direction(), message.text(), caseNumber,
                            message.promisedDate()),
                    "Message " + way + " vendor " + open.vendor()
                            + (next.caseNumber() == null ? "" : " (case " + next.caseNumber() + ")")
                            + (message.promisedDate() == null ? "" : ", promised by " + message.promisedDate())
                            + ": " + message.text()));
        });
    }

    @Override
    public Request recordVendorAnswer(Actor actor, RequestRef ref, String answer) {
        return commands.execute(actor, ref, Permission.VENDOR_CORRESPONDENCE, RequestAction.RECORD_VENDOR_ANSWER,
                true, step -> {
            VendorCaseState open = openCase(step.current(), RequestAction.RECORD_VENDOR_ANSWER);
            step.errors().requiredText("vendor.answer", answer, 4000);
            if (!step.errors().isEmpty()) {
                return null;
            }
            VendorCaseState answered = new VendorCaseState(open.vendor(), open.caseNumber(), open.summary(),
                    open.openedAt(), open.promisedDate(), open.messages(), answer, step.now());
            return Change.of(step.advance().vendorCase(answered), new JournalDraft(LaborFunction.D_01_7,
                    Visibility.INTERNAL, null,
                    new RequestEvent.VendorAnswered(open.vendor(), open.caseNumber(), answer),
                    "Vendor " + open.vendor() + " answered"
                            + (open.caseNumber() == null ? "" : " (case " + open.caseNumber() + ")") + ": " + answer));
        });
    }

    @Override
    public Request escalateToGroupLead(Actor actor, RequestRef ref, String reason) {
        commands.policy().require(actor, Permission.ESCALATE_TO_GROUP_LEAD);
        FieldErrors input = new FieldErrors();
        input.requiredText("escalation.reason", reason, 1000);
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.ESCALATE_TO_GROUP_LEAD, RequestAction.ESCALATE_TO_GROUP_LEAD,
                true, step -> {
            Optional<GroupId> group = step.current().group();
            if (group.isEmpty()) {
                step.errors().add("escalation.group", "required",
                        "the request is in no group, so there is no group lead to escalate to");
                return null;
            }
            Optional<Specialist> lead = step.tx().listDirectoryEntries(actor.tenant(), Specialist.class,
                            Optional.empty()).stream()
                    .filter(s -> group.get().equals(s.group()) && s.role() == Role.GROUP_LEAD)
                    .min(Comparator.comparing(s -> s.id().value()));
            if (lead.isEmpty()) {
                step.errors().add("escalation.group", "has-lead", "group '" + group.get()
                        + "' has no specialist with role GROUP_LEAD");
                return null;
            }
            SpecialistId leadId = lead.get().id();
            return Change.of(step.advance().assignee(leadId), new JournalDraft(LaborFunction.C_03_6,
                    Visibility.INTERNAL, null, new RequestEvent.EscalatedToLead(leadId, reason),
                    "Escalated to group lead " + leadId + " of group " + group.get() + ": " + reason));
        });
    }

    private static VendorCaseState openCase(Request current, RequestAction action) {
        return current.vendorCase().filter(VendorCaseState::open).orElseThrow(() ->
                new InvalidTransitionException(current.status().name() + " without an open vendor case",
                        action.verb()));
    }

    private static void blankIfPresent(FieldErrors errors, String field, String value) {
        if (value != null && value.isBlank()) {
            errors.add(field, "not-blank", "must not be blank when given");
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
