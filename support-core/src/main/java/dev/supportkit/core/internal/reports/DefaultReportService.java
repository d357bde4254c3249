package dev.supportkit.core.internal.reports;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.reports.Evaluation;
import dev.supportkit.api.reports.EvaluationPart;
import dev.supportkit.api.reports.MetricsQuery;
import dev.supportkit.api.reports.MetricsReport;
import dev.supportkit.api.reports.MetricsScope;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.reports.RequestMetrics;
import dev.supportkit.api.reports.StatusSummary;
import dev.supportkit.api.request.AssigneeFilter;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Summaries, metrics and evaluations over the tenant's requests, counted by the storage provider. */
public final class DefaultReportService implements ReportService {
    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final Map<String, Integer> weights;
    private final Proposals proposals;

    /**
     * @param work      the unit of work
     * @param policy    the access policy
     * @param settings  the engine settings (evaluation weights)
     * @param knowledge the solution base, for knowledge gaps
     */
    @Inject
    public DefaultReportService(UnitOfWork work, AccessPolicy policy, EngineSettings settings,
                                dev.supportkit.api.knowledge.KnowledgeService knowledge) {
        this.work = work;
        this.policy = policy;
        this.weights = settings.quality().weights();
        this.proposals = new Proposals(knowledge);
    }

    @Override
    public dev.supportkit.api.reports.Digest digest(Actor actor, java.time.Instant from, java.time.Instant until) {
        policy.require(actor, Permission.READ_REPORTS);
        checkPeriod(from, until);
        List<dev.supportkit.api.reports.Proposal> recommendations = proposals(actor,
                dev.supportkit.api.reports.ProposalQuery.builder().period(from, until).build()).proposals();
        return work.read(tx -> Digests.build(tx, actor.tenant(), from, until, work.now(), recommendations));
    }

    @Override
    public dev.supportkit.api.reports.ProposalReport proposals(Actor actor,
                                                               dev.supportkit.api.reports.ProposalQuery query) {
        policy.require(actor, Permission.READ_REPORTS);
        FieldErrors errors = new FieldErrors();
        if (errors.required("query", query)) {
            errors.inRange("query.from", query.from());
            errors.inRange("query.until", query.until());
        }
        errors.throwIfAny();
        List<dev.supportkit.api.reports.StaffingHour> week = new ArrayList<>();
        List<dev.supportkit.api.reports.Proposal> staffing = new ArrayList<>();
        List<dev.supportkit.api.reports.Proposal> later = new ArrayList<>();
        List<Map<String, Long>> counts = work.read(tx -> {
            week.clear(); // a read run again starts afresh
            staffing.clear();
            later.clear();
            week.addAll(proposals.staffing(tx, actor, query));
            proposals.staffingProposal(week, query).ifPresent(staffing::add);
            later.addAll(proposals.vendorEscalations(tx, actor.tenant(), query));
            later.addAll(proposals.routingImbalance(tx, actor.tenant(), query));
            return List.of(tx.countRegistered(actor.tenant(), dev.supportkit.spi.storage.RequestCountKey.CATEGORY,
                    query.from(), query.until()), tx.countRegistered(actor.tenant(),
                    dev.supportkit.spi.storage.RequestCountKey.MODEL, query.from(), query.until()));
        });
        List<dev.supportkit.api.reports.Proposal> all = new ArrayList<>(staffing);
        all.addAll(proposals.knowledgeGaps(actor, query, counts.get(0), counts.get(1)));
        all.addAll(later);
        return new dev.supportkit.api.reports.ProposalReport(query, all, week, work.now());
    }

    @Override
    public StatusSummary statusSummary(Actor actor) {
        policy.require(actor, Permission.READ_REPORTS);
        return work.read(tx -> new StatusSummary(tx.countRequestsByStatus(actor.tenant(), Optional.empty()),
                work.now()));
    }

    @Override
    public MetricsReport metrics(Actor actor, MetricsQuery query) {
        policy.require(actor, Permission.READ_METRICS);
        checkQuery(query);
        return work.read(tx -> {
            MetricsQuery allowed = allowed(tx, actor, query);
            return new MetricsReport(allowed, visibleRows(tx, actor, allowed,
                    tx.requestMetrics(actor.tenant(), allowed)), visibleRows(tx, actor, allowed,
                    tx.requestMetrics(actor.tenant(), allowed.previous())), work.now());
        });
    }

