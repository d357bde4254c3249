package dev.supportkit.core.internal.jobs;

import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/**
 * An executor's deadline passed (D/01.7): if the request is still being worked on, journal the miss
 * and tell the executor; if it was resolved in time, there is nothing to do.
 */
public final class ExecutorDeadlineHandler extends MissedDeadlineHandler<ExecutorDeadline> {
    /** The timer kind. */
    public static final String KIND = "executor.deadline";

    /**
     * @param commands the unit-of-work runner
     * @param codec    JSON for the timer payload
     */
    @Inject
    public ExecutorDeadlineHandler(RequestCommands commands, JacksonCodec codec) {
        super(KIND, ExecutorDeadline.class, commands, codec);
    }

    @Override
    Optional<Change> missed(Request request, ExecutorDeadline deadline) {
        JournalDraft entry = new JournalDraft(LaborFunction.D_01_7, Visibility.INTERNAL, null,
                new RequestEvent.ExecutorDeadlineMissed(deadline.executor(), deadline.due(), deadline.task()),
                "Deadline of executor " + deadline.executor() + " passed at " + deadline.due()
                        + " with the request still " + request.status() + ": " + deadline.task());
        return Optional.of(Change.of(request.toBuilder(), entry).notify(MessageTopic.DEADLINE_MISSED,
                deadline.executor().value(), Map.of("task", deadline.task(), "due", deadline.due().toString(),
                        "executor", deadline.executor().value())));
    }
}
