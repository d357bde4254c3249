package dev.supportkit.api.journal;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SiteId;
import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.escalation.VendorMessage;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.scheduling.VisitPurpose;
import java.time.Instant;

/**
 * What happened to a request: the typed payload of a journal entry. New event types are added as
 * the services grow; consumers should ignore types they do not know.
 */
public sealed interface RequestEvent {

    /**
     * The request was registered from its first contact.
     *
     * @param contact  the contact
     * @param channel  how it arrived
     * @param priority the initial priority
     * @param subject  the one-line summary
     */
    record Registered(ContactId contact, Channel channel, Priority priority, String subject) implements RequestEvent {
    }

    /**
     * The request was taken over from another help desk.
     *
     * @param source     the old system
     * @param externalId its id there
     * @param status     the status it had there
     */
    record Imported(String source, String externalId, RequestStatus status) implements RequestEvent {
    }

    /**
     * A further contact was attached to the request.
     *
     * @param contact the contact
     * @param channel how it arrived
     * @param text    what the customer said
     */
    record ContactAttached(ContactId contact, Channel channel, String text) implements RequestEvent {
    }

    /**
     * A first-line operator took the request into work.
     *
     * @param assignee the operator
     */
    record TakenIntoWork(SpecialistId assignee) implements RequestEvent {
    }

    /**
     * The customer was consulted or instructed.
     *
     * @param instruction what the customer was told
     * @param typical     true for a typical problem (A/02.3), false for a non-typical one (B/01.6)
     * @param solved      whether the customer confirmed it solved the problem
     */
    record ConsultationGiven(String instruction, boolean typical, boolean solved) implements RequestEvent {
    }

    /**
     * The request was redirected to another line or group.
     *
     * @param from     the line it left
     * @param to       the line it went to
     * @param group    the group it went to, or null
     * @param assignee the specialist it went to, or null
     * @param reason   why
     */
    record Redirected(SupportLine from, SupportLine to, GroupId group, SpecialistId assignee, String reason)
            implements RequestEvent {
    }

    /**
     * The customer was asked to clarify; the request waits for the answer.
     *
     * @param question what the customer was asked
     */
    record ClarificationRequested(String question) implements RequestEvent {
    }

    /**
     * The customer answered; the request is back with its line.
     *
     * @param contact the contact that carried the answer
     * @param channel how it arrived
     * @param answer  the customer's answer
     */
    record ClarificationProvided(ContactId contact, Channel channel, String answer) implements RequestEvent {
    }

    /**
     * A visit to the customer's site was scheduled.
     *
     * @param site    where
     * @param start   planned start
     * @param end     planned end
     * @param purpose why
     * @param note    details for the customer
     */
    record VisitScheduled(SiteId site, Instant start, Instant end, VisitPurpose purpose, String note)
            implements RequestEvent {
    }

    /**
     * A group lead appointed an executor with a deadline.
     *
     * @param executor the responsible specialist
     * @param due      the deadline
     * @param task     what they must do
     */
    record ExecutorDeadlineSet(SpecialistId executor, Instant due, String task) implements RequestEvent {
    }

    /**
     * An executor's deadline passed before the request was resolved.
     *
     * @param executor the responsible specialist
     * @param due      the deadline that passed
     * @param task     what they had to do
     */
    record ExecutorDeadlineMissed(SpecialistId executor, Instant due, String task) implements RequestEvent {
    }

    /**
     * A message about the request was delivered, or a delivery attempt failed (B/02.6).
     *
     * @param messageId the outbox message
     * @param topic     what it was about
     * @param recipient who it was for
     * @param channel   the channel tried, or null when none could be tried
     * @param address   the address tried, or null
     * @param outcome   {@code DELIVERED}, {@code TEMPORARY_FAILURE}, {@code PERMANENT_FAILURE} or
     *                  {@code DEAD} (given up)
     * @param detail    what the channel said
     */
    record DeliveryAttempted(String messageId, String topic, String recipient, Channel channel, String address,
                             String outcome, String detail) implements RequestEvent {
    }

