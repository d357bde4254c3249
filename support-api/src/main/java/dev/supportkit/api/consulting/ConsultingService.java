package dev.supportkit.api.consulting;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;

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
}
