package dev.supportkit.core.escalation;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.sla.SlaClock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.journal.JournalDraft;
import dev.supportkit.core.request.FieldErrors;
import dev.supportkit.core.request.LineFunctions;
import dev.supportkit.core.request.RequestAction;
import dev.supportkit.core.request.RequestCommands;
import dev.supportkit.core.request.RequestCommands.Change;
import dev.supportkit.core.security.Permission;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/** Redirects between lines (A/02.3, B/01.6) and the group lead's organisation of work (D/01.7). */
public final class DefaultEscalationService implements EscalationService {
    private static final Set<Role> SECOND_LINE_ROLES = Set.of(Role.SECOND_LINE_ENGINEER, Role.GROUP_LEAD);

    private final RequestCommands commands;
    private final SlaClock sla;

    /**
     * @param commands the unit-of-work runner
     * @param sla      the SLA clock (calendars for the customer's time zone)
     */
    @Inject
    public DefaultEscalationService(RequestCommands commands, SlaClock sla) {
        this.commands = commands;
        this.sla = sla;
    }

    @Override
    public List<String> deadlinePromises(Actor actor, RequestId request, Locale locale) {
        commands.policy().require(actor, Permission.READ_REQUESTS);
        Request loaded = commands.read(tx -> commands.load(tx, actor, request));
        boolean english = "en".equals(locale.getLanguage());
        List<String> promises = new ArrayList<>();
        for (Deadline d : loaded.deadlines()) {
            ZoneId zone = sla.calendars().get(d.calendar()).map(c -> c.zone()).orElse(ZoneId.of("Europe/Moscow"));
            DateTimeFormatter time = DateTimeFormatter.ofPattern(english ? "HH:mm 'on' d MMMM" : "HH:mm d MMMM",
                    english ? Locale.ENGLISH : Locale.forLanguageTag("ru")).withZone(zone);
            String when = time.format(d.dueAt());
            switch (d.state()) {
                case PENDING -> promises.add(d.kind() == DeadlineKind.FIRST_RESPONSE
                        ? (english ? "We will answer by " + when + "." : "Мы ответим до " + when + ".")
                        : (english ? "We plan to resolve the problem by " + when + "."
                                   : "Мы планируем устранить проблему до " + when + "."));
                case PAUSED -> promises.add(english
                        ? "The deadline is paused until you answer our question."
                        : "Срок приостановлен до получения вашего ответа на наш вопрос.");
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
            SupportLine from = step.current().line();
            return Change.of(step.advance().line(target.line()).group(target.group()).assignee(target.assignee()),
                    new JournalDraft(LineFunctions.redirect(actor.role()), Visibility.INTERNAL, null,
                            new RequestEvent.Redirected(from, target.line(), target.group(), target.assignee(), reason),
                            "Redirected from " + from + " to " + target.line()
                                    + (target.group() == null ? "" : " (group " + target.group() + ")")
                                    + ": " + reason));
        });
    }
}
