package dev.supportkit.core.internal.security;

import static dev.supportkit.api.Role.ADMINISTRATOR;
import static dev.supportkit.api.Role.AUDITOR;
import static dev.supportkit.api.Role.CUSTOMER_REPRESENTATIVE;
import static dev.supportkit.api.Role.FIRST_LINE_OPERATOR;
import static dev.supportkit.api.Role.GROUP_LEAD;
import static dev.supportkit.api.Role.INTAKE_LEAD;
import static dev.supportkit.api.Role.SECOND_LINE_ENGINEER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.api.consulting.HandlingStep;
import dev.supportkit.api.knowledge.Article;
import dev.supportkit.api.knowledge.ArticleDraft;
import dev.supportkit.api.knowledge.FaqEntry;
import dev.supportkit.api.knowledge.FaqId;
import dev.supportkit.api.knowledge.KnowledgeQuery;
import dev.supportkit.api.knowledge.KnowledgeRef;
import dev.supportkit.api.knowledge.KnowledgeService;
import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.consulting.ConsultingService;
import dev.supportkit.api.directory.DirectoryService;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.Organization;
import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.Representative;
import dev.supportkit.api.directory.RepresentativeId;
import dev.supportkit.api.directory.Site;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.Specialist;
import dev.supportkit.api.directory.DirectoryKind;
import dev.supportkit.api.directory.DirectoryQuery;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportGroup;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.escalation.EscalationService;
import dev.supportkit.api.work.Advice;
import dev.supportkit.api.work.Assignment;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.TimeQuery;
import dev.supportkit.api.work.Triage;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.TaskCompletion;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.WorkService;
import dev.supportkit.api.escalation.RedirectTarget;
import dev.supportkit.api.escalation.VendorCase;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.intake.IntakeService;
import dev.supportkit.api.intake.MassIncident;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.quality.QualityService;
import dev.supportkit.api.reports.ReportService;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.api.resolution.ResolutionService;
import dev.supportkit.api.scheduling.SchedulingService;
import dev.supportkit.api.scheduling.ExecutorDeadline;
import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.SupportContract;
import dev.supportkit.api.scheduling.VisitPlan;
import dev.supportkit.api.scheduling.VisitPurpose;
import dev.supportkit.api.scheduling.TrainingSession;
import dev.supportkit.api.resolution.EquipmentCheck;
import dev.supportkit.api.scheduling.VisitOfferQuery;
import dev.supportkit.api.scheduling.WorksProposal;
import dev.supportkit.api.scheduling.WorksOutcome;
import dev.supportkit.api.scheduling.WorksKind;
import dev.supportkit.api.directory.DepartmentId;
import dev.supportkit.api.directory.Department;
import dev.supportkit.api.scheduling.TechnicianSchedule;
import dev.supportkit.api.scheduling.VisitBooking;
import dev.supportkit.core.testing.EngineFixture;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import dev.supportkit.api.journal.LaborFunction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public service operation called by every role. The expected table below is written out by
 * hand from the access specification, independently of {@link Permission}; a separate test checks
 * that the two agree. Denied calls must fail with {@link AccessDeniedException} and change nothing;
 * allowed calls must go through.
 */
class RoleDeniedCallsTest {

    private static final Set<Role> EVERY_ROLE = EnumSet.complementOf(EnumSet.of(Role.SYSTEM));
    private static final Set<Role> STAFF = EnumSet.of(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD);
    /** Who reads the solution base: staff, customers (customer-visible knowledge) and auditors. */
    private static final Set<Role> READERS = EnumSet.of(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD, CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR);
    /** Who reads drafts and history: staff and auditors. */
    private static final Set<Role> INSIDERS = EnumSet.of(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD, AUDITOR);