    /**
     * A service-level deadline is close.
     *
     * @param deadline which deadline
     * @param dueAt    when it is due
     * @param fraction how much of its working time is used
     */
    record SlaWarning(dev.supportkit.api.request.DeadlineKind deadline, Instant dueAt, double fraction)
            implements RequestEvent {
    }

    /**
     * A service-level deadline passed before it was met.
     *
     * @param deadline which deadline
     * @param dueAt    when it was due
     * @param actions  what the policy did about it (priority raised, escalated)
     */
    record SlaBreached(dev.supportkit.api.request.DeadlineKind deadline, Instant dueAt, java.util.List<String> actions)
            implements RequestEvent {
    }

    /**
     * The problem was removed and the results documented.
     *
     * @param summary          what was done
     * @param cause            the cause found
     * @param equipmentFailure whether it was an equipment failure
     * @param failedComponent  the failed component, or null
     */
    record Resolved(String summary, String cause, boolean equipmentFailure, ComponentId failedComponent)
            implements RequestEvent {
    }

    /**
     * The customer's representative signed off the results together with the engineer.
     *
     * @param comment the representative's comment
     */
    record SignedOff(String comment) implements RequestEvent {
    }

    /**
     * The customer's representative objected to the results; the request went back to its line.
     *
     * @param objection what the representative objected to
     */
    record Reopened(String objection) implements RequestEvent {
    }

    /**
     * The customer's representative answered the satisfaction survey (D/02.7).
     *
     * @param score    the score, 1 to 5
     * @param comment  their comment, or null
     * @param followUp whether the score was low enough to ask the group lead to follow it up
     */
    record SurveyAnswered(int score, String comment, boolean followUp) implements RequestEvent {
    }

    /**
     * A scheduled digest was sent to a department (B/03.6 or D/02.7). A digest belongs to no request: its entries
     * form the tenant's digest log, a journal of its own ({@code RequestId} {@value #DIGEST_LOG}), chained and
     * sealed like a request's and read through the audit search ({@code journal().search}).
     *
     * @param digest     the digest's name (from its settings)
     * @param department the department it was sent to
     * @param from       the period's start
     * @param until      the period's end, exclusive
     * @param received   requests received in the period
     * @param overdue    requests overdue at its end
     * @param recipients the department's people it was sent to
     */
    record DigestSent(String digest, String department, java.time.Instant from, java.time.Instant until,
                      long received, long overdue, java.util.List<String> recipients) implements RequestEvent {
        /**
         * Copies the recipients.
         *
         * @param digest     the name
         * @param department the department
         * @param from       the start
         * @param until      the end
         * @param received   requests received
         * @param overdue    requests overdue
         * @param recipients the people
         */
        public DigestSent {
            recipients = recipients == null ? java.util.List.of() : java.util.List.copyOf(recipients);
        }
    }

    /** The journal id of a tenant's digest log (no request has it: request ids are UUIDs). */
    String DIGEST_LOG = "digest-log";

    /**
     * A scheduled checkpoint of the tenant's journals was taken ({@code supportkit.journal.checkpoints.*}). Its
     * entries form the tenant's checkpoint log, a journal of its own ({@code RequestId} {@value #CHECKPOINT_LOG});
     * with {@code supportkit.journal.checkpoints.event = true} each is published to the listeners and event
     * sinks, so a copy of the checkpoint leaves the database: keep it where the database's administrator cannot
     * write, and pass its {@code checkpoint} text to {@link JournalService#verifyAgainst(dev.supportkit.api.Actor,
     * String)} later.
     *
     * @param takenAt    when it was taken (engine clock)
     * @param requests   how many requests' chain heads it holds
     * @param sha256     the SHA-256 of the checkpoint's JSON text, as the file sent to the recipients is named
     * @param checkpoint the checkpoint's JSON text
     */
    record JournalCheckpointed(java.time.Instant takenAt, long requests, String sha256, String checkpoint)
            implements RequestEvent {
    }

