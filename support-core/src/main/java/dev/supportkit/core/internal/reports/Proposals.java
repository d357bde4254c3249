package dev.supportkit.core.internal.reports;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleStatus;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.reports.Figure;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.Proposal;
import dev.supportkit.api.reports.ProposalKind;
import dev.supportkit.api.reports.ProposalQuery;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.reports.StaffingHour;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.RequestCountKey;
import dev.supportkit.spi.storage.StorageTransaction;
import dev.supportkit.spi.storage.TimeTotal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Works out the group lead's proposals (D/02.7) from figures counted in the store. */
final class Proposals {
    private final KnowledgeService knowledge;

    Proposals(KnowledgeService knowledge) {
        this.knowledge = knowledge;
    }

    /** The staffing of each hour of the week; empty when no time was recorded in the period. */
    List<StaffingHour> staffing(StorageTransaction tx, Actor actor, ProposalQuery query) {
        List<TimeTotal> spent = tx.sumTime(actor.tenant(), new TimeQuery(Optional.empty(), Optional.empty(),
                Optional.of(query.from()), Optional.of(query.until())));
        Set<String> handled = new HashSet<>();
        Duration total = Duration.ZERO;
        for (TimeTotal t : spent) {
            handled.add(t.request().value());
            total = total.plus(t.spent());
        }
        if (handled.isEmpty() || total.isZero()) {
            return List.of();
        }
        Duration handling = total.dividedBy(handled.size());
        long[] arrivals = new long[7 * 24];
        tx.countRegistered(actor.tenant(), RequestCountKey.REGISTRATION_HOUR, query.from(), query.until())
                .forEach((hour, count) -> arrivals[slot(Instant.ofEpochSecond(Long.parseLong(hour) * 3600), query)]
                        += count);
        long[] hours = new long[7 * 24];
        for (Instant at = query.from().truncatedTo(ChronoUnit.HOURS); at.isBefore(query.until());
             at = at.plus(1, ChronoUnit.HOURS)) {
            hours[slot(at, query)]++;
        }
        List<StaffingHour> week = new ArrayList<>();
        double handlingSeconds = handling.toMillis() / 1000.0;
        for (int s = 0; s < 7 * 24; s++) {
            double rate = hours[s] == 0 ? 0 : (double) arrivals[s] / hours[s];
            double load = rate * handlingSeconds / 3600;
            int needed = ErlangC.specialistsFor(load, handlingSeconds, query.answerWithin().toSeconds(),
                    query.serviceLevel());
            double level = ErlangC.serviceLevel(needed, load, handlingSeconds, query.answerWithin().toSeconds());
            week.add(new StaffingHour(DayOfWeek.of(s / 24 + 1), s % 24, arrivals[s], rate, handling, load, needed,
                    level));
        }
        return week;
    }

    /** The slot of an instant in the week: (day of week - 1) * 24 + hour, in the query's zone. */
    private static int slot(Instant at, ProposalQuery query) {
        ZonedDateTime local = at.atZone(query.zone());
        return (local.getDayOfWeek().getValue() - 1) * 24 + local.getHour();
    }

