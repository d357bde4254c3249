package dev.supportkit.core.internal.request;

import static dev.supportkit.api.request.RequestStatus.AT_INTAKE_LEAD;
import static dev.supportkit.api.request.RequestStatus.AT_SECOND_LINE;
import static dev.supportkit.api.request.RequestStatus.CLOSED;
import static dev.supportkit.api.request.RequestStatus.IN_PROGRESS_FIRST_LINE;
import static dev.supportkit.api.request.RequestStatus.REGISTERED;
import static dev.supportkit.api.request.RequestStatus.RESOLVED;
import static dev.supportkit.api.request.RequestStatus.SIGNED_OFF;
import static dev.supportkit.api.request.RequestStatus.WAITING_FOR_CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.work.Advice;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.work.Triage;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.TrainingSession;
import dev.supportkit.api.resolution.EquipmentCheck;
import dev.supportkit.api.scheduling.VisitOfferQuery;
import java.util.Set;
import java.util.EnumSet;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksOrder;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.Department;
import java.time.Instant;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.api.scheduling.Visit;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every action through the public API from every state a request can be in: the legal ones lead
 * where the design says, every other one fails with InvalidTransitionException and changes nothing.
 * The expected table is written out here, independently of the engine's own table.
 */
class RequestLifecycleTest {

    /** A starting point: a status, and the line holding the request there. */
    record Start(RequestStatus status, SupportLine line) {
        @Override
        public String toString() {
            return status + "@" + line;
        }
    }

    private static final List<Start> STARTS = List.of(
            new Start(REGISTERED, SupportLine.FIRST_LINE),
            new Start(IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE),
            new Start(AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD),
            new Start(AT_SECOND_LINE, SupportLine.SECOND_LINE),
            new Start(WAITING_FOR_CUSTOMER, SupportLine.FIRST_LINE),
            new Start(WAITING_FOR_CUSTOMER, SupportLine.INTAKE_LEAD),
            new Start(WAITING_FOR_CUSTOMER, SupportLine.SECOND_LINE),
            new Start(RESOLVED, SupportLine.FIRST_LINE),
            new Start(RESOLVED, SupportLine.INTAKE_LEAD),
            new Start(RESOLVED, SupportLine.SECOND_LINE),
            new Start(SIGNED_OFF, SupportLine.SECOND_LINE),
            new Start(CLOSED, SupportLine.SECOND_LINE));

    /** The legal moves: "from@line action" → resulting status. Everything else is illegal. */
    private static final Map<String, RequestStatus> LEGAL = new HashMap<>();