    /** The journal id of a tenant's checkpoint log (no request has it: request ids are UUIDs). */
    String CHECKPOINT_LOG = "journal-checkpoints";

    /**
     * The request was closed.
     *
     * @param note closing note
     */
    record Closed(String note) implements RequestEvent {
    }

    /**
     * The group's routing rules chose the second-line group (and the least-loaded specialist in it) for a
     * redirect that named no group.
     *
     * @param rule     the rule that matched, e.g. {@code supportkit.routing.rules.2}, or
     *                 {@code supportkit.routing.default-group}
     * @param group    the group chosen
     * @param assignee the specialist chosen, or null when the group has no second-line specialist
     * @param workload the chosen specialist's open requests before this one (0 without a specialist)
     */
    record Routed(String rule, GroupId group, SpecialistId assignee, int workload) implements RequestEvent {
    }

    /**
     * A group lead handed the request to the supported system's vendor (D/01.7); it stays at second line.
     *
     * @param vendor     the vendor
     * @param caseNumber the vendor's case number, or null while unknown
     * @param summary    what the vendor was asked
     */
    record VendorEscalated(String vendor, String caseNumber, String summary) implements RequestEvent {
    }

    /**
     * A message was exchanged with the vendor about the request (D/01.7).
     *
     * @param direction    from the vendor ({@code IN}) or to the vendor ({@code OUT})
     * @param text         what was said
     * @param caseNumber   the case number the message set or replaced, or null
     * @param promisedDate the date the vendor promised, or null
     */
    record VendorCorrespondence(VendorMessage.Direction direction, String text, String caseNumber,
                                Instant promisedDate) implements RequestEvent {
    }

    /**
     * The vendor's answer was brought back into the request; the vendor case is closed (D/01.7).
     *
     * @param vendor     the vendor
     * @param caseNumber the vendor's case number, or null
     * @param answer     the vendor's answer
     */
    record VendorAnswered(String vendor, String caseNumber, String answer) implements RequestEvent {
    }

    /**
     * A second-line engineer escalated the request up the hierarchy to the lead of its group (C/03.6); it
     * stays at second line, assigned to the lead.
     *
     * @param lead   the group lead it was handed to
     * @param reason why
     */
    record EscalatedToLead(SpecialistId lead, String reason) implements RequestEvent {
    }

    /**
     * Intake's emergency rules matched the contact (A/01.3): the priority was raised and the request
     * flagged an emergency.
     *
     * @param from    the priority before
     * @param to      the priority after
     * @param reasons the matched rules in words
     */
    record EmergencyFlagged(Priority from, Priority to, java.util.List<String> reasons) implements RequestEvent {
    }

    /**
     * Intake recognised (or failed to recognise) the caller of a contact given without a representative, by the
     * phone number or e-mail address it came from (A/01.3).
     *
     * @param caller  the number or address, as given
     * @param outcome {@code DIRECTORY} (a representative of the directory has it), {@code CRM} (a CRM knew the
     *                contact and company, imported into the directory), {@code UNKNOWN} (nobody has it) or
     *                {@code UNAVAILABLE} (a CRM failed or did not answer in time); the last two register the contact
     *                under the unknown-caller representative
     * @param source  the CRM adapter that found the caller or failed, or null
     * @param detail  what was found or went wrong, for the operator
     */
    record CallerLookedUp(String caller, String outcome, String source, String detail) implements RequestEvent {
    }

    /**
     * The request was linked to a mass incident (A/01.3).
     *
     * @param incident   the incident
     * @param scope      what the incident's requests share: {@code SYSTEM_MODEL}, {@code SITE} or {@code SERVICE}
     * @param scopeValue the shared model, site or category
     */
    record LinkedToIncident(dev.supportkit.api.request.IncidentId incident, String scope, String scopeValue)
            implements RequestEvent {
    }

