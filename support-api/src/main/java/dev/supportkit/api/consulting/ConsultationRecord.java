package dev.supportkit.api.consulting;

import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * A consultation: an article or FAQ entry (or a free instruction) offered to a customer, by whom, and
 * whether it solved the problem.
 *
 * @param id            identifier
 * @param request       the request
 * @param knowledge     the article or FAQ entry offered; empty for a free (non-typical) instruction
 * @param version       the version of the article or entry offered; 0 for a free instruction
 * @param offeredBy     the staff member's id
 * @param typical       whether it was a typical instruction (first line, A/02.3)
 * @param solved        whether the customer confirmed it solved the problem
 * @param firstContact  whether it was given at the first contact: the request had one contact and had not
 *                      left first line
 * @param offeredAt     when
 */
public record ConsultationRecord(String id, RequestId request, Optional<KnowledgeRef> knowledge, int version,
                                 String offeredBy, boolean typical, boolean solved, boolean firstContact,
                                 Instant offeredAt) {
    /**
     * Reads null as empty.
     *
     * @param id           identifier
     * @param request      the request
     * @param knowledge    the knowledge offered, if any
     * @param version      its version
     * @param offeredBy    the staff member's id
     * @param typical      whether it was a typical instruction
     * @param solved       whether it solved the problem
     * @param firstContact whether it was given at the first contact
     * @param offeredAt    when
     */
    public ConsultationRecord {
        knowledge = knowledge == null ? Optional.empty() : knowledge;
    }
}