    static {
        for (Start s : STARTS) {
            if (s.status() != SIGNED_OFF && s.status() != CLOSED) {
                LEGAL.put(s + " ATTACH_CONTACT", s.status());
                LEGAL.put(s + " ATTACH_FILE", s.status());
            }
        }
        LEGAL.put("REGISTERED@FIRST_LINE TAKE_INTO_WORK", IN_PROGRESS_FIRST_LINE);
        Map<String, RequestStatus> working = Map.of("IN_PROGRESS_FIRST_LINE@FIRST_LINE", IN_PROGRESS_FIRST_LINE,
                "AT_INTAKE_LEAD@INTAKE_LEAD", AT_INTAKE_LEAD, "AT_SECOND_LINE@SECOND_LINE", AT_SECOND_LINE);
        working.forEach((start, status) -> {
            LEGAL.put(start + " CONSULT", status);
            LEGAL.put(start + " REQUEST_CLARIFICATION", WAITING_FOR_CUSTOMER);
            LEGAL.put(start + " RESOLVE", RESOLVED);
        });
        LEGAL.put("IN_PROGRESS_FIRST_LINE@FIRST_LINE REDIRECT_TO_INTAKE_LEAD", AT_INTAKE_LEAD);
        LEGAL.put("IN_PROGRESS_FIRST_LINE@FIRST_LINE REDIRECT_TO_SECOND_LINE", AT_SECOND_LINE);
        LEGAL.put("AT_INTAKE_LEAD@INTAKE_LEAD REDIRECT_TO_SECOND_LINE", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE REDIRECT_TO_INTAKE_LEAD", AT_INTAKE_LEAD);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE SCHEDULE_VISIT", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE SET_EXECUTOR_DEADLINE", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE ESCALATE_TO_VENDOR", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RECORD_VENDOR_CORRESPONDENCE", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RECORD_VENDOR_ANSWER", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE ESCALATE_TO_GROUP_LEAD", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE PLAN_WORK", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE BOOK_VISIT", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE OFFER_VISIT", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RECORD_CHECK", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RECORD_TRAINING", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE CONFIRM_VISIT", AT_SECOND_LINE);
        for (String works : List.of("PROPOSE_WORKS", "AGREE_WORKS", "PROPOSE_OTHER_DATES", "RESCHEDULE_WORKS",
                "CANCEL_WORKS", "COMPLETE_WORKS", "SIGN_OFF_WORKS")) {
            LEGAL.put("AT_SECOND_LINE@SECOND_LINE " + works, AT_SECOND_LINE);
        }
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RESCHEDULE_VISIT", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE CANCEL_VISIT", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE APPROVE_PLAN", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE COMPLETE_TASK", AT_SECOND_LINE);
        LEGAL.put("WAITING_FOR_CUSTOMER@FIRST_LINE PROVIDE_CLARIFICATION", IN_PROGRESS_FIRST_LINE);
        LEGAL.put("WAITING_FOR_CUSTOMER@INTAKE_LEAD PROVIDE_CLARIFICATION", AT_INTAKE_LEAD);
        LEGAL.put("WAITING_FOR_CUSTOMER@SECOND_LINE PROVIDE_CLARIFICATION", AT_SECOND_LINE);
        LEGAL.put("AT_SECOND_LINE@SECOND_LINE RECORD_FAILURE", AT_SECOND_LINE);
        for (String resolved : List.of("RESOLVED@FIRST_LINE", "RESOLVED@INTAKE_LEAD", "RESOLVED@SECOND_LINE")) {
            LEGAL.put(resolved + " RECORD_TIME", RESOLVED); // time is recorded after resolving too
            LEGAL.put(resolved + " RECORD_FAILURE", RESOLVED); // and so are the failures it found
        }
        LEGAL.put("RESOLVED@FIRST_LINE SIGN_OFF", SIGNED_OFF);
        LEGAL.put("RESOLVED@INTAKE_LEAD SIGN_OFF", SIGNED_OFF);
        LEGAL.put("RESOLVED@SECOND_LINE SIGN_OFF", SIGNED_OFF);
        LEGAL.put("RESOLVED@FIRST_LINE REOPEN", IN_PROGRESS_FIRST_LINE);
        LEGAL.put("RESOLVED@INTAKE_LEAD REOPEN", AT_INTAKE_LEAD);
        LEGAL.put("RESOLVED@SECOND_LINE REOPEN", AT_SECOND_LINE);
        LEGAL.put("SIGNED_OFF@SECOND_LINE CLOSE", CLOSED);
        LEGAL.put("CLOSED@SECOND_LINE ANSWER_SURVEY", CLOSED);
        for (Start s : STARTS) {
            if (s.status() != RESOLVED && s.status() != SIGNED_OFF && s.status() != CLOSED) {
                LEGAL.put(s + " RESOLVE_WITH_INCIDENT", RESOLVED);
                // day-to-day work leaves an open request where it is
                LEGAL.put(s + " ASSIGN", s.status());
                LEGAL.put(s + " ADD_NOTE", s.status());
                LEGAL.put(s + " REPLY", s.status());
                LEGAL.put(s + " TRIAGE", s.status());
                LEGAL.put(s + " ADVISE", s.status());
                LEGAL.put(s + " RECORD_TIME", s.status());
            }
        }
    }

    /** Makes each request linked to a mass incident have a category of its own. */
    private static int incidents;

    private static EngineFixture fx;

