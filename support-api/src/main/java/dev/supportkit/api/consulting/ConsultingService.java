package dev.supportkit.api.consulting;

import dev.supportkit.api.Actor;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import java.time.Instant;
import java.util.List;

/**
 * Consulting: answering and instructing customers (A/02.3 for typical problems, B/01.6 for
 * non-typical ones, C/02.6 for training in configuration).
 */
public interface ConsultingService {
    /**
     * Records an instruction given to the customer and whether it solved the problem. The entry is
     * customer-visible. A first-line operator's consultation counts as typical (A/02.3), an intake
     * lead's as non-typical (B/01.6), second line's as training the customer (C/02.6).
     *
     * @param actor       a staff member of the line that holds the request
     * @param ref         the request as last read; it must be in a working state
     * @param instruction what the customer was told; required, at most 4000 characters
     * @param solved      whether the customer confirmed it solved the problem
     * @return the updated request (its status does not change; resolve it separately)
     */
    Request recordConsultation(Actor actor, RequestRef ref, String instruction, boolean solved);

    /**
     * Records that an article or FAQ entry was offered to the customer and whether it solved the problem
     * (A/02.3 at first line, B/01.6 at the intake lead). The journal entry is customer-visible; a
     * {@link ConsultationRecord} is kept for the statistics. The request's status does not change.
     *
     * @param actor     a staff member of the line that holds the request
     * @param ref       the request as last read; it must be in a working state
     * @param knowledge the article (its latest published version) or active FAQ entry offered
     * @param solved    whether the customer confirmed it solved the problem
     * @return the updated request
     */
    Request offerKnowledge(Actor actor, RequestRef ref, KnowledgeRef knowledge, boolean solved);

    /**
     * Sends the customer a typical instruction (A/02.3): the steps of a published typical article,
     * rendered with the business-communication template in the customer's language and delivered on the
     * customer's channels.
     *
     * @param actor   a first-line operator or an intake lead holding the request
     * @param ref     the request as last read; it must be in a working state
     * @param article a published, customer-visible, typical article
     * @return the updated request
     */
    Request sendTypicalInstruction(Actor actor, RequestRef ref, dev.supportkit.api.knowledge.ArticleId article);

    /**
     * The intake lead instructs the customer remotely on a non-typical problem (B/01.6); the instruction
     * is delivered on the customer's channels.
     *
     * @param actor       the intake lead
     * @param ref         the request as last read; it must be with the intake lead
     * @param instruction what the customer should do; required, at most 4000 characters
     * @return the updated request
     */
    Request sendRemoteInstruction(Actor actor, RequestRef ref, String instruction);

    /**
     * The intake lead tells the customer the sequence and expected dates of handling the request
     * (B/01.6), in plain words, on the customer's channels.
     *
     * @param actor the intake lead
     * @param ref   the request as last read; it must be with the intake lead
     * @param steps the steps in order; 1 to 20, dates not in the past and not decreasing
     * @return the updated request
     */
    Request explainHandlingPlan(Actor actor, RequestRef ref, List<HandlingStep> steps);

    /**
     * The consultations recorded on a request, oldest first.
     *
     * @param actor   anyone who may read the request
     * @param request the request
     * @return the consultations
     */
    List<ConsultationRecord> consultations(Actor actor, RequestId request);

    /**
     * Consulting statistics over a period: how many consultations solved the problem, at the first
     * contact, per article and FAQ entry.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @param from  start of the period, inclusive
     * @param to    end of the period, exclusive; after {@code from}
     * @return the statistics
     */
    ConsultingStatistics statistics(Actor actor, Instant from, Instant to);
}
