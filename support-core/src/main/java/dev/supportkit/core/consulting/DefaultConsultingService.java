package dev.supportkit.core.consulting;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.core.journal.JournalDraft;
import dev.supportkit.core.request.RequestAction;
import dev.supportkit.core.request.RequestCommands;
import dev.supportkit.core.request.RequestCommands.Change;
import dev.supportkit.core.security.Permission;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.knowledge.ArticleId;
import dev.supportkit.api.consulting.HandlingStep;
import dev.supportkit.api.consulting.ConsultationRecord;
import dev.supportkit.api.consulting.ConsultingStatistics;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.List;
import jakarta.inject.Inject;

/**
 * Consulting and instructing customers: typical problems at first line (A/02.3), non-typical ones by
 * the intake lead (B/01.6), training the customer in configuration at second line (C/02.6).
 */
public final class DefaultConsultingService implements ConsultingService {
    private final RequestCommands commands;

    /** @param commands the unit-of-work runner */
    @Inject
    public DefaultConsultingService(RequestCommands commands) {
        this.commands = commands;
    }

    @Override
    public Request recordConsultation(Actor actor, RequestRef ref, String instruction, boolean solved) {
        return commands.execute(actor, ref, Permission.CONSULT, RequestAction.CONSULT, true, step -> {
            step.errors().requiredText("consultation.instruction", instruction, 4000);
            boolean typical = actor.role() == Role.FIRST_LINE_OPERATOR;
            LaborFunction function = switch (actor.role()) {
                case FIRST_LINE_OPERATOR -> LaborFunction.A_02_3;
                case INTAKE_LEAD -> LaborFunction.B_01_6;
                default -> LaborFunction.C_02_6;
            };
            return Change.of(step.advance(), new JournalDraft(function,
                    Visibility.CUSTOMER_VISIBLE, null, new RequestEvent.ConsultationGiven(instruction, typical, solved),
                    (typical ? "Typical" : "Non-typical") + " instruction given to the customer; "
                            + (solved ? "the customer confirmed it solved the problem"
                                      : "the problem persists")));
        });
    }

    @Override
    public Request offerKnowledge(Actor actor, RequestRef ref, KnowledgeRef knowledge, boolean solved) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Request sendTypicalInstruction(Actor actor, RequestRef ref, ArticleId article) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Request sendRemoteInstruction(Actor actor, RequestRef ref, String instruction) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public Request explainHandlingPlan(Actor actor, RequestRef ref, List<HandlingStep> steps) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public List<ConsultationRecord> consultations(Actor actor, RequestId request) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public ConsultingStatistics statistics(Actor actor, Instant from, Instant to) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
