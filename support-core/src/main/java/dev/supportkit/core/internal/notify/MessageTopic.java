package dev.supportkit.core.internal.notify;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The messages the engine sends, each with the template variables it provides. Every template may
 * use the common variables and its topic's own; using any other is a configuration error found when
 * the engine starts. This enum is the one place topics are named: commands pass a constant to
 * {@code Change.notifyCustomer} or {@code Change.notify}, and the outbox stores its {@link #topic()}.
 *
 * <p>Every topic has a sender.
 */
public enum MessageTopic {
    /** The customer's contact was registered. */
    REQUEST_REGISTERED("request.registered"),
    /** The request waits for the customer's answer. */
    WAITING_FOR_CUSTOMER("request.waiting-for-customer", "question"),
    /** To an executor: their deadline on a request was moved (set again before it passed). */
    DEADLINE_CHANGED("deadline.changed", "deadline"),
    /** Works or a visit were scheduled. */
    WORKS_SCHEDULED("works.scheduled", "visitStart", "visitEnd", "note"),
    /** Works or a visit were moved: planned again for the same site and purpose before they ended. */
    WORKS_RESCHEDULED("works.rescheduled", "visitStart", "visitEnd", "note"),
    /** The problem is removed: please sign off. */
    REQUEST_RESOLVED("request.resolved", "summary", "cause"),
    /** The request was closed. */
    REQUEST_CLOSED("request.closed", "note"),
    /** A satisfaction survey after closing (sent by the survey hook to a sample of closed requests). */
    SURVEY("survey", "surveyLink", "expires"),
    /** To a department's people: the scheduled summary of a period's requests (B/03.6, D/02.7). */
    DIGEST("digest", "digestName", "period", "received", "categories", "lines", "paths", "overdue",
            "overdueRequests", "recommendations"),
    /** To the checkpoint recipients: a scheduled checkpoint of the tenant's journals, as a JSON file. */
    JOURNAL_CHECKPOINT("journal.checkpoint", "checkpointTenant", "takenAt", "requests", "sha256"),
    /** To the group lead: a customer answered a survey with a low score; follow it up (D/02.7). */
    SURVEY_LOW_SCORE("survey.low-score", "score", "comment"),
    /** To a specialist: their deadline on a request passed. */
    DEADLINE_MISSED("deadline.missed", "task", "due", "executor"),
    /** To a lead: a service-level deadline is close. */
    SLA_WARNING("sla.warning", "deadline", "due"),
    /** To a lead: a service-level deadline passed. */
    SLA_BREACHED("sla.breached", "deadline", "due"),
    /** A typical instruction rendered from a solution-base article's steps (A/02.3). */
    INSTRUCTION_TYPICAL("instruction.typical", "articleTitle", "steps"),
    /** The intake lead's remote instruction on a non-typical problem (B/01.6). */
    INSTRUCTION_REMOTE("instruction.remote", "instruction"),
    /** The sequence and expected dates of handling, explained by the intake lead (B/01.6). */
    HANDLING_PLAN("handling.plan", "plan"),
    /** To the intake leads: intake's emergency rules flagged the request an emergency (A/01.3). */
    REQUEST_EMERGENCY("request.emergency", "priority", "reasons"),
    /** To the intake leads: a mass incident was detected (A/01.3). */
    INCIDENT_DETECTED("incident.detected", "incidentId", "incidentTitle", "scope", "scopeValue", "requestCount"),
    /** To a specialist: a request was assigned to them. */
    REQUEST_ASSIGNED("request.assigned", "assignedBy", "reason"),
    /** To a specialist: a colleague's internal note mentions them. */
    NOTE_MENTION("note.mention", "author", "note"),
    /** To the customer: support's reply. */
    REQUEST_REPLY("request.reply", "reply"),
    /** To the customer: the expected resolution date moved (the priority changed). */
    REQUEST_DUE_CHANGED("request.due-changed", "due", "priority"),
    /** To a specialist: their group lead's advice or help on a request (D/01.7). */
    LEAD_ADVICE("lead.advice", "author", "advice"),
    /** To an executor: the group lead approved their task of a work plan (D/01.7). */
    PLAN_TASK_ASSIGNED("plan.task-assigned", "task", "description", "due", "approvedBy"),
    /** To a technician: they were booked for a visit, or their visit was moved. */
    VISIT_ASSIGNED("visit.assigned", "visitStart", "visitEnd", "site"),
    /** To the customer and the technicians: a booked visit was cancelled. */
    WORKS_CANCELLED("works.cancelled", "visitStart", "note"),
    /** To the customer: windows for a visit to confirm one of. */
    VISIT_OFFERED("visit.offered", "slots", "expires"),
    /** To a department: works were proposed (or other dates were) and wait for its agreement (C/01.6). */
    WORKS_PROPOSED("works.proposed", "worksKind", "visitStart", "visitEnd", "site", "note");

    /** Variables every template gets. */
    public static final List<String> COMMON = List.of("requestId", "subject", "status", "organization",
            "representative", "recipientName");

    private final String topic;
    private final List<String> own;

    MessageTopic(String topic, String... own) {
        this.topic = topic;
        this.own = List.of(own);
    }

    /** @return the outbox topic, e.g. {@code request.resolved} */
    public String topic() {
        return topic;
    }

    /** @return every variable a template of this topic may use */
    public List<String> variables() {
        return Stream.concat(COMMON.stream(), own.stream()).toList();
    }

    /**
     * @param topic an outbox topic
     * @return the message topic, if the engine knows it
     */
    public static Optional<MessageTopic> of(String topic) {
        return Arrays.stream(values()).filter(t -> t.topic.equals(topic)).findFirst();
    }
}
