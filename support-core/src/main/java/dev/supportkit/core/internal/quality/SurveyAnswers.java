package dev.supportkit.core.internal.quality;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.quality.SurveyAnswer;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.request.Survey;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers to satisfaction surveys (D/02.7), by the representative or through a signed token: the score is
 * kept on the request and journalled; a low score asks the group's lead (the intake leads when the request
 * has no group) to follow it up.
 */
final class SurveyAnswers {
    private static final int COMMENT_MAX = 2000;
    private final RequestCommands commands;
    private final SurveyTokens tokens;
    private final int lowScore;

    SurveyAnswers(RequestCommands commands, SurveyTokens tokens, EngineSettings settings) {
        this.commands = commands;
        this.tokens = tokens;
        this.lowScore = settings.quality().surveys().lowScore();
    }

    Request answer(Actor actor, RequestRef ref, SurveyAnswer answer) {
        checkAnswer(answer);
        return commands.execute(actor, ref, Permission.ANSWER_SURVEY, RequestAction.ANSWER_SURVEY, false,
                step -> answered(step.tx(), actor, step.current(), step.now(), answer, step.errors(), null));
    }

    Request answer(String token, SurveyAnswer answer) {
        SurveyTokens.Parsed parsed = tokens.parse(token);
        checkAnswer(answer);
        // The token stands for the request's representative: the answer is theirs.
        Actor representative = commands.read(tx -> {
            Request request = tx.findRequest(parsed.tenant(), parsed.request())
                    .orElseThrow(() -> new NotFoundException("request", parsed.request().value()));
            String name = tx.findDirectoryEntry(parsed.tenant(), Representative.class,
                    request.representative().value()).map(Representative::fullName)
                    .orElse(request.representative().value());
            return Actor.customer(request.representative().value(), name, parsed.tenant(), request.organization());
        });
        Request current = commands.read(tx -> commands.load(tx, representative, parsed.request()));
        return commands.execute(representative, current.ref(), Permission.ANSWER_SURVEY, RequestAction.ANSWER_SURVEY,
                false, step -> answered(step.tx(), representative, step.current(), step.now(), answer, step.errors(),
                        parsed));
    }

    private static void checkAnswer(SurveyAnswer answer) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("answer", answer)) {
            if (answer.score() < Survey.MIN_SCORE || answer.score() > Survey.MAX_SCORE) {
                errors.add("answer.score", "range", "must be " + Survey.MIN_SCORE + " to " + Survey.MAX_SCORE
                        + " (was " + answer.score() + ")");
            }
            if (answer.comment() != null) {
                errors.maxLength("answer.comment", answer.comment(), COMMENT_MAX);
                errors.characters("answer.comment", answer.comment(), false);
            }
        }
        errors.throwIfAny();
    }

    private Change answered(StorageTransaction tx, Actor actor, Request current, java.time.Instant now,
                            SurveyAnswer answer, FieldErrors errors, SurveyTokens.Parsed token) {
        if (!actor.id().equals(current.representative().value())) {
            throw new AccessDeniedException(actor.id() + " may not answer the survey of request '" + current.id()
                    + "': it was sent to its representative");
        }
        Optional<Survey> survey = current.survey();
        if (survey.isEmpty()) {
            errors.add("survey", "exists", "no survey was sent for request '" + current.id() + "'");
        } else if (token != null && !survey.get().sentAt().equals(token.sentAt())) {
            errors.add("token", "stale", "belongs to an earlier survey of this request");
        } else if (survey.get().isAnswered()) {
            errors.add(token != null ? "token" : "survey", "answered", "the survey was answered already");
        } else if (now.isAfter(survey.get().expiresAt())) {
            errors.add(token != null ? "token" : "survey", "expired", "the survey could be answered until "
                    + survey.get().expiresAt());
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String comment = answer.comment() == null || answer.comment().isBlank() ? null : answer.comment().strip();
        boolean followUp = answer.score() <= lowScore;
        Change change = Change.of(current.toBuilder().survey(survey.get().answered(now, answer.score(), comment)),
                new JournalDraft(LaborFunction.D_02_7, Visibility.CUSTOMER_VISIBLE, null,
                        new RequestEvent.SurveyAnswered(answer.score(), comment, followUp),
                        "Survey answered: " + answer.score() + " of 5" + (comment == null ? "" : ": " + comment)));
        if (followUp) {
            for (Specialist lead : leads(tx, current)) {
                change = change.notify(MessageTopic.SURVEY_LOW_SCORE, lead.id().value(), Map.of(
                        "score", Integer.toString(answer.score()), "comment", comment == null ? "" : comment));
            }
        }
        return change;
    }

    /** The lead of the request's group, or the intake leads when it has no group. */
    private static List<Specialist> leads(StorageTransaction tx, Request request) {
        List<Specialist> specialists = tx.listDirectoryEntries(request.tenant(), Specialist.class, Optional.empty());
        if (request.group().isPresent()) {
            List<Specialist> groupLeads = specialists.stream().filter(s -> s.role() == Role.GROUP_LEAD
                    && request.group().get().equals(s.group())).toList();
            if (!groupLeads.isEmpty()) {
                return groupLeads;
            }
        }
        return specialists.stream().filter(s -> s.role() == Role.INTAKE_LEAD).toList();
    }
}
