package dev.supportkit.core.internal.sla;

import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.core.internal.request.PendingChange;
import jakarta.inject.Inject;

/**
 * Moves service-level deadlines with every change the command pipeline stores: a new request gets its
 * deadlines before it is stored and their timers after; an action moves them before the snapshot is
 * stored (see {@link SlaLifecycle}). The engine's own changes, which perform no action, leave them alone.
 */
public final class SlaDeadlineHook implements CommandHook {
    private final SlaLifecycle lifecycle;

    /** @param lifecycle moves deadlines along with a request's life */
    @Inject
    public SlaDeadlineHook(SlaLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    @Override
    public void beforeStore(PendingChange change) {
        if (change.created()) {
            Request draft = change.request().updatedAt(change.now()).journalHead(0, "").build();
            change.request().deadlines(lifecycle.startFor(change.tx(), draft, change.now()));
        } else {
            change.action().ifPresent(action -> change.request().deadlines(
                    lifecycle.afterAction(change.tx(), change.before(), action, change.now())));
        }
    }

    @Override
    public void afterChange(HookContext context) {
        if (context.created()) {
            lifecycle.scheduleRunning(context.tx(), context.after(), context.now());
        }
    }
}
