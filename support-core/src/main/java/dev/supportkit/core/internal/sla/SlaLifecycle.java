package dev.supportkit.core.internal.sla;

import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.VendorCaseState;
import dev.supportkit.core.internal.calendar.BusinessCalendar;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Moves a request's deadlines along with its life: the first response is met by the first action of
 * support staff (a reply to the customer counts; an assignment or an internal note does not); the next update starts then and starts again with every later staff action; every
 * deadline pauses while the request waits for the customer and resumes with the working time it had
 * left; the resolution and next-update deadlines are met on resolving, and the resolution deadline
 * starts afresh when the customer objects. Under a policy with {@code pause-on-vendor}, the resolution
 * deadline also pauses while a vendor case is open (from the escalation to the vendor's answer), and the
 * customer's answer to a clarification does not resume it while the vendor's answer is awaited. Timers follow: cancelled when a deadline stops, scheduled when it runs.
 */
public final class SlaLifecycle {
    private static final Set<RequestAction> STAFF_ACTIONS = EnumSet.of(RequestAction.TAKE_INTO_WORK,
            RequestAction.CONSULT, RequestAction.REDIRECT_TO_INTAKE_LEAD, RequestAction.REDIRECT_TO_SECOND_LINE,
            RequestAction.REQUEST_CLARIFICATION, RequestAction.SCHEDULE_VISIT, RequestAction.SET_EXECUTOR_DEADLINE,
            RequestAction.RESOLVE, RequestAction.RESOLVE_WITH_INCIDENT, RequestAction.REPLY);

    private final SlaClock clock;

    /** @param clock the SLA clock */
    @Inject
    public SlaLifecycle(SlaClock clock) {
        this.clock = clock;
    }

    /**
     * The deadlines of a request being registered.
     *
     * @param tx      the open transaction
     * @param request the new request (without deadlines)
     * @param now     the registration time
     * @return the deadlines, empty when no policy applies
     */
    public List<Deadline> startFor(StorageTransaction tx, Request request, Instant now) {
        return clock.policyFor(tx, request.tenant(), request.organization())
                .map(applied -> clock.start(applied, request.priority(), now)).orElse(List.of());
    }

    /**
     * Schedules the timers of every running deadline of a stored request.
     *
     * @param tx      the open transaction
     * @param request the stored request
     * @param now     the current time
     */
    public void scheduleRunning(StorageTransaction tx, Request request, Instant now) {
        Optional<SlaClock.Applied> applied = clock.policyFor(tx, request.tenant(), request.organization());
        if (applied.isEmpty()) {
            return;
        }
        request.deadlines().stream().filter(d -> d.state() == DeadlineState.PENDING)
                .forEach(d -> clock.timers(request, d, applied.get(), now).forEach(tx::scheduleTimer));
    }

    /**
     * The deadlines after an action, with their timers cancelled or scheduled.
     *
     * @param tx      the open transaction
     * @param current the request before the action
     * @param action  the action
     * @param now     the current time
     * @return the new deadlines
     */
    public List<Deadline> afterAction(StorageTransaction tx, Request current, RequestAction action, Instant now) {
        if (current.deadlines().isEmpty()) {
            return current.deadlines();
        }
        Map<DeadlineKind, Deadline> deadlines = SlaClock.byKind(current.deadlines());
        List<Deadline> started = new ArrayList<>();
        if (STAFF_ACTIONS.contains(action)) {
            stop(tx, current, deadlines, DeadlineKind.FIRST_RESPONSE, now);
            if (action != RequestAction.RESOLVE && action != RequestAction.RESOLVE_WITH_INCIDENT) {
                restartNextUpdate(tx, current, deadlines, started, now);
            }
        }
        switch (action) {
            case REQUEST_CLARIFICATION -> {
                deadlines.replaceAll((kind, d) -> {
                    if (d.state() != DeadlineState.PENDING) {
                        return d;
                    }
                    clock.cancelTimers(tx, current, kind);
                    return clock.paused(d, now);
                });
                started.removeIf(d -> deadlines.get(d.kind()).state() == DeadlineState.PAUSED);
            }
            case PROVIDE_CLARIFICATION -> deadlines.replaceAll((kind, d) -> {
                if (d.state() != DeadlineState.PAUSED
                        || kind == DeadlineKind.RESOLUTION && pausedForVendor(tx, current)) {
                    return d;
                }
                Deadline resumed = clock.resumed(d, now);
                started.add(resumed);
                return resumed;
            });
            case RESOLVE, RESOLVE_WITH_INCIDENT -> {
                stop(tx, current, deadlines, DeadlineKind.RESOLUTION, now);
                stop(tx, current, deadlines, DeadlineKind.NEXT_UPDATE, now);
            }
            case ESCALATE_TO_VENDOR -> {
                Deadline resolution = deadlines.get(DeadlineKind.RESOLUTION);
                if (resolution != null && resolution.state() == DeadlineState.PENDING && pausesOnVendor(tx, current)) {
                    clock.cancelTimers(tx, current, DeadlineKind.RESOLUTION);
                    deadlines.put(DeadlineKind.RESOLUTION, clock.paused(resolution, now));
                }
            }
            case RECORD_VENDOR_ANSWER -> {
                Deadline resolution = deadlines.get(DeadlineKind.RESOLUTION);
                if (resolution != null && resolution.state() == DeadlineState.PAUSED && pausesOnVendor(tx, current)) {
                    Deadline resumed = clock.resumed(resolution, now);
                    deadlines.put(DeadlineKind.RESOLUTION, resumed);
                    started.add(resumed);
                }
            }
            case REOPEN -> {
                Optional<SlaClock.Applied> applied = clock.policyFor(tx, current.tenant(), current.organization());
                applied.flatMap(a -> clock.restart(a, current.priority(), DeadlineKind.RESOLUTION, now))
                        .ifPresent(fresh -> {
                            deadlines.put(DeadlineKind.RESOLUTION, fresh);
                            started.add(fresh);
                        });
            }
            default -> { }
        }
        if (!started.isEmpty()) {
            clock.policyFor(tx, current.tenant(), current.organization()).ifPresent(applied -> started.forEach(d ->
                    clock.timers(current, d, applied, now).forEach(tx::scheduleTimer)));
        }
        return List.copyOf(deadlines.values());
    }

    /**
     * The deadlines after the priority changed: each running or paused one takes the policy's target for
     * the new priority, keeping its start and the working time it was paused (a running one is due that
     * target plus the paused working time after its start; a paused one keeps the working time it had used);
     * timers of a running one are rescheduled. Met and breached deadlines stay as they are; so does a kind the
     * policy sets no target for at the new priority.
     *
     * @param tx       the transaction
     * @param current  the stored snapshot
     * @param priority the new priority
     * @param now      the change's time
     * @return the deadlines
     */
    public List<Deadline> reprioritized(StorageTransaction tx, Request current, Priority priority, Instant now) {
        Optional<SlaClock.Applied> applied = clock.policyFor(tx, current.tenant(), current.organization());
        if (current.deadlines().isEmpty() || applied.isEmpty()) {
            return current.deadlines();
        }
        Map<DeadlineKind, Deadline> deadlines = SlaClock.byKind(current.deadlines());
        deadlines.replaceAll((kind, d) -> {
            Optional<Duration> target = applied.get().policy().target(priority, kind);
            if (target.isEmpty() || target.get().equals(d.target())
                    || d.state() != DeadlineState.PENDING && d.state() != DeadlineState.PAUSED) {
                return d;
            }
            BusinessCalendar calendar = clock.calendars().get(d.calendar()).orElse(applied.get().calendar());
            if (d.state() == DeadlineState.PAUSED) {
                Duration used = d.target().minus(d.remaining());
                Duration left = target.get().minus(used);
                return d.toBuilder().target(target.get()).remaining(left.isNegative() ? Duration.ZERO : left).build();
            }
            Deadline moved = d.toBuilder().target(target.get())
                    .dueAt(calendar.addWorkingTime(d.startedAt(), target.get().plus(d.pausedWorkingTime()))).build();
            clock.cancelTimers(tx, current, kind);
            clock.timers(current, moved, applied.get(), now).forEach(tx::scheduleTimer);
            return moved;
        });
        return List.copyOf(deadlines.values());
    }

    /** Whether the request's policy pauses the resolution deadline while a vendor case is open. */
    private boolean pausesOnVendor(StorageTransaction tx, Request current) {
        return clock.policyFor(tx, current.tenant(), current.organization())
                .map(applied -> applied.policy().pauseOnVendor()).orElse(false);
    }

    /** Whether the resolution deadline is paused for an open vendor case (not only for the customer). */
    private boolean pausedForVendor(StorageTransaction tx, Request current) {
        return current.vendorCase().map(VendorCaseState::open).orElse(false) && pausesOnVendor(tx, current);
    }

    /** A staff action: the next update is due one policy target from now (its old timers cancelled). */
    private void restartNextUpdate(StorageTransaction tx, Request current, Map<DeadlineKind, Deadline> deadlines,
                                   List<Deadline> started, Instant now) {
        clock.policyFor(tx, current.tenant(), current.organization())
                .flatMap(applied -> clock.restart(applied, current.priority(), DeadlineKind.NEXT_UPDATE, now))
                .ifPresent(fresh -> {
                    if (deadlines.containsKey(DeadlineKind.NEXT_UPDATE)) {
                        clock.cancelTimers(tx, current, DeadlineKind.NEXT_UPDATE);
                    }
                    deadlines.put(DeadlineKind.NEXT_UPDATE, fresh);
                    started.add(fresh);
                });
    }

    private void stop(StorageTransaction tx, Request current, Map<DeadlineKind, Deadline> deadlines, DeadlineKind kind,
                      Instant now) {
        Deadline d = deadlines.get(kind);
        if (d != null && d.metAt() == null && (d.state() == DeadlineState.PENDING || d.state() == DeadlineState.BREACHED
                || d.state() == DeadlineState.PAUSED)) {
            clock.cancelTimers(tx, current, kind);
            deadlines.put(kind, clock.met(d, now));
        }
    }
}