    /** One proposal of the staffing: the hours that need the most specialists. */
    Optional<Proposal> staffingProposal(List<StaffingHour> week, ProposalQuery query) {
        Optional<StaffingHour> peak = week.stream().max(java.util.Comparator.comparingInt(StaffingHour::specialists)
                .thenComparingDouble(StaffingHour::load));
        if (peak.isEmpty() || peak.get().specialists() == 0) {
            return Optional.empty();
        }
        StaffingHour top = peak.get();
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("handling time", format(top.handlingTime())));
        figures.add(new Figure("target", Math.round(query.serviceLevel() * 100) + " % within "
                + format(query.answerWithin())));
        for (StaffingHour hour : week) {
            if (hour.specialists() == top.specialists()) {
                figures.add(new Figure(hour.day().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                        + " " + String.format(Locale.ROOT, "%02d:00", hour.hour()),
                        String.format(Locale.ROOT, "%d specialists (%.2f requests/h, %.2f Erlang, %.0f %% in time)",
                                hour.specialists(), hour.arrivalRate(), hour.load(), hour.serviceLevel() * 100)));
            }
        }
        return Optional.of(new Proposal(ProposalKind.STAFFING, "hours", "Staff the busiest hours of the week with "
                + top.specialists() + " specialists to answer " + Math.round(query.serviceLevel() * 100) + " % of"
                + " requests within " + format(query.answerWithin()), figures,
                RequestQuery.builder().registered(query.from(), query.until()).build()));
    }

    /**
     * Categories and models with many requests and nothing in the solution base; run outside a transaction
     * (it searches the solution base through its service).
     */
    List<Proposal> knowledgeGaps(Actor actor, ProposalQuery query, Map<String, Long> categories,
                                 Map<String, Long> models) {
        List<Proposal> gaps = new ArrayList<>();
        categories.forEach((category, count) -> {
            if (count >= query.minRequests() && knowledge.search(actor, KnowledgeQuery.of(category)).isEmpty()) {
                gaps.add(new Proposal(ProposalKind.KNOWLEDGE_GAP, category, "Write a solution-base article for"
                        + " the category '" + category + "': " + count + " requests and no article found for it",
                        List.of(new Figure("requests", Long.toString(count)), new Figure("articles found", "0")),
                        RequestQuery.builder().category(category).registered(query.from(), query.until()).build()));
            }
        });
        Set<String> covered = new HashSet<>();
        for (Article article : knowledge.articles(actor, Optional.of(ArticleStatus.PUBLISHED))) {
            covered.addAll(article.systemModels());
        }
        models.forEach((model, count) -> {
                    if (count >= query.minRequests() && !covered.contains(model)) {
                        gaps.add(new Proposal(ProposalKind.KNOWLEDGE_GAP, model, "Write a solution-base article"
                                + " for the model '" + model + "': " + count + " requests and no published article"
                                + " names it", List.of(new Figure("requests", Long.toString(count)),
                                new Figure("published articles for the model", "0")),
                                RequestQuery.builder().model(model).registered(query.from(), query.until()).build()));
                    }
                });
        return gaps;
    }

    /** Models and components failing at least the threshold in the period. */
    List<Proposal> vendorEscalations(StorageTransaction tx, dev.supportkit.api.TenantId tenant, ProposalQuery query) {
        Map<String, Map<String, Long>> byUnit = new TreeMap<>();
        for (FailureTotal failure : tx.countFailures(tenant, query.from(), query.until())) {
            String unit = failure.model() + (failure.component() == null ? "" : " / " + failure.component().value());
            byUnit.computeIfAbsent(unit, u -> new TreeMap<>()).merge(failure.causeCode(), failure.failures(),
                    Long::sum);
        }
        List<Proposal> proposals = new ArrayList<>();
        byUnit.forEach((unit, causes) -> {
            long failures = causes.values().stream().mapToLong(Long::longValue).sum();
            if (failures >= query.failureThreshold()) {
                List<Figure> figures = new ArrayList<>(List.of(new Figure("failures", Long.toString(failures))));
                causes.forEach((cause, n) -> figures.add(new Figure("cause " + cause, Long.toString(n))));
                String model = unit.contains(" / ") ? unit.substring(0, unit.indexOf(" / ")) : unit;
                proposals.add(new Proposal(ProposalKind.VENDOR_ESCALATION, unit, "Open a case with the vendor: "
                        + unit + " failed " + failures + " times in the period", figures,
                        RequestQuery.builder().model(model).registered(query.from(), query.until()).build()));
            }
        });
        return proposals;
    }

    /** Specialists receiving more than the factor times the mean of their colleagues' requests. */
    List<Proposal> routingImbalance(StorageTransaction tx, dev.supportkit.api.TenantId tenant, ProposalQuery query) {
        List<RequestMetrics> rows = tx.requestMetrics(tenant, new MetricsQuery(MetricsScope.SPECIALIST,
                Optional.empty(), query.from(), query.until())).stream().filter(r -> r.received() > 0).toList();
        if (rows.size() < 2) {
            return List.of();
        }
        double mean = rows.stream().mapToLong(RequestMetrics::received).average().orElse(0);
        List<Proposal> proposals = new ArrayList<>();
        for (RequestMetrics row : rows) {
            if (row.received() > query.imbalanceFactor() * mean) {
                proposals.add(new Proposal(ProposalKind.ROUTING_IMBALANCE, row.key(), "Route fewer requests to "
                        + row.key() + ": " + row.received() + " received against a mean of "
                        + String.format(Locale.ROOT, "%.1f", mean) + " over " + rows.size() + " specialists",
                        List.of(new Figure("received", Long.toString(row.received())),
                                new Figure("mean received", String.format(Locale.ROOT, "%.1f", mean)),
                                new Figure("specialists", Integer.toString(rows.size())),
                                new Figure("backlog", Long.toString(row.backlog()))),
                        RequestQuery.builder().assignee(AssigneeFilter.of(SpecialistId.of(row.key())))
                                .registered(query.from(), query.until()).build()));
            }
        }
        return proposals;
    }

    private static String format(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
    }
}