    /**
     * The request was resolved together with its mass incident.
     *
     * @param incident   the incident
     * @param resolution what was done
     */
    record ResolvedWithIncident(dev.supportkit.api.request.IncidentId incident, String resolution)
            implements RequestEvent {
    }

    /**
     * An article or FAQ entry was offered to the customer (A/02.3, B/01.6).
     *
     * @param kind         {@code ARTICLE} or {@code FAQ}
     * @param id           the article or entry
     * @param version      its version
     * @param title        its problem or question
     * @param solved       whether it solved the problem
     * @param firstContact whether it was offered at the first contact
     */
    record KnowledgeOffered(String kind, String id, int version, String title, boolean solved, boolean firstContact)
            implements RequestEvent {
    }

    /**
     * An instruction was sent to the customer on their channels: a typical one rendered from an article
     * (A/02.3) or the intake lead's remote instruction (B/01.6).
     *
     * @param article     the article it was rendered from, or null for a remote instruction
     * @param version     the article's version, or 0
     * @param instruction the text as sent
     */
    record InstructionSent(String article, int version, String instruction) implements RequestEvent {
    }

    /**
     * The intake lead explained the sequence and expected dates of handling to the customer (B/01.6).
     *
     * @param steps each step with its expected date, in words
     */
    record HandlingPlanExplained(java.util.List<String> steps) implements RequestEvent {
    }

    /**
     * The request's solution was put into the solution base as a draft article (A/01.3).
     *
     * @param article the draft article
     */
    record SolutionDrafted(String article) implements RequestEvent {
    }

    /**
     * The request was assigned, reassigned or unassigned within its line, or moved to another group at
     * second line (A/01.3, B/02.6, D/01.7).
     *
     * @param from      who had it, or null
     * @param to        who has it now, or null
     * @param fromGroup its group before, or null
     * @param toGroup   its group now, or null
     * @param reason    why
     */
    record Assigned(SpecialistId from, SpecialistId to, GroupId fromGroup, GroupId toGroup, String reason)
            implements RequestEvent {
    }

    /**
     * A staff member noted something on the request, for staff only.
     *
     * @param text     the note
     * @param mentions the specialists it mentions, ordered by id
     */
    record NoteAdded(String text, java.util.List<SpecialistId> mentions) implements RequestEvent {
    }

    /**
     * Support replied to the customer.
     *
     * @param text the reply
     */
    record ReplySent(String text) implements RequestEvent {
    }

    /**
     * The request was analysed and its priority, category, system or typical flag changed (A/01.3, B/01.6,
     * C/03.6). A part that did not change has equal values before and after (or both null).
     *
     * @param findings       what the analysis found, or null
     * @param suspectedCause the suspected cause, or null
     * @param typical        the judgement typical or not, or null when none was made
     * @param fromPriority   the priority before
     * @param toPriority     the priority after
     * @param fromCategory   the category before, or null
     * @param toCategory     the category after, or null
     * @param fromSystem     the system before, or null
     * @param toSystem       the system after, or null
     * @param reason         why
     */
    record Triaged(String findings, String suspectedCause, Boolean typical, Priority fromPriority,
                   Priority toPriority, String fromCategory, String toCategory, SystemId fromSystem,
                   SystemId toSystem, String reason) implements RequestEvent {
    }

    /**
     * A group lead advised or helped a specialist on the request (D/01.7), internal.
     *
     * @param specialist    the specialist
     * @param text          the advice or what the lead did
     * @param practicalHelp true for practical help, false for advice
     */
    record LeadAdvice(SpecialistId specialist, String text, boolean practicalHelp) implements RequestEvent {
    }

    /**
     * A specialist recorded time spent on the request.
     *
     * @param record   the time record's id
     * @param spent    how long
     * @param function the labour function it went to
     * @param task     the task, or null
     * @param note     what was done
     */
    record TimeRecorded(String record, java.time.Duration spent, dev.supportkit.api.journal.LaborFunction function,
                        String task, String note) implements RequestEvent {
    }