    /** The services whose every method must appear in the table, by the prefix the table uses. */
    private static final Map<String, Class<?>> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("intake", IntakeService.class);
        SERVICES.put("consulting", ConsultingService.class);
        SERVICES.put("knowledge", KnowledgeService.class);
        SERVICES.put("escalation", EscalationService.class);
        SERVICES.put("work", WorkService.class);
        SERVICES.put("scheduling", SchedulingService.class);
        SERVICES.put("resolution", ResolutionService.class);
        SERVICES.put("quality", QualityService.class);
        SERVICES.put("journal", JournalService.class);
        SERVICES.put("reports", ReportService.class);
        SERVICES.put("directory", DirectoryService.class);
    }

    /** Where a request has to be for the call; null for calls that involve no request. */
    record Start(RequestStatus status, SupportLine line, boolean vendorCase, Prepared plan) {
        Start(RequestStatus status, SupportLine line) {
            this(status, line, false, Prepared.NONE);
        }

        Start(RequestStatus status, SupportLine line, boolean vendorCase) {
            this(status, line, vendorCase, Prepared.NONE);
        }

        @Override
        public String toString() {
            return status + "@" + line + (vendorCase ? "+vendor" : "") + (plan == Prepared.NONE ? "" : "+plan-" + plan);
        }
    }

    /** What the prepared request has besides its state: a work plan, an attachment, a visit, an offer, works. */
    /** The metrics query each role may run: their own figures over a day. */
    static final class Metrics {
        static final Function<dev.supportkit.api.Actor, dev.supportkit.api.reports.MetricsQuery> OWN = a ->
                dev.supportkit.api.reports.MetricsQuery.builder()
                        .scope(dev.supportkit.api.reports.MetricsScope.SPECIALIST).subject(a.id())
                        .period(EngineFixture.START, EngineFixture.START.plus(java.time.Duration.ofDays(1))).build();

        private Metrics() {
        }
    }

    enum Prepared { NONE, DRAFTED, APPROVED, ATTACHMENT, VISIT, OFFER, WORKS_PROPOSED, WORKS_AGREED, WORKS_DONE }

    /** One call of an operation. */
    @FunctionalInterface
    interface Call {
        /**
         * @param fx      the fixture
         * @param actor   who calls
         * @param request the prepared request, or null when the operation involves none
         * @return whatever the operation returns
         */
        Object invoke(EngineFixture fx, Actor actor, Request request);
    }

    /**
     * A row of the expected table.
     *
     * @param name       service.method
     * @param permission the permission the engine is expected to check
     * @param allowed    the roles the specification lets call it (written out by hand)
     * @param lineBound  whether, on top of the role, the caller must work the request's current line
     * @param setup      the request the call needs for the given caller (null: no request)
     * @param call       the call
     */
    record Op(String name, Permission permission, Set<Role> allowed, boolean lineBound,
              Function<Role, Start> setup, Call call) {
        @Override
        public String toString() {
            return name;
        }

        Set<Role> denied() {
            Set<Role> denied = EnumSet.allOf(Role.class);
            denied.removeAll(allowed);
            return denied;
        }
    }

    private static Set<Role> roles(Role... roles) {
        return roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles));
    }

    /** Someone of the request's line other than its assignee, to assign it to. */
    private static SpecialistId otherAssignee(Request request) {
        List<String> candidates = request.line() == SupportLine.SECOND_LINE ? List.of("spc-viktor", "spc-galina")
                : List.of("spc-boris", "spc-anna");
        return SpecialistId.of(candidates.stream().filter(c -> !request.assignee()
                .map(SpecialistId::value).orElse("").equals(c)).findFirst().orElseThrow());
    }

    private static Function<Role, Start> at(RequestStatus status, SupportLine line) {
        return role -> new Start(status, line);
    }

    private static final Function<Role, Start> NO_REQUEST = role -> null;

    /** At second line, handed to the vendor (an open vendor case). */
    /** At second line with a drafted (or approved) plan of two tasks, one for Viktor and one for Galina. */
    private static final Function<Role, Start> WITH_DRAFTED_PLAN =
            role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, false, Prepared.DRAFTED);
    private static final Function<Role, Start> WITH_APPROVED_PLAN =
            role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, false, Prepared.APPROVED);

    private static final Function<Role, Start> WITH_VENDOR_CASE =
            role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, true);

    /** A working state on the line the role works (FIRST_LINE for everyone who does not work a line). */
    private static final Function<Role, Start> WORKING_ON_OWN_LINE = role -> {
        SupportLine line = homeLine(role);
        return new Start(working(line), line);
    };

    private static SupportLine homeLine(Role role) {
        return switch (role) {
            case INTAKE_LEAD -> SupportLine.INTAKE_LEAD;
            case SECOND_LINE_ENGINEER, GROUP_LEAD -> SupportLine.SECOND_LINE;
            default -> SupportLine.FIRST_LINE;
        };
    }

    private static RequestStatus working(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> RequestStatus.IN_PROGRESS_FIRST_LINE;
            case INTAKE_LEAD -> RequestStatus.AT_INTAKE_LEAD;
            case SECOND_LINE -> RequestStatus.AT_SECOND_LINE;
            case VENDOR -> throw new IllegalArgumentException("no working state for " + line);
        };
    }

    private static String suffix(Actor actor) {
        return actor.role().name().toLowerCase().replace('_', '-');
    }

    private static OrganizationId newOrganization(Role role) {
        return OrganizationId.of("org-new-" + role.name().toLowerCase().replace('_', '-'));
    }

    /** A legal redirect target from the request's current line. */
    private static RedirectTarget legalTarget(EngineFixture fx, Request request) {
        return request.line() == SupportLine.SECOND_LINE ? RedirectTarget.intakeLead()
                : RedirectTarget.secondLine(fx.telephony);
    }

    /**
     * The expected access table, from the specification:
     * <ul>
     * <li>intake.registerContact: operator, intake lead, customer representative (own organisation)</li>
     * <li>intake.takeIntoWork: operator, intake lead</li>
     * <li>intake.provideClarification: customer representative, operator, intake lead</li>
     * <li>intake.contacts, quality.request, quality.requests, quality.queue, quality.countRequests,
     * quality.exportRequests, journal.entries: everyone</li>
     * <li>intake.defineQuestionnaire: administrator; intake.questionnaire, questionnaires, questionnaireFor:
     * everyone</li>
     * <li>intake.massIncidents, intake.massIncident: the four staff roles and the auditor;
     * intake.resolveMassIncident: intake lead, group lead</li>
     * <li>consulting, escalation.redirect, resolution.requestClarification, resolution.resolve: the four staff
     * roles, and only on the line they work</li>
     * <li>scheduling.scheduleVisit: engineer, group lead</li>
     * <li>escalation.escalateToVendor: group lead; escalation.recordVendorCorrespondence,
     * escalation.recordVendorAnswer: engineer, group lead (at second line, with an open vendor case)</li>
 * <li>escalation.escalateToGroupLead: engineer (at second line)</li>
     * <li>resolution.signOff, resolution.reopen: customer representative</li>
     * <li>quality.close: intake lead, group lead</li>
     * <li>journal.verify: intake lead, group lead, auditor, administrator</li>
     * <li>reports.statusSummary: intake lead, group lead, auditor</li>
     * <li>reports.metrics, reports.evaluate: the four staff roles and the auditor (each sees only what is
     * theirs)</li>
     * <li>directory.save*: administrator; organisation, representatives, systems, sites: everyone;
     * specialists, groups: everyone except the customer representative</li>
     * </ul>
     */
    private static final List<Op> TABLE = List.of(
            new Op("intake.registerContact", Permission.REGISTER_CONTACT,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, CUSTOMER_REPRESENTATIVE), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.intake().registerContact(a, fx.draft().newRequest(true).build())),
            new Op("intake.takeIntoWork", Permission.TAKE_INTO_WORK,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD), false, at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.intake().takeIntoWork(a, r.ref())),
            new Op("intake.provideClarification", Permission.PROVIDE_CLARIFICATION,
                    roles(CUSTOMER_REPRESENTATIVE, FIRST_LINE_OPERATOR, INTAKE_LEAD), false,
                    at(RequestStatus.WAITING_FOR_CUSTOMER, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.intake().provideClarification(a, r.ref(), Channel.EMAIL, "Extension 204")),
            new Op("intake.contacts", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.intake().contacts(a, r.id())),
            new Op("intake.defineQuestionnaire", Permission.DEFINE_QUESTIONNAIRE, roles(ADMINISTRATOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.intake().defineQuestionnaire(a,
                            questionnaire("q-new-" + suffix(a)))),
            new Op("intake.questionnaire", Permission.READ_QUESTIONNAIRES, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.intake().questionnaire(a, QuestionnaireId.of("q-pbx"), 1)),
            new Op("intake.questionnaires", Permission.READ_QUESTIONNAIRES, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.intake().questionnaires(a)),
            new Op("intake.questionnaireFor", Permission.READ_QUESTIONNAIRES, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.intake().questionnaireFor(a, Optional.of(fx.system), Optional.empty())
                            .orElseThrow()),
            new Op("intake.massIncidents", Permission.READ_INCIDENTS,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.intake().massIncidents(a, true)),
            new Op("intake.massIncident", Permission.READ_INCIDENTS,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.intake().massIncident(a, Incidents.shared.id())),
            new Op("intake.resolveMassIncident", Permission.RESOLVE_INCIDENT, roles(INTAKE_LEAD, GROUP_LEAD), false,
                    NO_REQUEST, (fx, a, r) -> {
                        MassIncident incident = Incidents.byRole.getOrDefault(a.role(), Incidents.shared);
                        return fx.engine.intake().resolveMassIncident(a, incident.id(), incident.version(),
                                "Power restored at the exchange");
                    }),
            new Op("consulting.recordConsultation", Permission.CONSULT, STAFF, true, WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.consulting().recordConsultation(a, r.ref(), "Please restart the PBX",
                            false)),
            new Op("consulting.offerKnowledge", Permission.CONSULT, STAFF, true, WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.consulting().offerKnowledge(a, r.ref(),
                            KnowledgeRef.faq(Knowledge.faq.id()), true)),
            new Op("consulting.sendTypicalInstruction", Permission.SEND_TYPICAL_INSTRUCTION,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD), false,
                    at(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.consulting().sendTypicalInstruction(a, r.ref(),
                            Knowledge.published.id())),
            new Op("consulting.sendRemoteInstruction", Permission.INSTRUCT_NON_TYPICAL, roles(INTAKE_LEAD), false,
                    at(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD),
                    (fx, a, r) -> fx.engine.consulting().sendRemoteInstruction(a, r.ref(), "Re-seat the trunk card")),
            new Op("consulting.explainHandlingPlan", Permission.INSTRUCT_NON_TYPICAL, roles(INTAKE_LEAD), false,
                    at(RequestStatus.AT_INTAKE_LEAD, SupportLine.INTAKE_LEAD),
                    (fx, a, r) -> fx.engine.consulting().explainHandlingPlan(a, r.ref(), List.of(new HandlingStep(
                            "Diagnose the trunk", java.time.LocalDate.ofInstant(fx.clock.instant(),
                                    java.time.ZoneOffset.UTC).plusDays(1))))),
            new Op("consulting.consultations", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.consulting().consultations(a, r.id())),
            new Op("consulting.statistics", Permission.READ_REPORTS, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.consulting().statistics(a, EngineFixture.START,
                            fx.clock.instant().plusSeconds(1))),
            new Op("knowledge.createArticle", Permission.WRITE_KNOWLEDGE, STAFF, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().createArticle(a, Knowledge.DRAFT)),
            new Op("knowledge.reviseArticle", Permission.WRITE_KNOWLEDGE, STAFF, false, NO_REQUEST,
                    (fx, a, r) -> {
                        Article draft = Knowledge.draft(fx);
                        return fx.engine.knowledge().reviseArticle(a, draft.id(), draft.version(), Knowledge.DRAFT);
                    }),
            new Op("knowledge.submitArticleForReview", Permission.WRITE_KNOWLEDGE, STAFF, false, NO_REQUEST,
                    (fx, a, r) -> {
                        Article draft = Knowledge.draft(fx);
                        return fx.engine.knowledge().submitArticleForReview(a, draft.id(), draft.version());
                    }),
            new Op("knowledge.publishArticle", Permission.REVIEW_KNOWLEDGE, roles(INTAKE_LEAD, GROUP_LEAD), false,
                    NO_REQUEST, (fx, a, r) -> {
                        Article inReview = Knowledge.inReview(fx);
                        return fx.engine.knowledge().publishArticle(a, inReview.id(), inReview.version());
                    }),
            new Op("knowledge.returnArticleToDraft", Permission.REVIEW_KNOWLEDGE, roles(INTAKE_LEAD, GROUP_LEAD),
                    false, NO_REQUEST, (fx, a, r) -> {
                        Article inReview = Knowledge.inReview(fx);
                        return fx.engine.knowledge().returnArticleToDraft(a, inReview.id(), inReview.version());
                    }),
            new Op("knowledge.archiveArticle", Permission.REVIEW_KNOWLEDGE, roles(INTAKE_LEAD, GROUP_LEAD), false,
                    NO_REQUEST, (fx, a, r) -> {
                        Article published = Knowledge.published(fx);
                        return fx.engine.knowledge().archiveArticle(a, published.id(), published.version());
                    }),
            new Op("knowledge.draftArticleFromRequest", Permission.WRITE_KNOWLEDGE, STAFF, false,
                    at(RequestStatus.RESOLVED, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.knowledge().draftArticleFromRequest(a, r.id())),
            new Op("knowledge.article", Permission.READ_KNOWLEDGE, READERS, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().article(a, Knowledge.published.id())),
            new Op("knowledge.articleHistory", Permission.READ_KNOWLEDGE_DRAFTS, INSIDERS, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().articleHistory(a, Knowledge.published.id())),
            new Op("knowledge.articles", Permission.READ_KNOWLEDGE_DRAFTS, INSIDERS, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().articles(a, java.util.Optional.empty())),
            new Op("knowledge.saveFaqEntry", Permission.WRITE_KNOWLEDGE, STAFF, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().saveFaqEntry(a, Knowledge.newFaqId(), 0,
                            "How do I forward calls?", "Dial *21* and the number.", Set.of())),
            new Op("knowledge.retireFaqEntry", Permission.WRITE_KNOWLEDGE, STAFF, false, NO_REQUEST,
                    (fx, a, r) -> {
                        FaqEntry entry = fx.engine.knowledge().saveFaqEntry(fx.operator, Knowledge.newFaqId(), 0,
                                "Temporary question?", "Temporary answer.", Set.of());
                        return fx.engine.knowledge().retireFaqEntry(a, entry.id(), entry.version());
                    }),
            new Op("knowledge.faq", Permission.READ_KNOWLEDGE, READERS, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().faq(a, java.util.Optional.of(fx.system))),
            new Op("knowledge.search", Permission.READ_KNOWLEDGE, READERS, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().search(a, KnowledgeQuery.of("calls drop"))),
            new Op("knowledge.suggestionsFor", Permission.READ_KNOWLEDGE, READERS, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.knowledge().suggestionsFor(a, r.id())),
            new Op("knowledge.reindex", Permission.REINDEX_KNOWLEDGE, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.knowledge().reindex(a)),
            new Op("escalation.redirect", Permission.REDIRECT, STAFF, true, WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.escalation().redirect(a, r.ref(), legalTarget(fx, r), "needs others")),
            new Op("escalation.escalateToVendor", Permission.ESCALATE_TO_VENDOR, roles(GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.escalation().escalateToVendor(a, r.ref(),
                            new VendorCase(null, null, "PSU keeps failing"))),
            new Op("escalation.recordVendorCorrespondence", Permission.VENDOR_CORRESPONDENCE,
                    roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false, WITH_VENDOR_CASE,
                    (fx, a, r) -> fx.engine.escalation().recordVendorCorrespondence(a, r.ref(),
                            VendorMessage.of(VendorMessage.Direction.OUT, "Logs attached"))),
            new Op("escalation.recordVendorAnswer", Permission.VENDOR_CORRESPONDENCE,
                    roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false, WITH_VENDOR_CASE,
                    (fx, a, r) -> fx.engine.escalation().recordVendorAnswer(a, r.ref(), "Known firmware bug")),
            new Op("escalation.escalateToGroupLead", Permission.ESCALATE_TO_GROUP_LEAD, roles(SECOND_LINE_ENGINEER),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.escalation().escalateToGroupLead(a, r.ref(), "needs the lead")),
            new Op("work.assign", Permission.ASSIGN, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, GROUP_LEAD), false,
                    role -> role == GROUP_LEAD ? new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE)
                            : new Start(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.work().assign(a, r.ref(), Assignment.to(otherAssignee(r), "shift"))),
            new Op("work.addNote", Permission.NOTE, STAFF, false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().addNote(a, r.ref(), Note.of("checked the trunk"))),
            new Op("work.reply", Permission.REPLY, STAFF, false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().reply(a, r.ref(), "We are on it.")),
            new Op("work.advise", Permission.ADVISE, roles(GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().advise(a, r.ref(), Advice.of(SpecialistId.of("spc-viktor"),
                            "check the PSU first"))),
            new Op("work.recordTime", Permission.RECORD_TIME, STAFF, false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().recordTime(a, r.ref(), TimeEntry.of(Duration.ofMinutes(15),
                            LaborFunction.C_03_6, "checked the trunk"))),
            new Op("work.timeSpent", Permission.READ_TIME, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.work().timeSpent(a, TimeQuery.ALL)),
            new Op("work.planWork", Permission.PLAN_WORK, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().planWork(a, r.ref(), twoTasks())),
            new Op("work.approvePlan", Permission.APPROVE_PLAN, roles(GROUP_LEAD), false, WITH_DRAFTED_PLAN,
                    (fx, a, r) -> fx.engine.work().approvePlan(a, r.ref())),
            new Op("work.completeTask", Permission.COMPLETE_TASK, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    WITH_APPROVED_PLAN, (fx, a, r) -> fx.engine.work().completeTask(a, r.ref(),
                            new TaskCompletion("by-" + a.id(), "done", Duration.ofMinutes(10)))),
            new Op("work.attach", Permission.ATTACH_FILE, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
                    GROUP_LEAD, CUSTOMER_REPRESENTATIVE), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.work().attach(a, r.ref(), 1, FileUpload.of("trunk.log", "text/plain",
                            new java.io.ByteArrayInputStream(new byte[] {42})))),
            new Op("work.attachments", Permission.READ_JOURNAL, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.work().attachments(a, r.id())),
            new Op("work.openAttachment", Permission.READ_JOURNAL, EVERY_ROLE, false,
                    role -> new Start(RequestStatus.REGISTERED, SupportLine.FIRST_LINE, false, Prepared.ATTACHMENT),
                    RoleDeniedCallsTest::openFirstAttachment),
            new Op("work.triage", Permission.TRIAGE, STAFF, true, WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.work().triage(a, r.ref(), Triage.builder("analysed")
                            .findings("The trunk card reboots every hour").build())),
            new Op("scheduling.scheduleVisit", Permission.SCHEDULE_VISIT, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().scheduleVisit(a, r.ref(), new VisitPlan(fx.site,
                            fx.clock.instant().plus(Duration.ofDays(1)),
                            fx.clock.instant().plus(Duration.ofDays(1).plusHours(2)), VisitPurpose.REPAIR, null))),
            new Op("scheduling.saveTechnicianSchedule", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.scheduling().saveTechnicianSchedule(a,
                            new TechnicianSchedule(SpecialistId.of("spc-viktor"), "24x7", List.of()))),
            new Op("scheduling.bookVisit", Permission.SCHEDULE_VISIT, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().bookVisit(a, r.ref(), visitOnNextDay(fx))),
            new Op("scheduling.rescheduleVisit", Permission.SCHEDULE_VISIT, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, false, Prepared.VISIT),
                    (fx, a, r) -> {
                        VisitBooking moved = visitOnNextDay(fx);
                        return fx.engine.scheduling().rescheduleVisit(a, r.ref(), visitOf(fx, r), moved.start(),
                                moved.end(), "customer asked");
                    }),
            new Op("scheduling.cancelVisit", Permission.SCHEDULE_VISIT, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, false, Prepared.VISIT),
                    (fx, a, r) -> fx.engine.scheduling().cancelVisit(a, r.ref(), visitOf(fx, r), "not needed")),
            new Op("resolution.recordCheck", Permission.RECORD_CHECK, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.resolution().recordCheck(a, r.ref(), EquipmentCheck.remote("PSU ok"))),
            new Op("scheduling.recordTraining", Permission.RECORD_TRAINING, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().recordTraining(a, r.ref(), new TrainingSession("Voicemail",
                            List.of(fx.rep), fx.clock.instant(), Duration.ofMinutes(30), "voicemail", List.of()))),
            new Op("scheduling.trainings", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.scheduling().trainings(a, fx.org)),
            new Op("scheduling.trainingsOf", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.scheduling().trainingsOf(a, fx.rep)),
            new Op("scheduling.offerVisit", Permission.SCHEDULE_VISIT, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().offerVisit(a, r.ref(), offerOnNextDay(fx))),
            new Op("scheduling.confirmVisit", Permission.CONFIRM_VISIT, roles(CUSTOMER_REPRESENTATIVE), false,
                    works(Prepared.OFFER), (fx, a, r) -> {
                        var offer = fx.engine.scheduling().visitOffers(fx.auditor, r.id()).stream().findFirst();
                        return fx.engine.scheduling().confirmVisit(a, r.ref(), offer.map(o -> o.id())
                                .orElse("no-offer"), offer.map(o -> o.slots().get(0)).orElse(null));
                    }),
            new Op("scheduling.visitOffers", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.scheduling().visitOffers(a, r.id())),
            new Op("scheduling.proposeWorks", Permission.PLAN_WORKS, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().proposeWorks(a, r.ref(), worksOnNextDay(fx))),
            new Op("scheduling.agreeWorks", Permission.AGREE_WORKS, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD), false, works(Prepared.WORKS_PROPOSED),
                    (fx, a, r) -> fx.engine.scheduling().agreeWorks(a, r.ref(), worksOf(fx, r),
                            WorksFixture.DEPARTMENT)),
            new Op("scheduling.proposeOtherDates", Permission.AGREE_WORKS, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD), false, works(Prepared.WORKS_PROPOSED),
                    (fx, a, r) -> {
                        WorksProposal other = worksOnNextDay(fx);
                        return fx.engine.scheduling().proposeOtherDates(a, r.ref(), worksOf(fx, r),
                                WorksFixture.DEPARTMENT, other.start(), other.end(), "busy");
                    }),
            new Op("scheduling.rescheduleWorks", Permission.PLAN_WORKS, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, works(Prepared.WORKS_AGREED), (fx, a, r) -> {
                        WorksProposal moved = worksOnNextDay(fx);
                        return fx.engine.scheduling().rescheduleWorks(a, r.ref(), worksOf(fx, r), moved.start(),
                                moved.end(), "customer asked");
                    }),
            new Op("scheduling.cancelWorks", Permission.PLAN_WORKS, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    works(Prepared.WORKS_AGREED),
                    (fx, a, r) -> fx.engine.scheduling().cancelWorks(a, r.ref(), worksOf(fx, r), "not needed")),
            new Op("scheduling.completeWorks", Permission.PLAN_WORKS, roles(SECOND_LINE_ENGINEER, GROUP_LEAD), false,
                    works(Prepared.WORKS_AGREED), (fx, a, r) -> fx.engine.scheduling().completeWorks(a, r.ref(),
                            worksOf(fx, r), new WorksOutcome("installed", List.of()))),
            new Op("scheduling.signOffWorks", Permission.SIGN_OFF_WORKS, roles(CUSTOMER_REPRESENTATIVE), false,
                    works(Prepared.WORKS_DONE),
                    (fx, a, r) -> fx.engine.scheduling().signOffWorks(a, r.ref(), worksOf(fx, r), "fine")),
            new Op("directory.saveDepartment", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveDepartment(a, new Department(WorksFixture.DEPARTMENT,
                            "Installation", "installation", WorksFixture.EVERYONE))),
            new Op("directory.departments", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.directory().departments(a)),
            new Op("scheduling.visits", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.scheduling().visits(a, r.id())),
            new Op("scheduling.technicianVisits", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.scheduling().technicianVisits(a,
                            SpecialistId.of("spc-viktor"), fx.clock.instant(), fx.clock.instant().plus(Duration.ofDays(7)))),
            new Op("scheduling.freeWindows", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.scheduling().freeWindows(a,
                            SpecialistId.of("spc-viktor"), fx.clock.instant(), fx.clock.instant().plus(Duration.ofDays(1)),
                            Duration.ofHours(1))),
            new Op("intake.importRequests", Permission.IMPORT_REQUESTS, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.intake().importRequests(a, "OTRS", List.of(new ImportedRequest(
                            "T-" + fx.clock.instant().toEpochMilli() + "-" + a.role(), fx.org, fx.rep, null,
                            Channel.EMAIL, "Old ticket", "From the old desk", null, RequestStatus.CLOSED, null,
                            fx.clock.instant().minus(Duration.ofDays(30)), null, null)))),
            new Op("scheduling.setExecutorDeadline", Permission.SET_EXECUTOR_DEADLINE, roles(GROUP_LEAD),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.scheduling().setExecutorDeadline(a, r.ref(), new ExecutorDeadline(
                            SpecialistId.of("spc-viktor"), fx.clock.instant().plus(Duration.ofHours(4)), "Fix it"))),
            new Op("resolution.requestClarification", Permission.REQUEST_CLARIFICATION, STAFF, true,
                    WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.resolution().requestClarification(a, r.ref(), "Which extension?")),
            new Op("resolution.resolve", Permission.RESOLVE, STAFF, true, WORKING_ON_OWN_LINE,
                    (fx, a, r) -> fx.engine.resolution().resolve(a, r.ref(),
                            ResolutionReport.of("Restarted the trunk", "Trunk hung"))),
            new Op("resolution.signOff", Permission.SIGN_OFF, roles(CUSTOMER_REPRESENTATIVE), false,
                    at(RequestStatus.RESOLVED, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.resolution().signOff(a, r.ref(), "Works now")),
            new Op("resolution.reopen", Permission.REOPEN, roles(CUSTOMER_REPRESENTATIVE), false,
                    at(RequestStatus.RESOLVED, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.resolution().reopen(a, r.ref(), "Still no calls")),
            new Op("resolution.defineFailureCauses", Permission.MANAGE_FAILURE_REGISTER, roles(ADMINISTRATOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.resolution().defineFailureCauses(a, Failures.CATALOGUE)),
            new Op("resolution.failureCauses", Permission.READ_FAILURE_CATALOGUE, roles(FIRST_LINE_OPERATOR,
                    INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.resolution().failureCauses(a)),
            new Op("resolution.registerInstalledUnit", Permission.MANAGE_FAILURE_REGISTER, roles(ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.resolution().registerInstalledUnit(a,
                            dev.supportkit.api.resolution.InstalledUnit.of(fx.system, fx.psu, "PSU-300",
                                    EngineFixture.START.minus(Duration.ofDays(30))))),
            new Op("resolution.installedUnits", Permission.READ_FAILURE_CATALOGUE, roles(FIRST_LINE_OPERATOR,
                    INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.resolution().installedUnits(a, Optional.of("PSU-300"))),
            new Op("resolution.recordFailure", Permission.RECORD_FAILURE, roles(SECOND_LINE_ENGINEER, GROUP_LEAD),
                    false, at(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.resolution().recordFailure(a, r.ref(), Failures.report(fx))),
            new Op("resolution.failureStatistics", Permission.READ_FAILURES, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR,
                    ADMINISTRATOR), false, NO_REQUEST, (fx, a, r) -> fx.engine.resolution().failureStatistics(a,
                            EngineFixture.START.minus(Duration.ofDays(30)), fx.clock.instant().plusSeconds(1))),
            new Op("quality.request", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().request(a, r.id())),
            new Op("quality.requests", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().requests(a, RequestQuery.all())),
            new Op("quality.queue", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().queue(a, RequestQuery.all())),
            new Op("quality.countRequests", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().countRequests(a, RequestQuery.all())),
            new Op("quality.exportRequests", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().exportRequests(a, RequestQuery.all()).toList()),
            new Op("quality.close", Permission.CLOSE, roles(INTAKE_LEAD, GROUP_LEAD), false,
                    at(RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.quality().close(a, r.ref(), "checked")),
            new Op("quality.answerSurvey", Permission.ANSWER_SURVEY, roles(CUSTOMER_REPRESENTATIVE), false,
                    at(RequestStatus.CLOSED, SupportLine.SECOND_LINE),
                    (fx, a, r) -> fx.engine.quality().answerSurvey(a, r.ref(),
                            dev.supportkit.api.quality.SurveyAnswer.of(4))),
            new Op("journal.entries", Permission.READ_JOURNAL, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.journal().entries(a, r.id())),
            new Op("journal.verify", Permission.VERIFY_JOURNAL, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.journal().verify(a, r.id())),
            new Op("journal.checkpoint", Permission.CHECKPOINT_JOURNAL, roles(AUDITOR, ADMINISTRATOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.journal().checkpoint(a)),
            new Op("journal.verifyAgainst", Permission.VERIFY_JOURNAL,
                    roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.journal().verifyAgainst(a, new JournalCheckpoint(a.tenant(),
                            java.time.Instant.EPOCH, List.of()))),
            new Op("quality.deliveries", Permission.READ_DELIVERIES, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR), false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.quality().deliveries(a, r.id())),
            new Op("quality.deadLetters", Permission.READ_DEAD_LETTERS, roles(INTAKE_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.quality().deadLetters(a, 10)),
            new Op("quality.retryDelivery", Permission.RETRY_DELIVERY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.quality().retryDelivery(a, DeadLetter.id)),
            new Op("directory.saveContract", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveContract(a, new SupportContract(fx.org, "SUP-1", "standard",
                            null))),
            new Op("directory.contract", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().contract(a, fx.org)),
            new Op("escalation.deadlinePromises", Permission.READ_REQUESTS, EVERY_ROLE, false,
                    at(RequestStatus.REGISTERED, SupportLine.FIRST_LINE),
                    (fx, a, r) -> fx.engine.escalation().deadlinePromises(a, r.id(), java.util.Locale.ENGLISH)),
            new Op("directory.savePreferences", Permission.SAVE_PREFERENCES, roles(ADMINISTRATOR,
                    CUSTOMER_REPRESENTATIVE), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().savePreferences(a, new DeliveryPreferences(fx.rep.value(),
                            List.of(new ContactPoint(Channel.EMAIL, "irina@romashka.example")), null,
                            java.util.Locale.forLanguageTag("ru")))),
            new Op("directory.preferences", Permission.READ_PREFERENCES, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().preferences(a, fx.rep.value())),
            new Op("reports.statusSummary", Permission.READ_REPORTS, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.reports().statusSummary(a)),
            new Op("reports.metrics", Permission.READ_METRICS, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.reports().metrics(a, Metrics.OWN.apply(a))),
            new Op("reports.laborFunctions", Permission.READ_METRICS, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.reports().laborFunctions(a, EngineFixture.START,
                            EngineFixture.START.plus(java.time.Duration.ofDays(1)))),
            new Op("journal.search", Permission.AUDIT_JOURNAL, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.journal().search(a, dev.supportkit.api.journal.JournalQuery
                            .builder().period(EngineFixture.START, EngineFixture.START.plus(java.time.Duration.ofDays(1)))
                            .build()).toList()),
            new Op("reports.proposals", Permission.READ_REPORTS, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.reports().proposals(a, dev.supportkit.api.reports.ProposalQuery
                            .builder().period(EngineFixture.START, EngineFixture.START.plus(java.time.Duration.ofDays(1)))
                            .build())),
            new Op("reports.digest", Permission.READ_REPORTS, roles(INTAKE_LEAD, GROUP_LEAD, AUDITOR), false,
                    NO_REQUEST, (fx, a, r) -> fx.engine.reports().digest(a, EngineFixture.START,
                            EngineFixture.START.plus(java.time.Duration.ofDays(1)))),
            new Op("reports.evaluate", Permission.READ_METRICS, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD,
                    SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.reports().evaluate(a, Metrics.OWN.apply(a))),
            new Op("directory.saveOrganization", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveOrganization(a,
                            new Organization(newOrganization(a.role()), "New Customer LLC", null))),
            new Op("directory.saveRepresentative", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false,
                    NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveRepresentative(a, new Representative(
                            RepresentativeId.of("rep-new-" + suffix(a)), fx.org, "New Person",
                            "new.person@romashka.example", null, false))),
            new Op("directory.saveSite", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveSite(a, new Site(SiteId.of("site-new-" + suffix(a)),
                            fx.org, "Warehouse", "Moscow, Lesnaya 3"))),
            new Op("directory.saveSystem", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveSystem(a, new SupportedSystem(
                            SystemId.of("sys-new-" + suffix(a)), fx.org, "CCTV", "Vision", "V-100", false,
                            List.of()))),
            new Op("directory.saveGroup", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveGroup(a, new SupportGroup(
                            GroupId.of("grp-new-" + suffix(a)), "Networks, second line", SupportLine.SECOND_LINE))),
            new Op("directory.saveSpecialist", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().saveSpecialist(a, new Specialist(
                            SpecialistId.of("spc-new-" + suffix(a)), "New Engineer", SECOND_LINE_ENGINEER,
                            fx.telephony))),
            new Op("directory.organization", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().organization(a, fx.org)),
            new Op("directory.representatives", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().representatives(a, fx.org)),
            new Op("directory.systems", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().systems(a, fx.org)),
            new Op("directory.sites", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().sites(a, fx.org)),
            new Op("directory.page", Permission.READ_CUSTOMER_DIRECTORY, EVERY_ROLE, false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().page(a, DirectoryQuery.organizations())),
            new Op("directory.specialists", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.directory().specialists(a)),
            new Op("directory.groups", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.directory().groups(a)),
            new Op("directory.deactivate", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().deactivate(a, DirectoryKind.SPECIALIST, "spc-anna", "left")),
            new Op("directory.reactivate", Permission.MANAGE_DIRECTORY, roles(ADMINISTRATOR), false, NO_REQUEST,
                    (fx, a, r) -> fx.engine.directory().reactivate(a, DirectoryKind.SPECIALIST, "spc-anna", "back")),
            new Op("directory.active", Permission.READ_STAFF_DIRECTORY,
                    roles(FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
                    false, NO_REQUEST, (fx, a, r) -> fx.engine.directory().active(a, DirectoryKind.SPECIALIST,
                            "spc-anna")));

    /** Which staff roles work which line: the line rule of the specification. */
    private static final Map<SupportLine, Set<Role>> LINE_WORKERS = Map.of(
            SupportLine.FIRST_LINE, roles(FIRST_LINE_OPERATOR, INTAKE_LEAD),
            SupportLine.INTAKE_LEAD, roles(INTAKE_LEAD),
            SupportLine.SECOND_LINE, roles(SECOND_LINE_ENGINEER, GROUP_LEAD));

    private static EngineFixture fx;

    /** Opens, as the caller, the file the operator attached to the request's first contact. */
    private static Object openFirstAttachment(EngineFixture fx, Actor actor, Request request) {
        // a request prepared in another state has no attachment: the call must be refused before looking
        String id = fx.engine.work().attachments(fx.auditor, request.id()).stream().findFirst()
                .map(dev.supportkit.api.work.Attachment::id).orElse("no-attachment");
        try (java.io.InputStream in = fx.engine.work().openAttachment(actor, request.id(), id)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }


    /** A department whose people are every staff member of the fixture, so each staff role may agree for it. */
    private static final class WorksFixture {
        static final DepartmentId DEPARTMENT = DepartmentId.of("dep-install");
        static final List<SpecialistId> EVERYONE = List.of(SpecialistId.of("spc-anna"), SpecialistId.of("spc-boris"),
                SpecialistId.of("spc-viktor"), SpecialistId.of("spc-galina"));
    }

    private static Function<Role, Start> works(Prepared stage) {
        return role -> new Start(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE, false, stage);
    }

    private static VisitOfferQuery offerOnNextDay(EngineFixture fx) {
        VisitBooking day = visitOnNextDay(fx);
        return VisitOfferQuery.builder().site(fx.site).purpose(VisitPurpose.REPAIR)
                .technicians(SpecialistId.of("spc-viktor")).length(Duration.ofHours(1))
                .between(day.start(), day.end().plus(Duration.ofHours(1))).build();
    }

    private static WorksProposal worksOnNextDay(EngineFixture fx) {
        VisitBooking day = visitOnNextDay(fx);
        return WorksProposal.builder(WorksKind.INSTALLATION).site(fx.site).window(day.start(), day.end())
                .departments(WorksFixture.DEPARTMENT).signOffRequired().build();
    }

    /** The request's first works order's id, or a made-up one (the call must be refused before using it). */
    private static String worksOf(EngineFixture fx, Request r) {
        return fx.engine.quality().request(fx.auditor, r.id()).works().stream().findFirst()
                .map(dev.supportkit.api.scheduling.WorksOrder::id).orElse("no-works");
    }

    /** Each booked visit gets a day of its own, so the fixture's technician is never double-booked. */
    private static final java.util.concurrent.atomic.AtomicInteger VISIT_DAYS = new java.util.concurrent.atomic.AtomicInteger();

    private static VisitBooking visitOnNextDay(EngineFixture fx) {
        java.time.Instant day = fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.HOURS)
                .plus(Duration.ofDays(VISIT_DAYS.incrementAndGet()));
        return VisitBooking.builder().site(fx.site).window(day, day.plus(Duration.ofHours(2)))
                .purpose(VisitPurpose.REPAIR).technicians(SpecialistId.of("spc-viktor")).build();
    }

    /** The request's first visit's id, or a made-up one when it has none (the call must be refused first). */
    private static String visitOf(EngineFixture fx, Request r) {
        return fx.engine.scheduling().visits(fx.auditor, r.id()).stream().findFirst()
                .map(dev.supportkit.api.scheduling.Visit::id).orElse("no-visit");
    }

    /** A plan with one task for each second-line specialist of the fixture, keyed by their ids. */
    private static List<TaskDraft> twoTasks() {
        return List.of("spc-viktor", "spc-galina").stream().map(id -> TaskDraft.builder("by-" + id)
                .executor(SpecialistId.of(id)).description("Check the trunk").within(Duration.ofHours(2)).build())
                .toList();
    }

    /** The failure register's rows: a cause catalogue, defined once by the administrator before the first report. */
    private static final class Failures {
        static final String CATALOGUE = "causes:\n  - code: power.psu\n    title: PSU failure\n";
        static boolean defined;

        static dev.supportkit.api.resolution.FailureReport report(EngineFixture fx) {
            if (!defined) {
                fx.engine.resolution().defineFailureCauses(fx.admin, CATALOGUE);
                defined = true;
            }
            return dev.supportkit.api.resolution.FailureReport.builder().model("PSU-300").component(fx.psu)
                    .causeCode("power.psu").failedAt(fx.clock.instant().minus(Duration.ofHours(2)))
                    .restoredAt(fx.clock.instant().minus(Duration.ofHours(1))).build();
        }
    }

    /** Solution-base content the knowledge and consulting rows need. */
    private static final class Knowledge {
        static final ArticleDraft DRAFT = new ArticleDraft("Calls drop after 30 seconds",
                "Every outside call drops after half a minute", List.of("Restart the trunk card"), Set.of(), null,
                true, true);
        static final java.util.concurrent.atomic.AtomicInteger FAQ_IDS = new java.util.concurrent.atomic.AtomicInteger();
        static Article published;
        static FaqEntry faq;

        static Article draft(EngineFixture fx) {
            return fx.engine.knowledge().createArticle(fx.operator, DRAFT);
        }

        static Article inReview(EngineFixture fx) {
            Article draft = draft(fx);
            return fx.engine.knowledge().submitArticleForReview(fx.operator, draft.id(), draft.version());
        }

        static Article published(EngineFixture fx) {
            Article inReview = inReview(fx);
            return fx.engine.knowledge().publishArticle(fx.intakeLead, inReview.id(), inReview.version());
        }

        static FaqId newFaqId() {
            return FaqId.of("faq-" + FAQ_IDS.incrementAndGet());
        }
    }

    /** Mass incidents made at the start: one per role allowed to resolve one, and one nobody resolves. */
    private static final class Incidents {
        static MassIncident shared;
        static final Map<Role, MassIncident> byRole = new java.util.EnumMap<>(Role.class);
    }

    /** A mass incident of two requests with a problem category of its own. */
    private static MassIncident incident(String category) {
        fx.registered(fx.draft().category(category));
        Request second = fx.registered(fx.draft().category(category));
        return fx.engine.intake().massIncident(fx.intakeLead, second.intake().incident().orElseThrow());
    }

    private static Questionnaire questionnaire(String id) {
        return new Questionnaire(QuestionnaireId.of(id), 1, "PBX problems", Optional.of("NT-PBX 300"),
                Optional.empty(), "Telephony department", java.time.LocalDate.of(2026, 3, 1),
                List.of(Question.of("details", "What exactly happens?", QuestionType.TEXT, false)));
    }

    /** A message that could not be delivered (no e-mail channel is installed), for retryDelivery. */
    private static final class DeadLetter {
        static String id;
    }

    @BeforeAll
    static void start() {
        // Two requests with one problem category within an hour make a mass incident.
        // Every closed request is surveyed, so its survey can be answered.
        fx = new EngineFixture(Map.of("supportkit.intake.mass-incident.threshold", "2",
                "supportkit.intake.mass-incident.window", "PT1H",
                "supportkit.intake.mass-incident.scopes", "service",
                "supportkit.quality.surveys.enabled", "true",
                "supportkit.quality.surveys.once-per-days", "0",
                "supportkit.quality.surveys.token-key", "k".repeat(32)));
        fx.engine.intake().defineQuestionnaire(fx.admin, questionnaire("q-pbx"));
        fx.engine.directory().saveDepartment(fx.admin, new Department(WorksFixture.DEPARTMENT, "Installation", "installation",
                WorksFixture.EVERYONE));
        Incidents.shared = incident("outage-shared");
        Incidents.byRole.put(INTAKE_LEAD, incident("outage-intake-lead"));
        Incidents.byRole.put(GROUP_LEAD, incident("outage-group-lead"));
        fx.registered();
        fx.engine.runDueWork();
        DeadLetter.id = fx.engine.quality().deadLetters(fx.admin, 10).get(0).id();
        Knowledge.published = Knowledge.published(fx);
        Knowledge.faq = fx.engine.knowledge().saveFaqEntry(fx.operator, Knowledge.newFaqId(), 0,
                "Why do outside calls drop?", "Restart the trunk card.", Set.of());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Request prepare(Start start) {
        if (start == null) {
            return null;
        }
        Request r = fx.requestIn(start.status(), start.line());
        if (start.vendorCase()) {
            r = fx.engine.escalation().escalateToVendor(fx.groupLead, r.ref(),
                    new VendorCase(null, null, "PSU keeps failing"));
        }
        if (start.plan() == Prepared.DRAFTED || start.plan() == Prepared.APPROVED) {
            r = fx.engine.work().planWork(fx.engineer, r.ref(), twoTasks());
        }
        if (start.plan() == Prepared.WORKS_PROPOSED || start.plan() == Prepared.WORKS_AGREED
                || start.plan() == Prepared.WORKS_DONE) {
            r = fx.engine.scheduling().proposeWorks(fx.engineer, r.ref(), worksOnNextDay(fx));
        }
        if (start.plan() == Prepared.WORKS_AGREED || start.plan() == Prepared.WORKS_DONE) {
            r = fx.engine.scheduling().agreeWorks(fx.engineer, r.ref(), worksOf(fx, r), WorksFixture.DEPARTMENT);
        }
        if (start.plan() == Prepared.WORKS_DONE) {
            r = fx.engine.scheduling().completeWorks(fx.engineer, r.ref(), worksOf(fx, r),
                    new WorksOutcome("installed", List.of()));
        }
        if (start.plan() == Prepared.OFFER) {
            r = fx.engine.scheduling().offerVisit(fx.engineer, r.ref(), offerOnNextDay(fx));
        }
        if (start.plan() == Prepared.VISIT) {
            r = fx.engine.scheduling().bookVisit(fx.engineer, r.ref(), visitOnNextDay(fx));
        }
        if (start.plan() == Prepared.ATTACHMENT) {
            r = fx.engine.work().attach(fx.operator, r.ref(), 1, FileUpload.of("trunk.log", "text/plain",
                    new java.io.ByteArrayInputStream(new byte[] {42})));
        }
        if (start.plan() == Prepared.APPROVED) {
            r = fx.engine.work().approvePlan(fx.groupLead, r.ref());
        }
        assertEquals(start.status(), r.status(), "fixture reached the start state");
        assertEquals(start.line(), r.line(), "fixture reached the start line");
        return r;
    }

    /**
     * Everything a call could have changed, read by an auditor and an administrator: the request
     * (with its version) and its journal length, the number of requests in every status, and the
     * directory entries the save operations would create or replace.
     */
    private static List<Object> world(Request request, Role caller) {
        List<Object> state = new ArrayList<>();
        if (request != null) {
            Request current = fx.engine.quality().request(fx.auditor, request.id());
            state.add("version=" + current.version());
            state.add(current);
            state.add("journal=" + fx.engine.journal().entries(fx.auditor, request.id()).size());
            state.add("contacts=" + fx.engine.intake().contacts(fx.auditor, request.id()).size());
        }
        state.add(fx.engine.reports().statusSummary(fx.auditor).counts());
        var dir = fx.engine.directory();
        state.add(dir.organization(fx.admin, fx.org));
        state.add(dir.organization(fx.admin, fx.otherOrg));
        state.add(organizationOrAbsent(newOrganization(caller)));
        state.add(dir.representatives(fx.admin, fx.org));
        state.add(dir.sites(fx.admin, fx.org));
        state.add(dir.systems(fx.admin, fx.org));
        state.add(dir.specialists(fx.admin));
        state.add(dir.groups(fx.admin));
        state.add(fx.engine.intake().questionnaires(fx.auditor));
        state.add(fx.engine.intake().massIncidents(fx.auditor, false));
        return state;
    }

    private static Object organizationOrAbsent(OrganizationId id) {
        try {
            return fx.engine.directory().organization(fx.admin, id);
        } catch (NotFoundException e) {
            return "absent " + id;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The table itself

    @Test
    @DisplayName("the table names every method of every public service exactly once")
    void tableCoversEveryOperation() {
        Set<String> expected = new TreeSet<>();
        SERVICES.forEach((prefix, type) -> {
            for (Method m : type.getMethods()) {
                if (!m.isDefault() && !Modifier.isStatic(m.getModifiers())) {
                    expected.add(prefix + "." + m.getName());
                }
            }
        });
        List<String> names = TABLE.stream().map(Op::name).toList();
        assertEquals(names.size(), Set.copyOf(names).size(), "no operation is listed twice: " + names);
        assertEquals(expected, new TreeSet<>(names));
    }

    static Stream<Op> operations() {
        return TABLE.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    @DisplayName("the roles allowed by the hand-written table are the roles the engine's Permission grants")
    void tableMatchesPermission(Op op) {
        assertEquals(op.allowed(), op.permission().roles(),
                op.name() + " is expected to be callable by exactly " + op.allowed() + " (Permission."
                        + op.permission() + ")");
    }

    @Test
    @DisplayName("every operation has at least one role allowed to call it")
    void everyOperationHasAnAllowedRole() {
        for (Op op : TABLE) {
            assertFalse(op.allowed().isEmpty(), op.name());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Denied roles

    static Stream<Arguments> deniedCalls() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : TABLE) {
            for (Role role : op.denied()) {
                all.add(Arguments.of(op, role));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("deniedCalls")
    @DisplayName("a role the specification does not allow gets AccessDeniedException and changes nothing")
    void deniedRoleChangesNothing(Op op, Role role) {
        Actor actor = fx.actor(role);
        Request request = prepare(op.setup().apply(firstAllowed(op)));
        List<Object> before = world(request, role);

        AccessDeniedException error = assertThrows(AccessDeniedException.class,
                () -> op.call().invoke(fx, actor, request));

        assertNotNull(error.getMessage());
        assertTrue(error.getMessage().contains(role.name()), "the message names the refused role: " + error.getMessage());
        assertEquals(before, world(request, role), "a denied call must change nothing");
    }

    static Stream<Arguments> deniedRequestCalls() {
        return deniedCalls().filter(args -> ((Op) args.get()[0]).setup().apply(ADMINISTRATOR) != null);
    }

    @ParameterizedTest(name = "{0} by {1} on a closed request")
    @MethodSource("deniedRequestCalls")
    @DisplayName("the role is checked before the state: a denied role is refused even where the action is illegal")
    void roleIsCheckedBeforeState(Op op, Role role) {
        Actor actor = fx.actor(role);
        Request closed = prepare(new Start(RequestStatus.CLOSED, SupportLine.SECOND_LINE));
        List<Object> before = world(closed, role);

        assertThrows(AccessDeniedException.class, () -> op.call().invoke(fx, actor, closed));

        assertEquals(before, world(closed, role));
    }

    private static Role firstAllowed(Op op) {
        return op.allowed().iterator().next();
    }

    // ---------------------------------------------------------------------------------------------
    // Allowed roles (positive control)

    static Stream<Arguments> allowedCalls() {
        List<Arguments> all = new ArrayList<>();
        for (Op op : TABLE) {
            for (Role role : op.allowed()) {
                all.add(Arguments.of(op, role));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("allowedCalls")
    @DisplayName("every role the specification allows can make the call")
    void allowedRoleSucceeds(Op op, Role role) {
        Actor actor = fx.actor(role);
        Request request = prepare(op.setup().apply(role));
        Object result;
        try {
            result = op.call().invoke(fx, actor, request);
        } catch (AccessDeniedException e) {
            fail(op.name() + " must be allowed for " + role + " but was denied: " + e.getMessage());
            return;
        }
        assertNotNull(result);
        if (result instanceof Request returned) {
            if (request == null) {
                assertEquals(1, returned.version(), "a new request was registered");
            } else if (op.name().equals("quality.request")) {
                assertEquals(request, returned, "a read returns the request unchanged");
            } else {
                assertEquals(request.version() + 1, returned.version(), "the allowed command was applied");
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The line rule

    private static final List<String> LINE_BOUND = List.of("consulting.recordConsultation",
            "consulting.offerKnowledge", "escalation.redirect", "work.triage",
            "resolution.requestClarification", "resolution.resolve");

    @Test
    @DisplayName("exactly the line-bound operations are marked line-bound in the table")
    void lineBoundOperations() {
        assertEquals(LINE_BOUND, TABLE.stream().filter(Op::lineBound).map(Op::name).toList());
    }

    private static Op op(String name) {
        return TABLE.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    static Stream<Arguments> lineCalls(boolean works) {
        List<Arguments> all = new ArrayList<>();
        for (String name : LINE_BOUND) {
            for (SupportLine line : List.of(SupportLine.FIRST_LINE, SupportLine.INTAKE_LEAD, SupportLine.SECOND_LINE)) {
                for (Role role : STAFF) {
                    if (LINE_WORKERS.get(line).contains(role) == works) {
                        all.add(Arguments.of(op(name), line, role));
                    }
                }
            }
        }
        return all.stream();
    }

    static Stream<Arguments> offLineCalls() {
        return lineCalls(false);
    }

    static Stream<Arguments> onLineCalls() {
        return lineCalls(true);
    }

    @ParameterizedTest(name = "{0} at {1} by {2}")
    @MethodSource("offLineCalls")
    @DisplayName("staff who do not work the request's line get AccessDeniedException and change nothing")
    void staffOffTheLineAreDenied(Op op, SupportLine line, Role role) {
        Actor actor = fx.actor(role);
        Request request = prepare(new Start(working(line), line));
        List<Object> before = world(request, role);

        AccessDeniedException error = assertThrows(AccessDeniedException.class,
                () -> op.call().invoke(fx, actor, request));

        assertTrue(error.getMessage().contains(line.name()), "the message names the line: " + error.getMessage());
        assertEquals(before, world(request, role), "a call refused for the line must change nothing");
    }

    @ParameterizedTest(name = "{0} at {1} by {2}")
    @MethodSource("onLineCalls")
    @DisplayName("staff who work the request's line can make the call")
    void staffOnTheLineSucceed(Op op, SupportLine line, Role role) {
        Actor actor = fx.actor(role);
        Request request = prepare(new Start(working(line), line));

        Request after = (Request) op.call().invoke(fx, actor, request);

        assertEquals(request.version() + 1, after.version());
        assertEquals(request.journalSequence() + 1, after.journalSequence());
    }

    @Test
    @DisplayName("an operator cannot resolve a request held by second line")
    void operatorCannotResolveAtSecondLine() {
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        int journal = fx.engine.journal().entries(fx.auditor, atSecond.id()).size();

        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().resolve(fx.operator, atSecond.ref(),
                ResolutionReport.of("Restarted", "Hung")));

        assertEquals(atSecond, fx.engine.quality().request(fx.auditor, atSecond.id()));
        assertEquals(journal, fx.engine.journal().entries(fx.auditor, atSecond.id()).size());
    }

    // ---------------------------------------------------------------------------------------------
    // Self-service for one's own organisation only

    @Test
    @DisplayName("a customer representative cannot register a contact for another organisation")
    void customerCannotRegisterForAnotherOrganization() {
        List<Object> before = world(null, CUSTOMER_REPRESENTATIVE);
        long count = fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(1000).build()).size();

        assertThrows(AccessDeniedException.class, () -> fx.engine.intake().registerContact(fx.otherCustomer,
                fx.draft().build()));
        assertThrows(AccessDeniedException.class, () -> fx.engine.intake().registerContact(fx.customer,
                fx.draft().organization(fx.otherOrg).representative(fx.otherOrgRep).system(null).build()));

        assertEquals(before, world(null, CUSTOMER_REPRESENTATIVE));
        assertEquals(count, fx.engine.quality().requests(fx.auditor,
                RequestQuery.builder().limit(1000).build()).size());
    }

    @Test
    @DisplayName("a customer representative can register a contact for their own organisation")
    void customerRegistersForOwnOrganization() {
        Request r = fx.engine.intake().registerContact(fx.customer, fx.draft().newRequest(true)
                .channel(Channel.WEB_FORM).build());
        assertEquals(fx.org, r.organization());
        assertEquals(RequestStatus.REGISTERED, r.status());
        Set<String> takenBy = fx.engine.intake().contacts(fx.auditor, r.id()).stream()
                .map(c -> c.takenBy()).collect(Collectors.toSet());
        assertEquals(Set.of(fx.customer.id()), takenBy);
    }
}
