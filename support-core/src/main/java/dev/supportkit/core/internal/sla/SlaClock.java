package dev.supportkit.core.internal.sla;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.calendar.BusinessCalendar;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.SlaPolicy;
import dev.supportkit.core.internal.config.SlaSettings;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimerRecord;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps a request's service-level deadlines: starts them from the policy of the customer's contract
 * (or the default policy), counts them in the policy's or the contract's business calendar, pauses them
 * while the request waits for the customer, resumes them with the remaining working time, marks them
 * met, and schedules their warning and breach timers, which several engine nodes claim with a lease.
 */
public final class SlaClock {
    /** Payload of an SLA timer. */
    public record TimerPayload(DeadlineKind kind, Instant dueAt, double fraction) {
    }

    private final SlaSettings settings;
    private final Calendars calendars;
    private final JacksonCodec codec;

    /**
     * @param engine    the engine's settings
     * @param calendars the known business calendars
     * @param codec     JSON for timer payloads
     */
    @Inject
    public SlaClock(EngineSettings engine, Calendars calendars, JacksonCodec codec) {
        this.settings = engine.sla();
        this.calendars = calendars;
        this.codec = codec;
    }

    /** @return the configured policies and calendars */
    public SlaSettings settings() {
        return settings;
    }

    /** @return the known calendars */
    public Calendars calendars() {
        return calendars;
    }

    /** A policy together with the calendar its deadlines are counted in. */
    public record Applied(SlaPolicy policy, BusinessCalendar calendar) {
    }

    /**
     * The policy that applies to an organisation's requests.
     *
     * @param tx           the open transaction
     * @param tenant       the tenant
     * @param organization the customer organisation
     * @return the policy and calendar, if any applies
     */
    public Optional<Applied> policyFor(StorageTransaction tx, TenantId tenant, OrganizationId organization) {
        Optional<SupportContract> contract = tx.findDirectoryEntry(tenant, SupportContract.class, organization.value());
        Optional<String> name = contract.map(SupportContract::slaPolicy).or(settings::defaultPolicy);
        Optional<SlaPolicy> policy = name.map(settings.policies()::get);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        String calendarId = contract.map(SupportContract::calendar).filter(c -> c != null && !c.isBlank())
                .orElse(policy.get().calendar());
        return calendars.get(calendarId).map(calendar -> new Applied(policy.get(), calendar));
    }

    /**
     * The deadlines of a new request.
     *
     * @param applied  the policy
     * @param priority the request's priority
     * @param now      its registration time
     * @return the running deadlines
     */
    public List<Deadline> start(Applied applied, Priority priority, Instant now) {
        List<Deadline> deadlines = new ArrayList<>();
        for (DeadlineKind kind : DeadlineKind.values()) {
            if (kind != DeadlineKind.NEXT_UPDATE) { // runs from the first response on
                applied.policy().target(priority, kind).ifPresent(target -> deadlines.add(fresh(applied, kind, target,
                        now)));
            }
        }
        return List.copyOf(deadlines);
    }

    private static Deadline fresh(Applied applied, DeadlineKind kind, Duration target, Instant now) {
        return Deadline.builder().kind(kind).state(DeadlineState.PENDING).calendar(applied.calendar().id())
                .startedAt(now).target(target).dueAt(applied.calendar().addWorkingTime(now, target)).build();
    }

    /**
     * The timers a running deadline needs: a warning at each configured fraction not yet passed, and the
     * breach at its due time.
     *
     * @param request  the request
     * @param deadline a pending deadline
     * @param applied  the policy
     * @param now      the current time
     * @return the timers to schedule
     */
    public List<TimerRecord> timers(Request request, Deadline deadline, Applied applied, Instant now) {
        BusinessCalendar calendar = calendars.get(deadline.calendar()).orElse(applied.calendar());
        List<TimerRecord> timers = new ArrayList<>();
        Duration left = calendar.workingTimeBetween(now, deadline.dueAt());
        Duration used = deadline.target().minus(left);
        for (double fraction : applied.policy().warnAt()) {
            Duration at = Duration.ofMillis((long) (deadline.target().toMillis() * fraction));
            if (at.compareTo(used) > 0) {
                timers.add(timer(request, deadline, "warning", calendar.addWorkingTime(now, at.minus(used)), fraction));
            }
        }
        timers.add(timer(request, deadline, "breach", deadline.dueAt(), 1.0));
        return timers;
    }

