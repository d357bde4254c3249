package dev.supportkit.core.internal.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;

/**
 * The narrow part of the command pipeline that the engine's own jobs (outbox delivery, suggestion use) need:
 * appending a bookkeeping entry to a request's journal without changing its version.
 */
public interface JournalBookkeeping {

    /**
     * Appends the engine's own bookkeeping entry (e.g. a delivery attempt) to a request's journal without
     * changing the request's version, so callers' references stay valid.
     *
     * @param tx      the open transaction
     * @param actor   who acted (normally the system actor)
     * @param current the request as stored
     * @param entry   the entry
     * @param now     the time
     * @return the request with its new journal head
     */
    Request appendBookkeeping(StorageTransaction tx, Actor actor, Request current, JournalDraft entry, Instant now);
}
