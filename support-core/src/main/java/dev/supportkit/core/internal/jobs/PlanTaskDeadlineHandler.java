package dev.supportkit.core.internal.jobs;

import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.work.PlanTask;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A work plan task's deadline passed (D/01.7). It is missed only when the task is still in the plan, still
 * approved with that same deadline, still open, and the request is still being worked on: a task done in
 * time, changed, taken out of the plan or a resolved request leave nothing to do. The executor and the
 * lead who approved the plan are told.
 */
public final class PlanTaskDeadlineHandler extends MissedDeadlineHandler<PlanTaskDeadlineHandler.Payload> {
    /** The timer kind. */
    public static final String KIND = "plan.task.deadline";

    /**
     * The timer's payload.
     *
     * @param key the task's key
     * @param due the deadline the timer watches
     */
    public record Payload(String key, Instant due) {
    }

    /**
     * @param commands the command pipeline
     * @param codec    JSON for the payload
     */
    @Inject
    public PlanTaskDeadlineHandler(RequestCommands commands, JacksonCodec codec) {
        super(KIND, Payload.class, commands, codec);
    }

    @Override
    Optional<Change> missed(Request request, Payload payload) {
        Optional<PlanTask> task = request.workPlan().flatMap(p -> p.task(payload.key()))
                .filter(t -> t.approved() && !t.isDone() && t.due().equals(Optional.of(payload.due())));
        if (task.isEmpty()) {
            return Optional.empty();
        }
        PlanTask missed = task.get();
        Map<String, String> extras = Map.of("task", missed.key() + ": " + missed.description(),
                "due", payload.due().toString(), "executor", missed.executor().value());
        Change change = Change.of(request.toBuilder(), new JournalDraft(LaborFunction.D_01_7, Visibility.INTERNAL,
                null, new RequestEvent.PlanTaskMissed(missed.key(), missed.executor(), payload.due()),
                "Task '" + missed.key() + "' of " + missed.executor() + " missed its deadline " + payload.due()))
                .notify(MessageTopic.DEADLINE_MISSED, missed.executor().value(), extras);
        Optional<String> lead = request.workPlan().flatMap(p -> p.approvedBy()).map(l -> l.value())
                .filter(l -> !l.equals(missed.executor().value()));
        if (lead.isPresent()) {
            change = change.notify(MessageTopic.DEADLINE_MISSED, lead.get(), extras);
        }
        return Optional.of(change);
    }
}