    private TimerRecord timer(Request request, Deadline deadline, String what, Instant dueAt, double fraction) {
        return new TimerRecord(UUID.randomUUID().toString(), request.tenant(), request.id(),
                kind(deadline.kind(), what), dueAt, codec.toJson(new TimerPayload(deadline.kind(), deadline.dueAt(),
                fraction)), 0);
    }

    /**
     * @param kind a deadline kind
     * @param what {@code warning} or {@code breach}
     * @return the timer kind, e.g. {@code sla.resolution.breach}
     */
    public static String kind(DeadlineKind kind, String what) {
        return "sla." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + what;
    }

    /**
     * Removes a deadline's pending timers.
     *
     * @param tx      the open transaction
     * @param request the request
     * @param kind    the deadline kind
     */
    public void cancelTimers(StorageTransaction tx, Request request, DeadlineKind kind) {
        tx.cancelTimers(request.tenant(), request.id(), kind(kind, "warning"));
        tx.cancelTimers(request.tenant(), request.id(), kind(kind, "breach"));
    }

    /**
     * @return a copy of a deadline as met at {@code now} (a breached one stays breached), with the working time it
     *         used: the calendar's working time since its start (until its pause, when met while paused) less the
     *         working time its finished pauses kept off the clock
     */
    Deadline met(Deadline d, Instant now) {
        DeadlineState state = d.state() == DeadlineState.BREACHED ? DeadlineState.BREACHED : DeadlineState.MET;
        Duration worked = calendars.get(d.calendar())
                .map(calendar -> calendar.workingTimeBetween(d.startedAt(), d.pausedAt() != null ? d.pausedAt() : now)
                        .minus(d.pausedWorkingTime()))
                .filter(w -> !w.isNegative()).orElse(null);
        return d.toBuilder().state(state).remaining(Duration.ZERO).pausedAt(null).metAt(now).workedTime(worked)
                .build();
    }

    /** @return a copy of a deadline paused at {@code now} with its remaining working time */
    Deadline paused(Deadline d, Instant now) {
        BusinessCalendar calendar = calendars.get(d.calendar()).orElseThrow();
        return d.toBuilder().state(DeadlineState.PAUSED).remaining(calendar.workingTimeBetween(now, d.dueAt()))
                .pausedAt(now).metAt(null).workedTime(null).build();
    }

    /** @return a copy of a paused deadline resumed at {@code now}: due after its remaining working time */
    Deadline resumed(Deadline d, Instant now) {
        BusinessCalendar calendar = calendars.get(d.calendar()).orElseThrow();
        return d.toBuilder().state(DeadlineState.PENDING).dueAt(calendar.addWorkingTime(now, d.remaining()))
                .remaining(Duration.ZERO).pausedAt(null).metAt(null).workedTime(null)
                .pausedTotal(d.pausedTotal().plus(Duration.between(d.pausedAt(), now)))
                .pausedWorkingTime(d.pausedWorkingTime().plus(calendar.workingTimeBetween(d.pausedAt(), now)))
                .build();
    }

    /** @return a copy of a deadline marked breached */
    static Deadline breached(Deadline d) {
        return d.toBuilder().state(DeadlineState.BREACHED).build();
    }

    /**
     * A fresh deadline of one kind (a reopened request's new resolution deadline, the next update).
     *
     * @param applied  the policy
     * @param priority the priority
     * @param kind     the kind
     * @param now      the start
     * @return the deadline, if the policy sets one
     */
    Optional<Deadline> restart(Applied applied, Priority priority, DeadlineKind kind, Instant now) {
        return applied.policy().target(priority, kind).map(target -> fresh(applied, kind, target, now));
    }

    /**
     * @param deadlines deadlines
     * @return them by kind, in order
     */
    static Map<DeadlineKind, Deadline> byKind(List<Deadline> deadlines) {
        Map<DeadlineKind, Deadline> map = new LinkedHashMap<>();
        deadlines.forEach(d -> map.put(d.kind(), d));
        return map;
    }
}
