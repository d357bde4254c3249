package dev.supportkit.core.internal.request;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * @param messages messages a hook adds to the command's own (for example the customer told that a date
 *                 moved); recorded with them after the change is stored
 */
public record PendingChange(StorageTransaction tx, Actor actor, Optional<RequestAction> action, Request before,
                            Request.Builder request, Instant now, List<RequestCommands.Message> messages) {

    /**
     * A change without messages added yet.
     *
     * @param tx      the open transaction
     * @param actor   who acts
     * @param action  the state-machine action, if any
     * @param before  the stored snapshot; null for a new request
     * @param request the new snapshot being built
     * @param now     the command's time
     */
    public PendingChange(StorageTransaction tx, Actor actor, Optional<RequestAction> action, Request before,
                         Request.Builder request, Instant now) {
        this(tx, actor, action, before, request, now, new ArrayList<>());
    }

    /**
     * Adds a message to the customer (the request's representative).
     *
     * @param topic  what to tell
     * @param extras the topic's own template variables
     */
    public void notifyCustomer(MessageTopic topic, Map<String, String> extras) {
        messages.add(new RequestCommands.Message(topic, null, Map.copyOf(extras)));
    }

    /**
     * Tells whether the change registers a new request.
     *
     * @return true when the change creates the request
     */
    public boolean created() {
        return before == null;
    }
}
