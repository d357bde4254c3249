package dev.supportkit.core.internal.scheduling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.TechnicianSchedule;
import dev.supportkit.api.scheduling.TimeWindow;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.VisitOffer;
import dev.supportkit.api.scheduling.TrainingRecord;
import dev.supportkit.api.scheduling.TrainingSession;
import dev.supportkit.api.scheduling.VisitOfferQuery;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.sla.SlaClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import dev.supportkit.core.internal.jobs.ExecutorDeadlineHandler;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestCommands.TimerDraft;
import dev.supportkit.core.internal.security.Permission;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;

/** Agreed dates of works and visits (C/01.6, C/02.6, C/03.6) and executors' deadlines (D/01.7). */
public final class DefaultSchedulingService implements SchedulingService {
    private final RequestCommands commands;
    private final JacksonCodec codec;
    private final VisitBookings visits;
    private final WorksOrders works;
    private final Trainings trainings;

    /**
     * @param commands the unit-of-work runner
     * @param codec    JSON for timer payloads
     * @param sla      the SLA clock, whose business calendars give technicians' working hours
     * @param settings the engine's settings: the travel buffer between visits
     */
    @Inject
    public DefaultSchedulingService(RequestCommands commands, JacksonCodec codec, SlaClock sla,
                                    EngineSettings settings) {
        this.commands = commands;
        this.codec = codec;
        this.visits = new VisitBookings(commands, sla.calendars(), settings.work(), codec);
        this.works = new WorksOrders(commands);
        this.trainings = new Trainings(commands);
    }

    @Override
    public Request recordTraining(Actor actor, RequestRef ref, TrainingSession session) {
        return trainings.record(actor, ref, session);
    }

    @Override
    public List<TrainingRecord> trainings(Actor actor, dev.supportkit.api.directory.OrganizationId organization) {
        return trainings.of(actor, organization);
    }

    @Override
    public List<TrainingRecord> trainingsOf(Actor actor, dev.supportkit.api.directory.RepresentativeId representative) {
        return trainings.attendedBy(actor, representative);
    }

    @Override
    public Request offerVisit(Actor actor, RequestRef ref, VisitOfferQuery query) {
        return visits.offer(actor, ref, query);
    }

    @Override
    public Request confirmVisit(Actor actor, RequestRef ref, String offer, TimeWindow window) {
        return visits.confirm(actor, ref, offer, window);
    }

    @Override
    public List<VisitOffer> visitOffers(Actor actor, RequestId request) {
        return visits.offers(actor, request);
    }

    @Override
    public Request proposeWorks(Actor actor, RequestRef ref, WorksProposal proposal) {
        return works.propose(actor, ref, proposal);
    }

    @Override
    public Request agreeWorks(Actor actor, RequestRef ref, String order, DepartmentId department) {
        return works.agree(actor, ref, order, department);
    }

    @Override
    public Request proposeOtherDates(Actor actor, RequestRef ref, String order, DepartmentId department,
                                     Instant start, Instant end, String reason) {
        return works.proposeOtherDates(actor, ref, order, department, start, end, reason);
    }

    @Override
    public Request rescheduleWorks(Actor actor, RequestRef ref, String order, Instant start, Instant end,
                                   String reason) {
        return works.reschedule(actor, ref, order, start, end, reason);
    }

    @Override
    public Request cancelWorks(Actor actor, RequestRef ref, String order, String reason) {
        return works.cancel(actor, ref, order, reason);
    }

    @Override
    public Request completeWorks(Actor actor, RequestRef ref, String order, WorksOutcome outcome) {
        return works.complete(actor, ref, order, outcome);
    }

    @Override
    public Request signOffWorks(Actor actor, RequestRef ref, String order, String comment) {
        return works.signOff(actor, ref, order, comment);
    }

    @Override
    public TechnicianSchedule saveTechnicianSchedule(Actor actor, TechnicianSchedule schedule) {
        return visits.saveSchedule(actor, schedule);
    }

    @Override
    public Request bookVisit(Actor actor, RequestRef ref, VisitBooking booking) {
        return visits.book(actor, ref, booking);
    }

    @Override
    public Request rescheduleVisit(Actor actor, RequestRef ref, String visit, Instant start, Instant end,
                                   String reason) {
        return visits.reschedule(actor, ref, visit, start, end, reason);
    }

    @Override
    public Request cancelVisit(Actor actor, RequestRef ref, String visit, String reason) {
        return visits.cancel(actor, ref, visit, reason);
    }

    @Override
    public List<Visit> visits(Actor actor, RequestId request) {
        return visits.visits(actor, request);
    }

    @Override
    public List<Visit> technicianVisits(Actor actor, SpecialistId technician, Instant from, Instant until) {
        return visits.technicianVisits(actor, technician, from, until);
    }

    @Override
    public List<TimeWindow> freeWindows(Actor actor, SpecialistId technician, Instant from, Instant until,
                                        Duration length) {
        return visits.freeWindows(actor, technician, from, until, length);
    }

