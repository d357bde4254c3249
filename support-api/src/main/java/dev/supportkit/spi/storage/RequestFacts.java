package dev.supportkit.spi.storage;

import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineCondition;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.DeadlineState;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestSort;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * The facts about a request that queues filter and sort by, worked out from its snapshot in one place,
 * so that every store keeps and compares the same values: a store with columns writes these, a store
 * in memory compares them. {@link #matches(Request, RequestSelection)} and {@link #order(RequestSort)}
 * are the reference meaning of a {@link RequestSelection}; the storage contract kit holds every store
 * to them.
 *
 * @param priorityRank  0 for CRITICAL, 1 HIGH, 2 NORMAL, 3 LOW: ascending rank is descending priority
 * @param dueAt         when its earliest unmet deadline falls (or fell) due: a running (PENDING) one, or
 *                      a BREACHED one not met since; {@link #NO_DUE} when there is none (no deadlines, all
 *                      met, or the rest paused)
 * @param deadlineState the worst state of its deadlines (BREACHED, then PENDING, PAUSED, MET); empty when
 *                      it has none
 * @param firstResponseDue when the first response is due, if a policy set it
 * @param firstResponseMet when the first response was given in the deadline's sense, if it was
 * @param resolutionDue    when the resolution is due, if a policy set it
 * @param resolutionMet    when the resolution deadline was met, if it was
 * @param vendorCase       {@code OPEN} while the vendor's answer is awaited, {@code ANSWERED} after; empty
 *                         when it was never handed to the vendor
 * @param failedComponent  the component that failed, when the resolution found an equipment failure
 * @param failureCause     the cause the resolution found, if resolved
 * @param firstResponseWorked the working time the first-response deadline used until met ({@link
 *                         Deadline#workedTime()}), if it was met
 * @param resolutionWorked the working time the resolution deadline used until met, if it was met
 */
public record RequestFacts(int priorityRank, Instant dueAt, Optional<DeadlineState> deadlineState,
                           Optional<Instant> firstResponseDue, Optional<Instant> firstResponseMet,
                           Optional<Instant> resolutionDue, Optional<Instant> resolutionMet,
                           Optional<String> vendorCase, Optional<String> failedComponent,
                           Optional<String> failureCause, Optional<Duration> firstResponseWorked,
                           Optional<Duration> resolutionWorked) {

    /** The due time of a request without an unmet deadline: after every real one, so it sorts last. */
    public static final Instant NO_DUE = Instant.parse("9999-12-31T23:59:59.999999Z");

    /**
     * Works out the facts of a snapshot.
     *
     * @param request the snapshot
     * @return its facts
     */
    public static RequestFacts of(Request request) {
        Instant due = NO_DUE;
        DeadlineState worst = null;
        for (Deadline deadline : request.deadlines()) {
            boolean unmet = deadline.state() == DeadlineState.PENDING
                    || deadline.state() == DeadlineState.BREACHED && deadline.metAt() == null;
            if (unmet && deadline.dueAt().isBefore(due)) {
                due = deadline.dueAt();
            }
            if (worst == null || severity(deadline.state()) > severity(worst)) {
                worst = deadline.state();
            }
        }
        Optional<Deadline> first = request.deadline(DeadlineKind.FIRST_RESPONSE);
        Optional<Deadline> resolution = request.deadline(DeadlineKind.RESOLUTION);
        return new RequestFacts(priorityRank(request.priority()), due, Optional.ofNullable(worst),
                first.map(Deadline::dueAt), first.map(Deadline::metAt),
                resolution.map(Deadline::dueAt), resolution.map(Deadline::metAt),
                request.vendorCase().map(v -> v.open() ? "OPEN" : "ANSWERED"),
                request.resolution().filter(r -> r.equipmentFailure() && r.failedComponent() != null)
                        .map(r -> r.failedComponent().value()),
                request.resolution().map(r -> r.cause()),
                first.map(Deadline::workedTime), resolution.map(Deadline::workedTime));
    }

    /**
     * Returns the handling path a request took so far, as {@link RequestCountKey#PATH} counts it.
     *
     * @param request the snapshot
     * @return {@code FIRST_LINE} or {@code ESCALATED}, with {@code /REOPENED} when it was reopened
     */
    public static String path(Request request) {
        return (request.milestones().escalated().isPresent() ? "ESCALATED" : "FIRST_LINE")
                + (request.milestones().reopens() > 0 ? "/REOPENED" : "");
    }

    private static int severity(DeadlineState state) {
        return switch (state) {
            case MET -> 0;
            case PAUSED -> 1;
            case PENDING -> 2;
            case BREACHED -> 3;
        };
    }

    /**
     * Returns a priority's rank: 0 for CRITICAL up to 3 for LOW.
     *
     * @param priority the priority
     * @return its rank, ascending with falling priority
     */
    public static int priorityRank(Priority priority) {
        return Priority.CRITICAL.ordinal() - priority.ordinal();
    }

    /**
     * Returns whether a request is in a selection: in the query's filters and, when the selection
     * continues a page, after its position in the order. The tenant is the caller's to check.
     *
     * @param request   the snapshot
     * @param selection the selection
     * @return true when the request belongs on the selection's pages
     */
    public static boolean matches(Request request, RequestSelection selection) {
        RequestQuery q = selection.query();
        RequestFacts facts = of(request);
        boolean assigneeMatches = switch (q.assignee().kind()) {
            case ANY -> true;
            case UNASSIGNED -> request.assignee().isEmpty();
            case SPECIALIST -> request.assignee().equals(q.assignee().specialist());
            case MINE -> throw new IllegalArgumentException("MINE is resolved before selecting");
        };
        return assigneeMatches
                && (q.statuses().isEmpty() || q.statuses().contains(request.status()))
                && q.line().map(l -> l == request.line()).orElse(true)
                && q.group().map(g -> request.group().equals(Optional.of(g))).orElse(true)
                && (q.priorities().isEmpty() || q.priorities().contains(request.priority()))
                && q.category().map(c -> request.category().equals(Optional.of(c))).orElse(true)
                && q.organization().map(request.organization()::equals).orElse(true)
                && q.system().map(s -> request.system().equals(Optional.of(s))).orElse(true)
                && q.model().map(m -> request.model().equals(Optional.of(m))).orElse(true)
                && q.emergency().map(e -> e == request.intake().emergency()).orElse(true)
                && (q.deadlines().isEmpty() || q.deadlines().stream().anyMatch(c -> meets(facts, c, selection.now())))
                && q.registeredFrom().map(from -> !request.registeredAt().isBefore(from)).orElse(true)
                && q.registeredUntil().map(request.registeredAt()::isBefore).orElse(true)
                && q.updatedFrom().map(from -> !request.updatedAt().isBefore(from)).orElse(true)
                && q.updatedUntil().map(request.updatedAt()::isBefore).orElse(true)
                && selection.after().map(p -> order(q.sort()).compare(position(request, q.sort()), p) > 0)
                        .orElse(true);
    }

    private static boolean meets(RequestFacts facts, DeadlineCondition condition, Instant now) {
        boolean breached = facts.deadlineState().equals(Optional.of(DeadlineState.BREACHED));
        return switch (condition.kind()) {
            case MET -> facts.deadlineState().equals(Optional.of(DeadlineState.MET));
            case BREACHED -> breached || !facts.dueAt().isAfter(now);
            case AT_RISK -> !breached && facts.dueAt().isAfter(now)
                    && !facts.dueAt().isAfter(now.plus(condition.window()));
        };
    }

    /**
     * Returns a request's position in an order: what a cursor after it holds.
     *
     * @param request the snapshot
     * @param sort    the order
     * @return its sort key
     */
    public static RequestPosition position(Request request, RequestSort sort) {
        Instant instant = switch (sort) {
            case DUE, PRIORITY_THEN_DUE -> of(request).dueAt();
            case REGISTERED, NEWEST_FIRST -> request.registeredAt();
            case RECENTLY_UPDATED, LEAST_RECENTLY_UPDATED -> request.updatedAt();
        };
        return new RequestPosition(priorityRank(request.priority()), instant, request.id());
    }

    /**
     * Returns the order of positions a sort stands for: the reference a store's ORDER BY must agree with.
     * Ids compare by their UTF-16 code units, which for the identifiers SupportKit makes (ASCII) is the
     * byte order of a binary collation.
     *
     * @param sort the order
     * @return a total order on positions
     */
    public static Comparator<RequestPosition> order(RequestSort sort) {
        Comparator<RequestPosition> byInstant = Comparator.comparing(RequestPosition::instant);
        Comparator<RequestPosition> byId = Comparator.comparing(p -> p.id().value());
        return switch (sort) {
            case DUE, REGISTERED, LEAST_RECENTLY_UPDATED -> byInstant.thenComparing(byId);
            case PRIORITY_THEN_DUE -> Comparator.comparingInt(RequestPosition::priorityRank).thenComparing(byInstant)
                    .thenComparing(byId);
            case NEWEST_FIRST, RECENTLY_UPDATED -> byInstant.thenComparing(byId).reversed();
        };
    }

    /**
     * Returns whether an order runs from the largest key to the smallest.
     *
     * @param sort the order
     * @return true for {@code NEWEST_FIRST} and {@code RECENTLY_UPDATED}
     */
    public static boolean descending(RequestSort sort) {
        return sort == RequestSort.NEWEST_FIRST || sort == RequestSort.RECENTLY_UPDATED;
    }
}
