package dev.supportkit.core.internal.request;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A change as stored, as a {@link CommandHook} sees it after the snapshot and journal entries are written.
 *
 * @param tx       the open transaction
 * @param actor    who acted
 * @param action   the state-machine action; empty for a new request and for the engine's own changes
 * @param before   the snapshot before the change; null for a new request
 * @param after    the stored snapshot
 * @param records  the journal records the change appended, in order
 * @param messages the outbox messages the command decided on (customer information, deadline notices)
 * @param timers   the timers the command decided to schedule on the request
 * @param now      the command's time
 */
public record HookContext(StorageTransaction tx, Actor actor, Optional<RequestAction> action, Request before,
                          Request after, List<JournalRecord> records, List<RequestCommands.Message> messages,
                          List<RequestCommands.TimerDraft> timers, Instant now) {

    /**
     * Tells whether the change registered a new request.
     *
     * @return true when the change created the request
     */
    public boolean created() {
        return before == null;
    }
}
