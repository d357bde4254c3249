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

    /**
     * Takes a checkpoint of the actor's tenant: every request's chain head, read page by page (memory stays
     * bounded). Store it outside the database (see {@link JournalCheckpoint}).
     *
     * @param actor an auditor or an administrator
     * @return the checkpoint
     */
    JournalCheckpoint checkpoint(Actor actor);

    /**
     * Compares the journals with a checkpoint taken earlier: each request of the checkpoint must still have
     * the entry at its head's sequence with the same hash, and its chain must verify from there on. A journal
     * cut back below the head (tail truncation), an entry rewritten up to the head, or a request gone is
     * reported even when the request row's anchor was moved to match.
     *
     * @param actor      an intake lead, group lead, auditor or administrator
     * @param checkpoint the checkpoint, of the actor's tenant
     * @return one verdict per request whose journal does not hold against the checkpoint; empty when all do
     * @throws dev.supportkit.api.error.ValidationException naming {@code checkpoint.tenant} (rule
     *         {@code same-tenant}) for another tenant's checkpoint
     */
    List<ChainVerification> verifyAgainst(Actor actor, JournalCheckpoint checkpoint);

    /**
     * Compares the journals with a checkpoint as it was kept outside: the JSON text of a checkpoint file
     * ({@code supportkit.journal.checkpoint-directory}), of the file sent to the checkpoint recipients, or of a
     * {@link RequestEvent.JournalCheckpointed} event's {@code checkpoint}. Otherwise as
     * {@link #verifyAgainst(Actor, JournalCheckpoint)}.
     *
     * @param actor      an auditor or administrator
     * @param checkpoint the checkpoint's JSON text, at most 268,435,456 characters (256 Mi, about two million
     *                   requests' heads)
     * @return one verdict per request whose journal does not hold against the checkpoint; empty when all do
     * @throws dev.supportkit.api.error.ValidationException naming {@code checkpoint} (rules {@code required},
     *         {@code length}, {@code format}) for a text that is not a checkpoint, or {@code checkpoint.tenant}
     *         (rule {@code same-tenant}) for another tenant's
     */
    List<ChainVerification> verifyAgainst(Actor actor, String checkpoint);

    /**
     * Reads the tenant's journal across its requests (an audit read): the entries of some labour functions,
     * of one actor, in a period. Entries come in the order of the journal's key (by request, then by
     * sequence), read page by page as the stream is consumed; close the stream when done.
     *
     * @param actor an intake lead, a group lead or an auditor
     * @param query functions, actor and period
     * @return the entries, streamed
     * @throws dev.supportkit.api.error.ValidationException when the period is outside 1900..9999
     */
    java.util.stream.Stream<JournalEntry> search(Actor actor, JournalQuery query);
}
