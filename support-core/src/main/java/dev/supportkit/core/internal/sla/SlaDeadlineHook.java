package dev.supportkit.core.internal.sla;

import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.core.internal.request.PendingChange;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        } else if (change.action().equals(Optional.of(RequestAction.TRIAGE))) {
            reprioritize(change);
        } else {
            change.action().ifPresent(action -> change.request().deadlines(
                    lifecycle.afterAction(change.tx(), change.before(), action, change.now())));
        }
    }

    /** A triage that changed the priority moves the deadlines; the customer is told a new resolution date. */
    private void reprioritize(PendingChange change) {
        Request before = change.before();
        Priority priority = change.request().build().priority();
        if (priority == before.priority()) {
            return;
        }
        List<Deadline> moved = lifecycle.reprioritized(change.tx(), before, priority, change.now());
        change.request().deadlines(moved);
        Optional<Deadline> resolution = moved.stream().filter(d -> d.kind() == DeadlineKind.RESOLUTION
                && d.state() == DeadlineState.PENDING).findFirst();
        if (resolution.isPresent() && !before.deadline(DeadlineKind.RESOLUTION).map(Deadline::dueAt)
                .equals(Optional.of(resolution.get().dueAt()))) {
            change.notifyCustomer(MessageTopic.REQUEST_DUE_CHANGED, Map.of("due", resolution.get().dueAt().toString(),
                    "priority", priority.name()));
        }
    }

    @Override
    public void afterChange(HookContext context) {
        if (context.created()) {
            lifecycle.scheduleRunning(context.tx(), context.after(), context.now());
        }
    }
}
