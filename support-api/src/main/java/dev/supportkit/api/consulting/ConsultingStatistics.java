package dev.supportkit.api.consulting;

import dev.supportkit.api.knowledge.KnowledgeRef;
import java.time.Instant;
import java.util.Map;

/**
 * How consulting went over a period.
 *
 * @param from                 start of the period, inclusive
 * @param to                   end of the period, exclusive
 * @param consultations        consultations recorded
 * @param solved               of them, those that solved the problem
 * @param solvedAtFirstContact of them, those that solved it at the first contact
 * @param requestsConsulted    distinct requests consulted on
 * @param requestsSolvedAtFirstContact distinct requests solved at the first contact
 * @param offersByKnowledge    how often each article or FAQ entry was offered
 * @param solvedByKnowledge    how often each article or FAQ entry solved the problem
 */
public record ConsultingStatistics(Instant from, Instant to, long consultations, long solved,
                                   long solvedAtFirstContact, long requestsConsulted,
                                   long requestsSolvedAtFirstContact, Map<KnowledgeRef, Long> offersByKnowledge,
                                   Map<KnowledgeRef, Long> solvedByKnowledge) {
    /**
     * Copies the maps.
     *
     * @param from                         start of the period
     * @param to                           end of the period
     * @param consultations                consultations recorded
     * @param solved                       those that solved the problem
     * @param solvedAtFirstContact         those that solved it at the first contact
     * @param requestsConsulted            distinct requests consulted on
     * @param requestsSolvedAtFirstContact distinct requests solved at the first contact
     * @param offersByKnowledge            offers per article or FAQ entry
     * @param solvedByKnowledge            solutions per article or FAQ entry
     */
    public ConsultingStatistics {
        offersByKnowledge = Map.copyOf(offersByKnowledge);
        solvedByKnowledge = Map.copyOf(solvedByKnowledge);
    }

    /**
     * Returns the share of consulted requests solved at the first contact, 0 to 1.
     *
     * @return the first-contact resolution rate; 0 when nothing was consulted
     */
    public double firstContactResolutionRate() {
        return requestsConsulted == 0 ? 0 : (double) requestsSolvedAtFirstContact / requestsConsulted;
    }
}
