package dev.supportkit.api.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.RequestId;
import java.util.List;

/**
 * The read side of the event journal. Entries are written by the services, in the same transaction
 * as the request change they describe, and are never changed afterwards.
 */
public interface JournalService {
    /**
     * A request's journal in order. A customer representative sees only customer-visible entries of
     * their own organisation's requests.
     *
     * @param actor   anyone who may read the request
     * @param request the request
     * @return the entries, by sequence
     */
    List<JournalEntry> entries(Actor actor, RequestId request);

    /**
     * Checks the request's hash chain: every entry present, unaltered and in order, and the last one
     * matching the anchor kept on the request snapshot.
     *
     * @param actor   an intake lead, group lead, auditor or administrator
     * @param request the request
     * @return the verification result
     */
    ChainVerification verify(Actor actor, RequestId request);
}