    @BeforeAll
    static void start() {
        // Two requests with one problem category within an hour make a mass incident; the other tests'
        // requests have no category and are never linked.
        // Every closed request is surveyed, so its survey can be answered.
        fx = new EngineFixture(Map.of("supportkit.intake.mass-incident.threshold", "2",
                "supportkit.intake.mass-incident.window", "PT1H",
                "supportkit.intake.mass-incident.scopes", "service",
                "supportkit.quality.surveys.enabled", "true",
                "supportkit.quality.surveys.once-per-days", "0",
                "supportkit.quality.surveys.token-key", "k".repeat(32)));
        fx.engine.directory().saveDepartment(fx.admin, new Department(DEPARTMENT, "Installation", "installation",
                List.of(SpecialistId.of("spc-viktor"))));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** Performs an action with an actor allowed to do it on the request's line. */
    private static Request perform(RequestAction action, Request r) {
        var e = fx.engine;
        var worker = fx.workerOf(r.line());
        return switch (action) {
            case ATTACH_CONTACT -> e.intake().registerContact(fx.operator, fx.draft().subject(null)
                    .text("Calling again").attachTo(r.id()).build());
            case TAKE_INTO_WORK -> e.intake().takeIntoWork(fx.operator, r.ref());
            case CONSULT -> e.consulting().recordConsultation(worker, r.ref(), "Please restart the PBX", false);
            case REDIRECT_TO_INTAKE_LEAD -> e.escalation().redirect(worker, r.ref(), RedirectTarget.intakeLead(),
                    "needs the lead");
            case REDIRECT_TO_SECOND_LINE -> e.escalation().redirect(worker, r.ref(),
                    RedirectTarget.secondLine(fx.telephony), "hardware");
            case REQUEST_CLARIFICATION -> e.resolution().requestClarification(worker, r.ref(), "Which extension?");
            case PROVIDE_CLARIFICATION -> e.intake().provideClarification(fx.customer, r.ref(), Channel.EMAIL,
                    "Extension 204");
            case SCHEDULE_VISIT -> e.scheduling().scheduleVisit(fx.engineer, r.ref(), new VisitPlan(fx.site,
                    fx.clock.instant().plus(Duration.ofDays(1)), fx.clock.instant().plus(Duration.ofDays(1).plusHours(2)),
                    VisitPurpose.REPAIR, null));
            case SET_EXECUTOR_DEADLINE -> e.scheduling().setExecutorDeadline(fx.groupLead, r.ref(),
                    new ExecutorDeadline(SpecialistId.of("spc-viktor"), fx.clock.instant().plus(Duration.ofHours(4)),
                            "Replace the power supply"));
            case RESOLVE -> e.resolution().resolve(worker, r.ref(), ResolutionReport.of("Replaced the PSU", "PSU failed"));
            case RECORD_FAILURE -> e.resolution().recordFailure(fx.engineer, r.ref(), failure());
            case SIGN_OFF -> e.resolution().signOff(fx.customer, r.ref(), "ok");
            case REOPEN -> e.resolution().reopen(fx.customer, r.ref(), "Still no calls");
            case CLOSE -> e.quality().close(fx.intakeLead, r.ref(), "checked");
            case ANSWER_SURVEY -> e.quality().answerSurvey(fx.customer, r.ref(),
                    dev.supportkit.api.quality.SurveyAnswer.of(5));
            case ESCALATE_TO_VENDOR -> e.escalation().escalateToVendor(fx.groupLead, r.ref(),
                    new VendorCase(null, null, "PSU keeps failing"));
            case RECORD_VENDOR_CORRESPONDENCE -> e.escalation().recordVendorCorrespondence(fx.engineer, r.ref(),
                    VendorMessage.of(VendorMessage.Direction.OUT, "Logs attached"));
            case RECORD_VENDOR_ANSWER -> e.escalation().recordVendorAnswer(fx.engineer, r.ref(), "Known firmware bug");
            case ESCALATE_TO_GROUP_LEAD -> e.escalation().escalateToGroupLead(fx.engineer, r.ref(), "needs the lead");
            case ASSIGN -> e.work().assign(switch (r.line()) {
                case FIRST_LINE -> fx.operator;
                case INTAKE_LEAD -> fx.intakeLead;
                case SECOND_LINE, VENDOR -> fx.groupLead;
            }, r.ref(), Assignment.to(otherOfLine(r), "shift change"));
            case ADD_NOTE -> e.work().addNote(worker, r.ref(), Note.of("checked the trunk"));
            case REPLY -> e.work().reply(worker, r.ref(), "We are on it.");
            case RECORD_TIME -> e.work().recordTime(worker, r.ref(), TimeEntry.of(Duration.ofMinutes(20),
                    LaborFunction.C_03_6, "checked the trunk"));
            case ADVISE -> e.work().advise(fx.groupLead, r.ref(), Advice.of(SpecialistId.of("spc-viktor"), "PSU first"));
            case TRIAGE -> e.work().triage(worker, r.ref(), Triage.builder("analysed").findings("trunk card").build());
            case ATTACH_FILE -> e.work().attach(worker, r.ref(), 1, FileUpload.of("trunk.log", "text/plain",
                    new java.io.ByteArrayInputStream("reboot at 09:00".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            case PROPOSE_WORKS -> e.scheduling().proposeWorks(fx.engineer, r.ref(), worksOnNextDay());
            case AGREE_WORKS -> e.scheduling().agreeWorks(fx.engineer, r.ref(), worksOf(r), DEPARTMENT);
            case PROPOSE_OTHER_DATES -> {
                Instant day = nextDay();
                yield e.scheduling().proposeOtherDates(fx.engineer, r.ref(), worksOf(r), DEPARTMENT, day,
                        day.plus(Duration.ofHours(2)), "busy");
            }
            case RESCHEDULE_WORKS -> {
                Instant day = nextDay();
                yield e.scheduling().rescheduleWorks(fx.engineer, r.ref(), worksOf(r), day,
                        day.plus(Duration.ofHours(2)), "customer asked");
            }
            case CANCEL_WORKS -> e.scheduling().cancelWorks(fx.engineer, r.ref(), worksOf(r), "not needed");
            case COMPLETE_WORKS -> e.scheduling().completeWorks(fx.engineer, r.ref(), worksOf(r),
                    new WorksOutcome("installed", List.of()));
            case SIGN_OFF_WORKS -> e.scheduling().signOffWorks(fx.customer, r.ref(), worksOf(r), "fine");
            case RECORD_CHECK -> e.resolution().recordCheck(fx.engineer, r.ref(), EquipmentCheck.remote("PSU ok"));
            case RECORD_TRAINING -> e.scheduling().recordTraining(fx.engineer, r.ref(), new TrainingSession(
                    "Voicemail", List.of(fx.rep), fx.clock.instant(), Duration.ofMinutes(30), "voicemail", List.of()));
            case OFFER_VISIT -> e.scheduling().offerVisit(fx.engineer, r.ref(), offerOnNextDay());
            case CONFIRM_VISIT -> {
                var offer = e.scheduling().visitOffers(fx.auditor, r.id()).stream().findFirst();
                yield e.scheduling().confirmVisit(fx.customer, r.ref(), offer.map(o -> o.id()).orElse("no-offer"),
                        offer.map(o -> o.slots().get(0)).orElse(null));
            }
            case BOOK_VISIT -> e.scheduling().bookVisit(fx.engineer, r.ref(), visitOnNextDay());
            case RESCHEDULE_VISIT -> {
                VisitBooking moved = visitOnNextDay();
                yield e.scheduling().rescheduleVisit(fx.engineer, r.ref(), visitOf(r), moved.start(), moved.end(),
                        "customer asked");
            }
            case CANCEL_VISIT -> e.scheduling().cancelVisit(fx.engineer, r.ref(), visitOf(r), "not needed");
            case PLAN_WORK -> e.work().planWork(fx.engineer, r.ref(), List.of(psuTask()));
            case APPROVE_PLAN -> e.work().approvePlan(fx.groupLead, r.ref());
            case COMPLETE_TASK -> e.work().completeTask(fx.engineer, r.ref(), new TaskCompletion("psu", "Replaced",
                    Duration.ofMinutes(30)));
            case RESOLVE_WITH_INCIDENT -> {
                var incident = e.intake().massIncident(fx.intakeLead, r.intake().incident().orElseThrow());
                e.intake().resolveMassIncident(fx.intakeLead, incident.id(), incident.version(), "Power restored");
                yield e.quality().request(fx.auditor, r.id());
            }
        };
    }

    /** Whether the failure-cause catalogue has been defined yet. */
    private static boolean causesDefined;

    /** A PSU failure two hours ago, under the one cause of a catalogue defined on first use. */
    private static FailureReport failure() {
        if (!causesDefined) {
            fx.engine.resolution().defineFailureCauses(fx.admin, "causes:\n  - code: power.psu\n    title: PSU\n");
            causesDefined = true;
        }
        return FailureReport.builder().model("PSU-300").causeCode("power.psu")
                .failedAt(fx.clock.instant().minus(Duration.ofHours(2)))
                .restoredAt(fx.clock.instant().minus(Duration.ofHours(1))).build();
    }

    /** A specialist of the request's line other than its assignee. */
    private static SpecialistId otherOfLine(Request r) {
        List<String> candidates = switch (r.line()) {
            case FIRST_LINE -> List.of("spc-anna", "spc-boris");
            case INTAKE_LEAD -> List.of("spc-boris");
            case SECOND_LINE, VENDOR -> List.of("spc-viktor", "spc-galina");
        };
        return SpecialistId.of(candidates.stream().filter(c -> !r.assignee().map(SpecialistId::value).orElse("")
                .equals(c)).findFirst().orElseThrow());
    }

    /**
     * A request in a start state that is linked to a mass incident: registered with a category of its own,
     * driven to the state, then a second request with that category reaches the threshold. A closed request
     * is not linked.
     */
    private static Request inIncident(Start start) {
        String category = "outage-" + (++incidents);
        Request r = fx.requestIn(start.status(), start.line(), fx.draft().category(category));
        fx.registered(fx.draft().category(category));
        return fx.engine.quality().request(fx.auditor, r.id());
    }

    private static VisitOfferQuery offerOnNextDay() {
        Instant day = nextDay();
        return VisitOfferQuery.builder().site(fx.site).purpose(VisitPurpose.REPAIR)
                .technicians(SpecialistId.of("spc-viktor")).length(Duration.ofHours(1))
                .between(day, day.plus(Duration.ofHours(3))).build();
    }

    /** The department whose person (the fixture's engineer) agrees to works. */
    private static final DepartmentId DEPARTMENT = DepartmentId.of("dep-install");

    private static WorksProposal worksOnNextDay() {
        Instant day = nextDay();
        return WorksProposal.builder(WorksKind.INSTALLATION).site(fx.site).window(day, day.plus(Duration.ofHours(2)))
                .departments(DEPARTMENT).signOffRequired().build();
    }

    /** The request's first works order's id, or a made-up one (the call must fail before using it). */
    private static String worksOf(Request r) {
        return fx.engine.quality().request(fx.auditor, r.id()).works().stream().findFirst().map(WorksOrder::id)
                .orElse("no-works");
    }

    /** Each booked visit gets a day of its own, so the fixture's technician is never double-booked. */
    private static int visitDays;

    private static Instant nextDay() {
        return fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(Duration.ofDays(++visitDays));
    }

    private static VisitBooking visitOnNextDay() {
        Instant day = nextDay();
        return VisitBooking.builder().site(fx.site).window(day, day.plus(Duration.ofHours(2)))
                .purpose(VisitPurpose.REPAIR).technicians(SpecialistId.of("spc-viktor")).build();
    }

    /** The request's first visit's id, or a made-up one when it has none (the call must fail before using it). */
    private static String visitOf(Request r) {
        return fx.engine.scheduling().visits(fx.auditor, r.id()).stream().findFirst().map(Visit::id)
                .orElse("no-visit");
    }

    /** A work plan's one task: Viktor replaces the power supply within four working hours. */
    private static TaskDraft psuTask() {
        return TaskDraft.builder("psu").executor(SpecialistId.of("spc-viktor")).description("Replace the PSU")
                .within(Duration.ofHours(4)).build();
    }

    /**
     * The vendor actions after escalation need an open vendor case; approving needs a plan, completing an
     * approved one; the others start from the plain state.
     */
    private static Request prepared(RequestAction action, Request r) {
        Set<RequestAction> proposed = EnumSet.of(RequestAction.AGREE_WORKS, RequestAction.PROPOSE_OTHER_DATES);
        Set<RequestAction> agreed = EnumSet.of(RequestAction.RESCHEDULE_WORKS, RequestAction.CANCEL_WORKS,
                RequestAction.COMPLETE_WORKS);
        if (r.status() == AT_SECOND_LINE && (proposed.contains(action) || agreed.contains(action)
                || action == RequestAction.SIGN_OFF_WORKS)) {
            Request works = fx.engine.scheduling().proposeWorks(fx.engineer, r.ref(), worksOnNextDay());
            if (proposed.contains(action)) {
                return works;
            }
            works = fx.engine.scheduling().agreeWorks(fx.engineer, works.ref(), worksOf(works), DEPARTMENT);
            return action != RequestAction.SIGN_OFF_WORKS ? works : fx.engine.scheduling().completeWorks(
                    fx.engineer, works.ref(), worksOf(works), new WorksOutcome("installed", List.of()));
        }
        if (action == RequestAction.CONFIRM_VISIT && r.status() == AT_SECOND_LINE) {
            return fx.engine.scheduling().offerVisit(fx.engineer, r.ref(), offerOnNextDay());
        }
        boolean needsVisit = action == RequestAction.RESCHEDULE_VISIT || action == RequestAction.CANCEL_VISIT;
        if (needsVisit && r.status() == AT_SECOND_LINE) {
            return fx.engine.scheduling().bookVisit(fx.engineer, r.ref(), visitOnNextDay());
        }
        boolean needsPlan = action == RequestAction.APPROVE_PLAN || action == RequestAction.COMPLETE_TASK;
        if (needsPlan && r.status() == AT_SECOND_LINE) {
            Request planned = fx.engine.work().planWork(fx.engineer, r.ref(), List.of(psuTask()));
            return action == RequestAction.APPROVE_PLAN ? planned
                    : fx.engine.work().approvePlan(fx.groupLead, planned.ref());
        }
        boolean needsCase = action == RequestAction.RECORD_VENDOR_CORRESPONDENCE
                || action == RequestAction.RECORD_VENDOR_ANSWER;
        if (needsCase && r.status() == AT_SECOND_LINE) {
            return fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                    new VendorCase(null, null, "PSU keeps failing"));
        }
        return r;
    }

    static Stream<Arguments> everyStateAndAction() {
        List<Arguments> all = new ArrayList<>();
        for (Start start : STARTS) {
            for (RequestAction action : RequestAction.values()) {
                all.add(Arguments.of(start, action));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyStateAndAction")
    @DisplayName("every action from every state: legal ones move the request, illegal ones change nothing")
    void transition(Start start, RequestAction action) {
        Request before = action == RequestAction.RESOLVE_WITH_INCIDENT ? inIncident(start)
                : prepared(action, fx.requestIn(start.status(), start.line()));
        assertEquals(start.status(), before.status(), "fixture reached the start state");
        assertEquals(start.line(), before.line(), "fixture reached the start line");
        int journalBefore = fx.engine.journal().entries(fx.auditor, before.id()).size();
        RequestStatus expected = LEGAL.get(start + " " + action);

        if (expected != null) {
            Request after = perform(action, before);
            assertEquals(expected, after.status());
            assertEquals(before.version() + 1, after.version());
            assertEquals(journalBefore + 1, fx.engine.journal().entries(fx.auditor, before.id()).size());
        } else if (action == RequestAction.RESOLVE_WITH_INCIDENT) {
            // The engine's table refuses it; resolving the incident leaves such a request as it is, and a
            // closed request is never linked to an incident in the first place.
            InvalidTransitionException error = assertThrows(InvalidTransitionException.class,
                    () -> RequestLifecycle.next(before, action));
            assertEquals(start.status().name(), error.currentState());
            if (start.status() == CLOSED) {
                assertEquals(java.util.Optional.empty(), before.intake().incident(), "a closed request is not linked");
            } else {
                perform(action, before);
                assertEquals(before, fx.engine.quality().request(fx.auditor, before.id()),
                        "resolving the incident must leave the request unchanged");
                assertEquals(journalBefore, fx.engine.journal().entries(fx.auditor, before.id()).size());
            }
        } else {
            InvalidTransitionException error = assertThrows(InvalidTransitionException.class,
                    () -> perform(action, before));
            assertEquals(start.status().name(), error.currentState());
            Request unchanged = fx.engine.quality().request(fx.auditor, before.id());
            assertEquals(before, unchanged, "an illegal transition must change nothing");
            assertEquals(journalBefore, fx.engine.journal().entries(fx.auditor, before.id()).size());
        }
    }

    @Test
    @DisplayName("the engine's table allows exactly the moves listed here")
    void tableMatchesTheDesign() {
        long legalInEngine = 0;
        for (Start start : STARTS) {
            for (RequestAction action : RequestAction.values()) {
                if (RequestLifecycle.legalFrom(action).contains(start.status())) {
                    legalInEngine++;
                }
            }
        }
        assertEquals(LEGAL.size(), legalInEngine);
    }

    @Test
    @DisplayName("reopen sends the request back to the line that resolved it and clears the resolution")
    void reopenClearsResolution() {
        Request resolved = fx.requestIn(RESOLVED, SupportLine.SECOND_LINE);
        assertEquals(true, resolved.resolution().isPresent());
        Request reopened = fx.engine.resolution().reopen(fx.customer, resolved.ref(), "Still broken");
        assertEquals(AT_SECOND_LINE, reopened.status());
        assertEquals(false, reopened.resolution().isPresent());
    }

}