    @Override
    public Evaluation evaluate(Actor actor, MetricsQuery query) {
        policy.require(actor, Permission.READ_METRICS);
        checkQuery(query);
        FieldErrors errors = new FieldErrors();
        if (query.scope() != MetricsScope.SPECIALIST && query.scope() != MetricsScope.GROUP) {
            errors.add("query.scope", "evaluated", "only a SPECIALIST or a GROUP is evaluated, not "
                    + query.scope());
        } else if (query.subject().isEmpty() && (query.scope() == MetricsScope.GROUP && actor.role() != Role.GROUP_LEAD
                || query.scope() == MetricsScope.SPECIALIST && !isSpecialist(actor))) {
            errors.add("query.subject", "required", "name the " + query.scope().name().toLowerCase() + " to evaluate");
        }
        errors.throwIfAny();
        return work.read(tx -> {
            MetricsQuery allowed = allowed(tx, actor, query);
            String subject = allowed.subject().orElseThrow();
            if (allowed.scope() == MetricsScope.SPECIALIST && actor.role() == Role.GROUP_LEAD
                    && !subject.equals(actor.id()) && !inGroup(tx, actor, subject)) {
                throw new AccessDeniedException(actor.id() + " may evaluate only the specialists of their own group;"
                        + " '" + subject + "' is not in it");
            }
            RequestMetrics figures = tx.requestMetrics(actor.tenant(), allowed).stream().findFirst()
                    .orElse(RequestMetrics.empty(subject));
            return evaluation(allowed, figures);
        });
    }

    @Override
    public List<dev.supportkit.api.reports.LaborFunctionTotal> laborFunctions(Actor actor, java.time.Instant from,
                                                                             java.time.Instant until) {
        policy.require(actor, Permission.READ_METRICS);
        checkPeriod(from, until);
        return work.read(tx -> tx.countJournalByFunction(actor.tenant(), from, until).stream()
                .filter(total -> maySee(tx, actor, total.actorId()))
                .map(t -> new dev.supportkit.api.reports.LaborFunctionTotal(t.actorId(), t.function(), t.entries()))
                .toList());
    }

    /** Whether an actor may see a person's own figures: leads and auditors per their scope, others themselves. */
    private boolean maySee(StorageTransaction tx, Actor actor, String person) {
        return switch (actor.role()) {
            case INTAKE_LEAD, AUDITOR -> true;
            case GROUP_LEAD -> person.equals(actor.id()) || inGroup(tx, actor, person);
            default -> person.equals(actor.id());
        };
    }

    /** Combines the parts that have a value, each by its share of those parts' weights. */
    private Evaluation evaluation(MetricsQuery query, RequestMetrics figures) {
        List<PartFigure> figuresByPart = List.of(
                new PartFigure("first-response", false, figures.firstResponseCompliance(), figures.firstResponseDue(),
                        figures.firstResponseInTime() + " of " + figures.firstResponseDue()
                                + " first-response deadlines met in time"),
                new PartFigure("resolution", false, figures.resolutionCompliance(), figures.resolutionDue(),
                        figures.resolutionInTime() + " of " + figures.resolutionDue()
                                + " resolution deadlines met in time"),
                new PartFigure("first-contact", false, figures.firstContactRate(), figures.resolved(),
                        figures.firstContactResolved() + " of " + figures.resolved()
                                + " resolutions at first contact"),
                new PartFigure("not-reopened", false, figures.reopenRate().isPresent()
                        ? OptionalDouble.of(1 - figures.reopenRate().getAsDouble()) : OptionalDouble.empty(),
                        figures.resolved(), (figures.resolved() - figures.reopened()) + " of " + figures.resolved()
                                + " resolutions never reopened"),
                new PartFigure("satisfaction", true, figures.satisfactionAverage().isPresent()
                        ? OptionalDouble.of((figures.satisfactionAverage().getAsDouble() - 1) / 4) : OptionalDouble.empty(),
                        figures.surveysAnswered(), figures.surveysAnswered() == 0
                        ? "no satisfaction survey answered of " + figures.surveysSent() + " sent in the period"
                        : String.format(java.util.Locale.ROOT, "average score %.2f of 5 from %d of %d surveys sent",
                                figures.satisfactionAverage().getAsDouble(), figures.surveysAnswered(),
                                figures.surveysSent())));
        int weightWithValues = figuresByPart.stream().filter(p -> p.value.isPresent())
                .mapToInt(p -> weights.getOrDefault(p.name, 0)).sum();
        List<EvaluationPart> parts = new ArrayList<>();
        double score = 0;
        for (PartFigure part : figuresByPart) {
            int weight = weights.getOrDefault(part.name, 0);
            double points = part.value.isPresent() && weightWithValues > 0
                    ? 100.0 * part.value.getAsDouble() * weight / weightWithValues : 0;
            score += points;
            parts.add(new EvaluationPart(part.name, part.subjective, part.value, weight, points, part.counted,
                    part.basis));
        }
        RequestQuery.Builder requests = RequestQuery.builder().registered(query.from(), query.until());
        String subject = query.subject().orElseThrow();
        if (query.scope() == MetricsScope.SPECIALIST) {
            requests.assignee(AssigneeFilter.of(SpecialistId.of(subject)));
        } else {
            requests.group(GroupId.of(subject));
        }
        return new Evaluation(query, weightWithValues > 0 ? OptionalDouble.of(score) : OptionalDouble.empty(), parts,
                figures, requests.build());
    }

