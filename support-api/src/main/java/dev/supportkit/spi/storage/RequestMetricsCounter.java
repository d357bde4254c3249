package dev.supportkit.spi.storage;

import dev.supportkit.api.Identifier;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.request.Deadline;
import dev.supportkit.api.request.DeadlineKind;
import dev.supportkit.api.request.Request;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference meaning of {@link StorageTransaction#requestMetrics}: counts the figures of
 * {@link RequestMetrics} over request snapshots. A store without a query language (the in-memory one) uses
 * it as it is; a store with SQL computes the same figures in the database, and the storage contract kit
 * holds it to this class's answers.
 */
public final class RequestMetricsCounter {
    private RequestMetricsCounter() {
    }

    /**
     * Returns the key a request is counted under.
     *
     * @param query   the query
     * @param request the request
     * @return its specialist, group or organisation id, {@link RequestMetrics#TENANT_KEY} for the tenant
     *         scope; empty when it has none in that scope (unassigned, no group) or is not the query's subject
     */
    public static Optional<String> keyOf(MetricsQuery query, Request request) {
        Optional<String> key = switch (query.scope()) {
            case TENANT -> Optional.of(RequestMetrics.TENANT_KEY);
            case SPECIALIST -> request.assignee().map(Identifier::value);
            case GROUP -> request.group().map(Identifier::value);
            case ORGANIZATION -> Optional.of(request.organization().value());
        };
        return key.filter(k -> query.subject().map(k::equals).orElse(true));
    }

    /**
     * Counts the figures of a query over requests of one tenant.
     *
     * @param query    the query
     * @param requests every request of the tenant (others must not be passed)
     * @return one row per key with any figure, ordered by key
     */
    public static List<RequestMetrics> count(MetricsQuery query, Iterable<Request> requests) {
        Map<String, Tally> tallies = new TreeMap<>();
        for (Request request : requests) {
            keyOf(query, request).ifPresent(key -> tallies.computeIfAbsent(key, k -> new Tally())
                    .add(request, query.from(), query.until()));
        }
        List<RequestMetrics> rows = new ArrayList<>();
        tallies.forEach((key, tally) -> {
            if (!tally.isEmpty()) {
                rows.add(tally.metrics(key, query.until()));
            }
        });
        return rows;
    }

    /**
     * Returns the nearest-rank percentile of sorted values: the value at rank ceil(percent / 100 * n),
     * counted in whole numbers so every store rounds alike.
     *
     * @param sorted  the values, ascending
     * @param percent the percentile, 1 to 100
     * @return that value; empty when there are none
     */
    public static Optional<Duration> percentile(List<Duration> sorted, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be 1 to 100, got " + percent);
        }
        if (sorted.isEmpty()) {
            return Optional.empty();
        }
        int rank = (int) ((sorted.size() * (long) percent + 99) / 100);
        return Optional.of(sorted.get(rank - 1));
    }

    private static boolean within(Instant at, Instant from, Instant until) {
        return !at.isBefore(from) && at.isBefore(until);
    }

    /** The figures of one key, counted request by request. */
    private static final class Tally {
        long received;
        long resolved;
        long reopened;
        long firstContact;
        long firstResponseDue;
        long firstResponseInTime;
        long resolutionDue;
        long resolutionInTime;
        long backlog;
        Instant oldest;
        long surveysSent;
        long surveysAnswered;
        long scoreSum;
        final List<Duration> toFirstResponse = new ArrayList<>();
        final List<Duration> toResolution = new ArrayList<>();
        final List<Duration> workedToFirstResponse = new ArrayList<>();
        final List<Duration> workedToResolution = new ArrayList<>();

        void add(Request request, Instant from, Instant until) {
            Instant registered = request.registeredAt();
            var milestones = request.milestones();
            if (within(registered, from, until)) {
                received++;
                milestones.firstResponse().ifPresent(at -> toFirstResponse.add(Duration.between(registered, at)));
                Optional<Deadline> first = request.deadline(DeadlineKind.FIRST_RESPONSE);
                first.map(Deadline::workedTime).ifPresent(workedToFirstResponse::add);
                if (first.isPresent() && due(first.get(), until)) {
                    firstResponseDue++;
                    firstResponseInTime += inTime(first.get()) ? 1 : 0;
                }
                Optional<Deadline> resolution = request.deadline(DeadlineKind.RESOLUTION);
                if (resolution.isPresent() && due(resolution.get(), until)) {
                    resolutionDue++;
                    resolutionInTime += inTime(resolution.get()) ? 1 : 0;
                }
            }
            Optional<Instant> resolvedAt = milestones.resolved();
            if (resolvedAt.isPresent() && within(resolvedAt.get(), from, until)) {
                resolved++;
                reopened += milestones.reopens() > 0 ? 1 : 0;
                firstContact += milestones.firstContactResolution() ? 1 : 0;
                toResolution.add(Duration.between(registered, resolvedAt.get()));
                request.deadline(DeadlineKind.RESOLUTION).map(Deadline::workedTime).ifPresent(workedToResolution::add);
            }
            request.survey().filter(s -> within(s.sentAt(), from, until)).ifPresent(s -> {
                surveysSent++;
                if (s.isAnswered()) {
                    surveysAnswered++;
                    scoreSum += s.score().orElseThrow();
                }
            });
            boolean resolvedBefore = resolvedAt.isPresent() && resolvedAt.get().isBefore(until);
            boolean closedBefore = milestones.closed().isPresent() && milestones.closed().get().isBefore(until);
            if (registered.isBefore(until) && !resolvedBefore && !closedBefore) {
                backlog++;
                oldest = oldest == null || registered.isBefore(oldest) ? registered : oldest;
            }
        }

        private static boolean due(Deadline deadline, Instant until) {
            return deadline.metAt() != null || deadline.dueAt().isBefore(until);
        }

        private static boolean inTime(Deadline deadline) {
            return deadline.metAt() != null && !deadline.metAt().isAfter(deadline.dueAt());
        }

        boolean isEmpty() {
            return received == 0 && resolved == 0 && backlog == 0 && surveysSent == 0;
        }

        RequestMetrics metrics(String key, Instant until) {
            toFirstResponse.sort(null);
            toResolution.sort(null);
            workedToFirstResponse.sort(null);
            workedToResolution.sort(null);
            return RequestMetrics.builder(key).received(received).resolved(resolved, reopened, firstContact)
                    .firstResponse(firstResponseDue, firstResponseInTime).resolution(resolutionDue, resolutionInTime)
                    .firstResponseTimes(percentile(toFirstResponse, 50).orElse(null),
                            percentile(toFirstResponse, 90).orElse(null))
                    .resolutionTimes(percentile(toResolution, 50).orElse(null), percentile(toResolution, 90).orElse(null))
                    .firstResponseWorkingTimes(percentile(workedToFirstResponse, 50).orElse(null),
                            percentile(workedToFirstResponse, 90).orElse(null))
                    .resolutionWorkingTimes(percentile(workedToResolution, 50).orElse(null),
                            percentile(workedToResolution, 90).orElse(null))
                    .backlog(backlog, oldest == null ? null : Duration.between(oldest, until))
                    .surveys(surveysSent, surveysAnswered, scoreSum).build();
        }
    }
}