    /**
     * One task as a work plan event records it (D/01.7).
     *
     * @param key         its key within the plan
     * @param executor    who does it
     * @param description what to do
     * @param workingTime working time allowed from approval, or null
     * @param due         its deadline, or null while it is given as working time and not approved yet
     * @param dependsOn   keys of tasks to finish first
     */
    record PlannedTask(String key, SpecialistId executor, String description, java.time.Duration workingTime,
                       Instant due, java.util.List<String> dependsOn) {
    }

    /**
     * A work plan was drafted or changed; new and changed tasks wait for the group lead's approval, unchanged
     * ones stay approved.
     *
     * @param revision the plan's revision after the change
     * @param tasks    every task of the plan, in order
     * @param changed  keys of new or changed tasks
     * @param removed  keys of tasks taken out of the plan
     */
    record WorkPlanned(int revision, java.util.List<PlannedTask> tasks, java.util.List<String> changed,
                       java.util.List<String> removed) implements RequestEvent {
    }

    /**
     * The group lead approved the work plan (D/01.7).
     *
     * @param revision the revision approved
     * @param approved the tasks approved by this approval, with their deadlines
     */
    record WorkPlanApproved(int revision, java.util.List<PlannedTask> approved) implements RequestEvent {
    }

    /**
     * An executor marked a task of the work plan done.
     *
     * @param key        the task's key
     * @param executor   who did it
     * @param note       what was done
     * @param spent      the time it took
     * @param timeRecord the id of the time record written with it
     */
    record PlanTaskDone(String key, SpecialistId executor, String note, java.time.Duration spent, String timeRecord)
            implements RequestEvent {
    }

    /**
     * A task's deadline passed with the task still open; its executor and the approving lead were told.
     *
     * @param key      the task's key
     * @param executor its executor
     * @param due      the deadline that passed
     */
    record PlanTaskMissed(String key, SpecialistId executor, Instant due) implements RequestEvent {
    }

    /**
     * A file was attached to an earlier entry of the request; its digest puts the file under the hash chain.
     *
     * @param attachment  the attachment's id
     * @param entry       the journal sequence of the entry it belongs to
     * @param name        the file's name
     * @param contentType its media type
     * @param size        its size in bytes
     * @param sha256      its SHA-256 digest, lower-case hex
     */
    record AttachmentAdded(String attachment, long entry, String name, String contentType, long size, String sha256)
            implements RequestEvent {
    }

    /**
     * A visit was booked with its technicians; they are held for its window and the travel buffer after it.
     *
     * @param visit       the visit's id
     * @param site        where
     * @param start       its start
     * @param end         its end
     * @param purpose     why
     * @param technicians who go
     * @param note        details for the customer, or null
     * @param offer       the offer the customer confirmed it from, or null when staff booked it
     */
    record VisitBooked(String visit, SiteId site, Instant start, Instant end, VisitPurpose purpose,
                       java.util.List<SpecialistId> technicians, String note, String offer) implements RequestEvent {
    }

    /**
     * Windows in which the technicians are free were offered to the customer, who confirms one before the
     * offer expires.
     *
     * @param offer       the offer's id
     * @param site        where
     * @param purpose     why
     * @param technicians who would go
     * @param slots       the windows offered
     * @param expiresAt   until when one can be confirmed
     */
    record VisitOffered(String offer, SiteId site, VisitPurpose purpose, java.util.List<SpecialistId> technicians,
                        java.util.List<dev.supportkit.api.scheduling.TimeWindow> slots, Instant expiresAt)
            implements RequestEvent {
    }

    /**
     * A booked visit was moved to another window.
     *
     * @param visit     the visit's id
     * @param fromStart its old start
     * @param fromEnd   its old end
     * @param start     its new start
     * @param end       its new end
     * @param reason    why
     */
    record VisitRescheduled(String visit, Instant fromStart, Instant fromEnd, Instant start, Instant end, String reason)
            implements RequestEvent {
    }

