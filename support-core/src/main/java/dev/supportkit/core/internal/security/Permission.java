package dev.supportkit.core.internal.security;

import static dev.supportkit.api.Role.ADMINISTRATOR;
import static dev.supportkit.api.Role.AUDITOR;
import static dev.supportkit.api.Role.CUSTOMER_REPRESENTATIVE;
import static dev.supportkit.api.Role.FIRST_LINE_OPERATOR;
import static dev.supportkit.api.Role.GROUP_LEAD;
import static dev.supportkit.api.Role.INTAKE_LEAD;
import static dev.supportkit.api.Role.SECOND_LINE_ENGINEER;

import dev.supportkit.api.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every operation of the public API and the roles that may call it ({@link Role#SYSTEM} holds none).
 * This table is the whole role policy; {@link AccessPolicy} adds the per-request rules (tenant, organisation, line).
 */
public enum Permission {
    /** intake.registerContact */
    REGISTER_CONTACT("register a contact", FIRST_LINE_OPERATOR, INTAKE_LEAD, CUSTOMER_REPRESENTATIVE),
    /** intake.importRequests */
    IMPORT_REQUESTS("import requests", ADMINISTRATOR),
    /** intake.takeIntoWork */
    TAKE_INTO_WORK("take a request into work", FIRST_LINE_OPERATOR, INTAKE_LEAD),
    /** intake.provideClarification */
    PROVIDE_CLARIFICATION("provide a clarification", CUSTOMER_REPRESENTATIVE, FIRST_LINE_OPERATOR, INTAKE_LEAD),
    /** consulting.recordConsultation */
    CONSULT("record a consultation", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** intake.defineQuestionnaire */
    DEFINE_QUESTIONNAIRE("define a questionnaire", ADMINISTRATOR),
    /** intake.questionnaire, questionnaires, questionnaireFor */
    READ_QUESTIONNAIRES("read questionnaires", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** intake.massIncidents, massIncident */
    READ_INCIDENTS("read mass incidents", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            AUDITOR),
    /** intake.resolveMassIncident */
    RESOLVE_INCIDENT("resolve a mass incident", INTAKE_LEAD, GROUP_LEAD),
    /** knowledge.createArticle, reviseArticle, submitArticleForReview, draftArticleFromRequest, saveFaqEntry, retireFaqEntry */
    WRITE_KNOWLEDGE("write the solution base", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** knowledge.publishArticle, returnArticleToDraft, archiveArticle */
    REVIEW_KNOWLEDGE("review the solution base", INTAKE_LEAD, GROUP_LEAD),
    /** knowledge.article, faq, search, suggestionsFor (customers: customer-visible knowledge only) */
    READ_KNOWLEDGE("read the solution base", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** knowledge.articleHistory, articles (drafts and archived versions included) */
    READ_KNOWLEDGE_DRAFTS("read solution-base drafts", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD, AUDITOR),
    /** knowledge.reindex */
    REINDEX_KNOWLEDGE("rebuild the search index", ADMINISTRATOR),
    /** consulting.sendTypicalInstruction */
    SEND_TYPICAL_INSTRUCTION("send a typical instruction", FIRST_LINE_OPERATOR, INTAKE_LEAD),
    /** consulting.sendRemoteInstruction, explainHandlingPlan */
    INSTRUCT_NON_TYPICAL("instruct on a non-typical problem", INTAKE_LEAD),
    /** escalation.redirect */
    REDIRECT("redirect a request", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** escalation.escalateToVendor */
    ESCALATE_TO_VENDOR("escalate a request to the vendor", GROUP_LEAD),
    /** escalation.recordVendorCorrespondence, escalation.recordVendorAnswer */
    VENDOR_CORRESPONDENCE("record vendor correspondence", GROUP_LEAD, SECOND_LINE_ENGINEER),
    /** escalation.escalateToGroupLead */
    ESCALATE_TO_GROUP_LEAD("escalate a request to the group lead", SECOND_LINE_ENGINEER),
    /** scheduling.proposeWorks, rescheduleWorks, cancelWorks, completeWorks */
    PLAN_WORKS("propose, move, cancel and complete works", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** scheduling.agreeWorks, proposeOtherDates (a person of the department) */
    AGREE_WORKS("agree to works for a department", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD),
    /** resolution.recordCheck */
    RECORD_CHECK("record a check of the equipment", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** scheduling.recordTraining */
    RECORD_TRAINING("record a training of the customer's staff", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** scheduling.confirmVisit */
    CONFIRM_VISIT("confirm an offered visit window", CUSTOMER_REPRESENTATIVE),
    /** scheduling.signOffWorks */
    SIGN_OFF_WORKS("sign off works", CUSTOMER_REPRESENTATIVE),
    /** scheduling.scheduleVisit, bookVisit, rescheduleVisit, cancelVisit */
    SCHEDULE_VISIT("schedule a visit", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** scheduling.setExecutorDeadline */
    SET_EXECUTOR_DEADLINE("set an executor's deadline", GROUP_LEAD),
    /** work.assign (who at which line: {@code DefaultWorkService}) */
    ASSIGN("assign a request", FIRST_LINE_OPERATOR, INTAKE_LEAD, GROUP_LEAD),
    /** work.addNote */
    NOTE("add an internal note", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** work.triage (staff of the line that holds the request) */
    TRIAGE("triage a request", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** work.advise (in the lead's own group) */
    ADVISE("advise a specialist", GROUP_LEAD),
    /** work.recordTime */
    RECORD_TIME("record time spent", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** work.planWork (the request's group) */
    PLAN_WORK("draft or change a work plan", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** work.approvePlan (the lead of the request's group) */
    APPROVE_PLAN("approve a work plan", GROUP_LEAD),
    /** work.completeTask (the task's executor) */
    COMPLETE_TASK("mark a planned task done", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** work.attach (a customer: to their own contacts) */
    ATTACH_FILE("attach a file", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE),
    /** work.timeSpent */
    READ_TIME("read recorded time", INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
    /** work.reply */
    REPLY("reply to the customer", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** resolution.requestClarification */
    REQUEST_CLARIFICATION("request a clarification", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD),
    /** resolution.resolve */
    RESOLVE("resolve a request", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** resolution.signOff */
    SIGN_OFF("sign off a request", CUSTOMER_REPRESENTATIVE),
    /** resolution.reopen */
    REOPEN("reopen a request", CUSTOMER_REPRESENTATIVE),
    /** resolution.defineFailureCauses, registerInstalledUnit */
    MANAGE_FAILURE_REGISTER("maintain the failure causes and the installed base", ADMINISTRATOR),
    /** resolution.failureCauses, installedUnits */
    READ_FAILURE_CATALOGUE("read the failure causes and the installed base", FIRST_LINE_OPERATOR, INTAKE_LEAD,
            SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
    /** resolution.recordFailure (at second line, of the request's group) */
    RECORD_FAILURE("record an equipment failure", SECOND_LINE_ENGINEER, GROUP_LEAD),
    /** resolution.failureStatistics */
    READ_FAILURES("read failure statistics", INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
    /** quality.close */
    CLOSE("close a request", INTAKE_LEAD, GROUP_LEAD),
    /** quality.request, quality.requests, intake.contacts */
    READ_REQUESTS("read requests", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** journal.entries */
    READ_JOURNAL("read a journal", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** journal.verify, journal.verifyAgainst */
    VERIFY_JOURNAL("verify a journal", INTAKE_LEAD, GROUP_LEAD, AUDITOR, ADMINISTRATOR),
    /** journal.search (audit reads across requests) */
    AUDIT_JOURNAL("read the journal across requests", INTAKE_LEAD, GROUP_LEAD, AUDITOR),
    /** journal.checkpoint */
    CHECKPOINT_JOURNAL("take a journal checkpoint", AUDITOR, ADMINISTRATOR),
    /** reports.* */
    READ_REPORTS("read reports", INTAKE_LEAD, GROUP_LEAD, AUDITOR),
    /** quality.answerSurvey (the request's own representative) */
    ANSWER_SURVEY("answer a satisfaction survey", CUSTOMER_REPRESENTATIVE),
    /** reports.metrics, reports.evaluate (a specialist only their own figures, a group lead their group's) */
    READ_METRICS("read request metrics and evaluations", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD, AUDITOR),
    /** directory.save* */
    MANAGE_DIRECTORY("change the directory", ADMINISTRATOR),
    /** directory.savePreferences (a customer representative only for themselves) */
    SAVE_PREFERENCES("save delivery preferences", ADMINISTRATOR, CUSTOMER_REPRESENTATIVE),
    /** directory.preferences (a customer representative only their own) */
    READ_PREFERENCES("read delivery preferences", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** quality.deliveries */
    READ_DELIVERIES("read deliveries", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD, AUDITOR,
            ADMINISTRATOR),
    /** quality.deadLetters */
    READ_DEAD_LETTERS("read dead letters", INTAKE_LEAD, AUDITOR, ADMINISTRATOR),
    /** quality.retryDelivery */
    RETRY_DELIVERY("retry a delivery", ADMINISTRATOR),
    /** directory reads of customer data */
    READ_CUSTOMER_DIRECTORY("read customer data", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER,
            GROUP_LEAD, CUSTOMER_REPRESENTATIVE, AUDITOR, ADMINISTRATOR),
    /** directory reads of staff data */
    READ_STAFF_DIRECTORY("read staff data", FIRST_LINE_OPERATOR, INTAKE_LEAD, SECOND_LINE_ENGINEER, GROUP_LEAD,
            AUDITOR, ADMINISTRATOR);

    private final String description;
    private final Set<Role> roles;

    Permission(String description, Role... roles) {
        this.description = description;
        this.roles = Set.copyOf(EnumSet.of(roles[0], roles));
    }

    /**
     * Returns the roles that hold this permission.
     *
     * @return the roles that hold this permission
     */
    public Set<Role> roles() {
        return roles;
    }

    /**
     * Returns what the permission allows, for error messages.
     *
     * @return what the permission allows, for error messages
     */
    public String description() {
        return description;
    }
}
