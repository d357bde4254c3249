package dev.supportkit.core.internal.request;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * A change about to be stored, as a {@link CommandHook} sees it before the snapshot is written.
 *
 * @param tx      the open transaction
 * @param actor   who acts
 * @param action  the state-machine action; empty for a new request and for the engine's own changes
 * @param before  the stored snapshot; null for a new request
 * @param request the new snapshot being built; a hook may set fields on it
 * @param now     the command's time
 */
public record PendingChange(StorageTransaction tx, Actor actor, Optional<RequestAction> action, Request before,
                            Request.Builder request, Instant now) {

    /**
     * Tells whether the change registers a new request.
     *
     * @return true when the change creates the request
     */
    public boolean created() {
        return before == null;
    }
}
