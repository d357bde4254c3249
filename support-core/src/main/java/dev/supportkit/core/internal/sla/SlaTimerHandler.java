package dev.supportkit.core.internal.sla;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.internal.jobs.TimerHandler;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimerRecord;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fires service-level warnings and breaches. A timer whose deadline has since been met, paused or moved
 * does nothing. A warning is journalled (B/02.6) and runs the policy's warning actions; a breach marks
 * the deadline breached, is journalled (D/01.7) and runs the policy's breach actions: notify a
 * recipient, raise the priority, escalate to a second-line group.
 */
public final class SlaTimerHandler implements TimerHandler {
    private final RequestCommands commands;
    private final SlaClock clock;
    private final JacksonCodec codec;

    /**
     * @param commands the unit-of-work runner
     * @param clock    the SLA clock
     * @param codec    JSON for timer payloads
     */
    @Inject
    public SlaTimerHandler(RequestCommands commands, SlaClock clock, JacksonCodec codec) {
        this.commands = commands;
        this.clock = clock;
        this.codec = codec;
    }

    @Override
    public Set<String> kinds() {
        Set<String> kinds = new java.util.HashSet<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            kinds.add(SlaClock.kind(kind, "warning"));
            kinds.add(SlaClock.kind(kind, "breach"));
        }
        return Set.copyOf(kinds);
    }

    @Override
    public void handle(StorageTransaction tx, TimerRecord timer, Instant now) {
        SlaClock.TimerPayload payload = codec.fromJson(timer.payload(), SlaClock.TimerPayload.class);
        Optional<Request> found = tx.findRequest(timer.tenant(), timer.request());
        if (found.isEmpty()) {
            return;
        }
        Request request = found.get();
        Optional<Deadline> deadline = request.deadline(payload.kind());
        if (deadline.isEmpty() || deadline.get().state() != DeadlineState.PENDING
                || !deadline.get().dueAt().equals(payload.dueAt())) {
            return; // met, paused or moved since the timer was set
        }
        Optional<SlaClock.Applied> applied = clock.policyFor(tx, request.tenant(), request.organization());
        List<String> actions = applied.map(a -> timer.kind().endsWith(".breach") ? a.policy().onBreach()
                : a.policy().onWarning()).orElse(List.of());
        String what = payload.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        if (timer.kind().endsWith(".warning")) {
            Change change = Change.of(request.toBuilder(), new JournalDraft(LaborFunction.B_02_6,
                    Visibility.INTERNAL, null, new RequestEvent.SlaWarning(payload.kind(), payload.dueAt(),
                    payload.fraction()), "SLA warning: the " + what + " deadline is due at " + payload.dueAt() + " ("
                    + Math.round(payload.fraction() * 100) + " % of the working time used)"));
            commands.commit(tx, Actor.system(request.tenant()), request,
                    notify(change, actions, MessageTopic.SLA_WARNING, what, payload), now);
            return;
        }
        Request.Builder next = request.toBuilder().deadlines(request.deadlines().stream()
                .map(d -> d.kind() == payload.kind() ? SlaClock.breached(d) : d).toList());
        List<String> done = new ArrayList<>();
        for (String action : actions) {
            if (action.equals("raise-priority") && request.priority() != Priority.CRITICAL) {
                Priority raised = Priority.values()[request.priority().ordinal() + 1];
                next.priority(raised);
                done.add("priority raised to " + raised);
            } else if (action.startsWith("escalate:") && request.status().isWorking()) {
                GroupId group = GroupId.of(action.substring("escalate:".length()));
                next.line(SupportLine.SECOND_LINE).group(group).status(RequestStatus.AT_SECOND_LINE);
                done.add("escalated to group " + group);
            }
        }
        Change change = Change.of(next, new JournalDraft(LaborFunction.D_01_7, Visibility.INTERNAL, null,
                new RequestEvent.SlaBreached(payload.kind(), payload.dueAt(), List.copyOf(done)),
                "SLA breached: the " + what + " deadline passed at " + payload.dueAt()
                        + (done.isEmpty() ? "" : "; " + String.join(", ", done))));
        commands.commit(tx, Actor.system(request.tenant()), request,
                notify(change, actions, MessageTopic.SLA_BREACHED, what, payload), now);
    }

    private static Change notify(Change change, List<String> actions, MessageTopic topic, String what,
                                 SlaClock.TimerPayload payload) {
        Change result = change;
        for (String action : actions) {
            if (action.startsWith("notify:")) {
                result = result.notify(topic, action.substring("notify:".length()),
                        Map.of("deadline", what, "due", payload.dueAt().toString()));
            }
        }
        return result;
    }
}