    /** A part's figure before weighting. */
    private record PartFigure(String name, boolean subjective, OptionalDouble value, long counted, String basis) {
    }

    private static void checkPeriod(java.time.Instant from, java.time.Instant until) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("from", from) & errors.required("until", until)) {
            errors.inRange("from", from);
            errors.inRange("until", until);
            if (!until.isAfter(from)) {
                errors.add("until", "after", "the period's end must be after its start");
            }
        }
        errors.throwIfAny();
    }

    private static void checkQuery(MetricsQuery query) {
        FieldErrors errors = new FieldErrors();
        if (errors.required("query", query)) {
            errors.inRange("query.from", query.from());
            errors.inRange("query.until", query.until());
            // a subject is a specialist's or a group's id: 1 to 64 characters on one line
            query.subject().ifPresent(subject -> errors.requiredText("query.subject", subject, 64));
        }
        errors.throwIfAny();
    }

    /**
     * The query as the actor may run it: an intake lead or auditor as asked; a group lead their own group;
     * a specialist themselves.
     */
    private MetricsQuery allowed(StorageTransaction tx, Actor actor, MetricsQuery query) {
        Role role = actor.role();
        if (role == Role.INTAKE_LEAD || role == Role.AUDITOR) {
            return query;
        }
        if (role == Role.GROUP_LEAD) {
            GroupId own = groupOf(tx, actor);
            switch (query.scope()) {
                case GROUP -> {
                    if (query.subject().isPresent() && !query.subject().get().equals(own.value())) {
                        throw new AccessDeniedException(actor.id() + " leads group '" + own + "' and may not see the"
                                + " figures of group '" + query.subject().get() + "'");
                    }
                    return new MetricsQuery(MetricsScope.GROUP, Optional.of(own.value()), query.from(), query.until());
                }
                case SPECIALIST -> {
                    if (query.subject().isPresent() && !query.subject().get().equals(actor.id())
                            && !inGroup(tx, actor, query.subject().get())) {
                        throw new AccessDeniedException(actor.id() + " may see only the specialists of group '" + own
                                + "'; '" + query.subject().get() + "' is not in it");
                    }
                    return query;
                }
                default -> throw new AccessDeniedException("a group lead sees the figures of their group and its"
                        + " specialists, not by " + query.scope());
            }
        }
        if (query.scope() != MetricsScope.SPECIALIST
                || query.subject().isPresent() && !query.subject().get().equals(actor.id())) {
            throw new AccessDeniedException(actor.id() + " (" + role + ") may see only their own figures");
        }
        return new MetricsQuery(MetricsScope.SPECIALIST, Optional.of(actor.id()), query.from(), query.until());
    }

    /** A group lead's rows per specialist: only their own and their group's specialists'. */
    private List<RequestMetrics> visibleRows(StorageTransaction tx, Actor actor, MetricsQuery query,
                                             List<RequestMetrics> rows) {
        if (actor.role() != Role.GROUP_LEAD || query.scope() != MetricsScope.SPECIALIST) {
            return rows;
        }
        return rows.stream().filter(row -> row.key().equals(actor.id()) || inGroup(tx, actor, row.key())).toList();
    }

    private static boolean isSpecialist(Actor actor) {
        return actor.role() == Role.FIRST_LINE_OPERATOR || actor.role() == Role.SECOND_LINE_ENGINEER;
    }

    private GroupId groupOf(StorageTransaction tx, Actor actor) {
        return tx.findDirectoryEntry(actor.tenant(), Specialist.class, actor.id()).map(Specialist::group)
                .orElseThrow(() -> new AccessDeniedException(actor.id() + " is not a specialist of the directory, so"
                        + " they lead no group"));
    }

    private boolean inGroup(StorageTransaction tx, Actor actor, String specialist) {
        GroupId own = groupOf(tx, actor);
        return tx.findDirectoryEntry(actor.tenant(), Specialist.class, specialist)
                .map(s -> own.equals(s.group())).orElse(false);
    }
}