    @Override
    public Request scheduleVisit(Actor actor, RequestRef ref, VisitPlan plan) {
        return commands.execute(actor, ref, Permission.SCHEDULE_VISIT, RequestAction.SCHEDULE_VISIT, true, step -> {
            FieldErrors errors = step.errors();
            if (!errors.required("visit", plan)) {
                return null;
            }
            if (errors.required("visit.site", plan.site())) {
                Optional<Site> site = step.tx().findDirectoryEntry(actor.tenant(), Site.class, plan.site().value());
                if (site.isEmpty() || !site.get().organization().equals(step.current().organization())) {
                    errors.add("visit.site", "belongs-to-organization",
                            "'" + plan.site() + "' is not a site of the request's organization");
                }
            }
            if (errors.required("visit.start", plan.start()) && errors.inRange("visit.start", plan.start())
                    && plan.start().isBefore(step.now())) {
                errors.add("visit.start", "not-in-past", "must not be in the past (was " + plan.start() + ")");
            }
            if (errors.required("visit.end", plan.end()) && errors.inRange("visit.end", plan.end())
                    && plan.start() != null && !plan.end().isAfter(plan.start())) {
                errors.add("visit.end", "after-start", "must be after the start (" + plan.start() + ")");
            }
            errors.required("visit.purpose", plan.purpose());
            errors.maxLength("visit.note", plan.note(), 1000);
            if (!errors.isEmpty()) {
                return null;
            }
            return Change.of(step.advance(), new JournalDraft(function(plan.purpose()), Visibility.CUSTOMER_VISIBLE,
                    null, new RequestEvent.VisitScheduled(plan.site(), plan.start(), plan.end(), plan.purpose(),
                    plan.note()),
                    "Visit to site " + plan.site() + " agreed for " + plan.start() + " – " + plan.end()
                            + (plan.note() == null ? "" : ": " + plan.note())))
                    .notifyCustomer(movesAVisit(step, plan) ? MessageTopic.WORKS_RESCHEDULED
                            : MessageTopic.WORKS_SCHEDULED, Map.of("visitStart", plan.start().toString(),
                            "visitEnd", plan.end().toString(), "note", plan.note() == null ? "" : plan.note()));
        });
    }

    @Override
    public Request setExecutorDeadline(Actor actor, RequestRef ref, ExecutorDeadline deadline) {
        return commands.execute(actor, ref, Permission.SET_EXECUTOR_DEADLINE, RequestAction.SET_EXECUTOR_DEADLINE,
                true, step -> {
                    FieldErrors errors = step.errors();
                    if (!errors.required("deadline", deadline)) {
                        return null;
                    }
                    if (errors.required("deadline.executor", deadline.executor())) {
                        Optional<Specialist> executor = step.tx().findDirectoryEntry(actor.tenant(), Specialist.class,
                                deadline.executor().value());
                        if (executor.isEmpty()) {
                            errors.add("deadline.executor", "exists", "no specialist '" + deadline.executor() + "'");
                        } else if (executor.get().role() != Role.SECOND_LINE_ENGINEER
                                && executor.get().role() != Role.GROUP_LEAD) {
                            errors.add("deadline.executor", "works-line", "'" + deadline.executor() + "' is a "
                                    + executor.get().role() + ", not a second-line specialist");
                        }
                    }
                    if (errors.required("deadline.due", deadline.due()) && errors.inRange("deadline.due", deadline.due())
                            && !deadline.due().isAfter(step.now())) {
                        errors.add("deadline.due", "in-future", "must be after now (" + step.now() + ")");
                    }
                    errors.requiredText("deadline.task", deadline.task(), 500);
                    if (!errors.isEmpty()) {
                        return null;
                    }
                    Change change = Change.of(step.advance(), new JournalDraft(LaborFunction.D_01_7,
                            Visibility.INTERNAL, null, new RequestEvent.ExecutorDeadlineSet(deadline.executor(),
                            deadline.due(), deadline.task()), "Executor " + deadline.executor() + " appointed, due "
                            + deadline.due() + ": " + deadline.task()))
                            .withTimer(new TimerDraft(ExecutorDeadlineHandler.KIND, deadline.due(),
                                    codec.toJson(deadline)));
                    Optional<ExecutorDeadline> previous = pendingDeadline(step, deadline);
                    return previous.isEmpty() ? change : change.notify(MessageTopic.DEADLINE_CHANGED,
                            deadline.executor().value(), Map.of("deadline", deadline.due().toString()));
                });
    }

    /**
     * Whether a plan moves a visit agreed before: one to the same site for the same purpose that has not
     * ended yet. Any other plan is a visit of its own.
     */
    private boolean movesAVisit(RequestCommands.Step step, VisitPlan plan) {
        String visitScheduled = RequestEvent.VisitScheduled.class.getSimpleName();
        return step.tx().findJournal(step.current().tenant(), step.current().id()).stream()
                .filter(r -> r.eventType().equals(visitScheduled))
                .map(r -> (RequestEvent.VisitScheduled) codec.readEvent(r.eventType(), r.payload()))
                .anyMatch(v -> v.site().equals(plan.site()) && v.purpose() == plan.purpose()
                        && v.end().isAfter(step.now()));
    }

    /**
     * The executor's deadline on this request that has not fired yet and that the new one replaces, if any
     * (a deadline with the same due time and task is no change).
     */
    private Optional<ExecutorDeadline> pendingDeadline(RequestCommands.Step step, ExecutorDeadline next) {
        return step.tx().findTimers(step.current().tenant(), step.current().id()).stream()
                .filter(t -> t.kind().equals(ExecutorDeadlineHandler.KIND))
                .map(t -> codec.fromJson(t.payload(), ExecutorDeadline.class))
                .filter(d -> d.executor().equals(next.executor()) && !d.equals(next))
                .reduce((first, second) -> second);
    }

    static LaborFunction function(VisitPurpose purpose) {
        return switch (purpose) {
            case INSTALLATION -> LaborFunction.C_01_6;
            case INITIAL_CONFIGURATION -> LaborFunction.C_02_6;
            case REPAIR -> LaborFunction.C_03_6;
        };
    }
}