    /**
     * A booked visit was cancelled; its technicians are free again.
     *
     * @param visit  the visit's id
     * @param reason why
     */
    record VisitCancelled(String visit, String reason) implements RequestEvent {
    }

    /**
     * Works were proposed to the departments that do them.
     *
     * @param order       the works order's id
     * @param kind        what kind of works
     * @param site        where
     * @param start       the proposed start
     * @param end         the proposed end
     * @param departments who must agree
     */
    record WorksProposed(String order, dev.supportkit.api.scheduling.WorksKind kind, SiteId site, Instant start,
                         Instant end, java.util.List<dev.supportkit.api.directory.DepartmentId> departments)
            implements RequestEvent {
    }

    /**
     * A department agreed to the works' dates; when it was the last one, the works are agreed.
     *
     * @param order      the works order's id
     * @param department the department
     * @param complete   whether every department has now agreed
     */
    record WorksAgreed(String order, dev.supportkit.api.directory.DepartmentId department, boolean complete)
            implements RequestEvent {
    }

    /**
     * A department proposed other dates; the other departments must agree to them again.
     *
     * @param order      the works order's id
     * @param department the department
     * @param start      the dates it proposes: start
     * @param end        and end
     * @param reason     why
     */
    record WorksDatesProposed(String order, dev.supportkit.api.directory.DepartmentId department, Instant start,
                              Instant end, String reason) implements RequestEvent {
    }

    /**
     * Agreed works were moved; the customer and the departments were told.
     *
     * @param order     the works order's id
     * @param fromStart the old start
     * @param start     the new start
     * @param end       the new end
     * @param reason    why
     */
    record WorksRescheduled(String order, Instant fromStart, Instant start, Instant end, String reason)
            implements RequestEvent {
    }

    /**
     * Works were cancelled.
     *
     * @param order  the works order's id
     * @param reason why
     */
    record WorksCancelled(String order, String reason) implements RequestEvent {
    }

    /**
     * Works were done.
     *
     * @param order  the works order's id
     * @param done   what was done
     * @param checks the checks performed
     */
    record WorksDone(String order, String done, java.util.List<String> checks) implements RequestEvent {
    }

    /**
     * The customer's representative signed the works off.
     *
     * @param order   the works order's id
     * @param comment their comment, possibly empty
     */
    record WorksSignedOff(String order, String comment) implements RequestEvent {
    }

    /**
     * An equipment failure was recorded in the failure register (C/03.6), internal.
     *
     * @param failure    the failure row's id
     * @param model      the failed unit's equipment model
     * @param component  the failed component, or null
     * @param serial     the failed unit's serial number, or null
     * @param causeCode  the cause's code in the catalogue
     * @param catalogue  the version of the cause catalogue the code was checked against
     * @param failedAt   when it failed
     * @param restoredAt when it worked again
     * @param note       what happened, possibly empty
     */
    record FailureRecorded(String failure, String model, ComponentId component, String serial, String causeCode,
                           int catalogue, Instant failedAt, Instant restoredAt, String note) implements RequestEvent {
    }

    /**
     * The customer's equipment was checked, remotely or on site (C/03.6).
     *
     * @param onSite       whether on site
     * @param component    the component checked, or null
     * @param findings     what was found
     * @param measurements measured values, in the order taken
     */
    record EquipmentChecked(boolean onSite, ComponentId component, String findings,
                            java.util.List<dev.supportkit.api.resolution.EquipmentCheck.Measurement> measurements)
            implements RequestEvent {
    }

    /**
     * The customer's staff were trained (C/02.6).
     *
     * @param training   the training record's id
     * @param topic      what about
     * @param attendees  who attended
     * @param heldAt     when
     * @param duration   how long
     * @param competence the configuration competence handed over
     */
    record TrainingGiven(String training, String topic, java.util.List<dev.supportkit.api.directory.RepresentativeId>
            attendees, Instant heldAt, java.time.Duration duration, String competence) implements RequestEvent {
    }
}
