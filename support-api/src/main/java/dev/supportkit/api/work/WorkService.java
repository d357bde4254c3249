package dev.supportkit.api.work;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;

/**
 * Working a request day to day: who has it, what staff note on it, what the customer is told. Every call
 * is journalled under the labour function of whoever acts and raises the request's version. Allowed on an
 * open request (registered, in work at any line, or waiting for the customer); on a resolved, signed-off
 * or closed one it is an {@link dev.supportkit.api.error.InvalidTransitionException}.
 */
public interface WorkService {
    /**
     * Assigns, reassigns or unassigns a request, or at second line moves it to another group. The status
     * and line stay as they are. Who may:
     * <ul>
     *   <li>first line (registered, in work at first line, or waiting there): a first-line operator or an
     *       intake lead, to a first-line operator or an intake lead;</li>
     *   <li>at the intake lead: an intake lead, to an intake lead;</li>
     *   <li>second line, within the group: the group's lead, to an engineer or lead of the group;</li>
     *   <li>second line, to another group ({@link Assignment#toGroup}): an intake lead, or the lead of the
     *       request's current group; the group must work second line and the specialist, if named, belong
     *       to it.</li>
     * </ul>
     * The new assignee is told ({@code request.assigned}). Journalled as A/01.3 at first line, B/02.6 at the
     * intake lead and D/01.7 at second line, internal.
     *
     * @param actor      who assigns
     * @param ref        the request and the version the actor read
     * @param assignment who next, and why
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code assignment.assignee} (rules
     *         {@code exists}, {@code works-line}, {@code in-group}, {@code changes}), {@code assignment.group}
     *         ({@code exists}, {@code works-line}, {@code line}) or {@code assignment.reason}
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor may not assign at this line or
     *         in this group
     */
    Request assign(Actor actor, RequestRef ref, Assignment assignment);

    /**
     * Adds an internal note; each mentioned specialist is told ({@code note.mention}). Journalled internal,
     * under the function of the line that holds the request (A/01.3, B/01.6, C/03.6), or D/01.7 when a group
     * lead writes it. Second-line staff of another group may not note on a group's request.
     *
     * @param actor any staff member: operator, intake lead, engineer, group lead
     * @param ref   the request and the version the actor read
     * @param note  the text and the mentions
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code note.text} or {@code note.mentions}
     *         (rules {@code exists}, {@code max-size})
     */
    Request addNote(Actor actor, RequestRef ref, Note note);

    /**
     * Replies to the customer: journalled customer-visible under the function of the line that holds the
     * request, and sent to the request's representative on their channels ({@code request.reply}).
     *
     * @param actor any staff member: operator, intake lead, engineer, group lead
     * @param ref   the request and the version the actor read
     * @param text  the reply (required, at most 10,000 characters)
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code reply.text}
     */
    Request reply(Actor actor, RequestRef ref, String text);

    /**
     * Records the analysis of a request and changes its priority, category, system or typical flag (B/01.6 at
     * the intake lead, C/03.6 at second line, A/01.3 at first line), journalled internal under that function
     * by staff of the line that holds the request. A new priority moves the running service-level deadlines
     * (each keeps its start and the time it was paused; its target becomes the policy's for the new
     * priority), and when the resolution date moves the customer is told ({@code request.due-changed}). A
     * new system also records its model.
     *
     * @param actor  staff of the request's line (at second line, of its group)
     * @param ref    the request and the version the actor read
     * @param triage the analysis and the changes
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code triage} (rule {@code changes}: nothing
     *         given or nothing changes), {@code triage.reason}, {@code triage.findings},
     *         {@code triage.suspectedCause}, {@code triage.category} or {@code triage.system} (rules {@code exists},
     *         {@code belongs-to-organization})
     */
    Request triage(Actor actor, RequestRef ref, Triage triage);

    /**
     * Records a group lead's advice or practical help to a specialist of the request's group (D/01.7),
     * internal; the specialist is told ({@code lead.advice}). Customer consultations are
     * {@code consulting().recordConsultation}; this is help between colleagues.
     *
     * @param actor  the lead of the request's group
     * @param ref    the request and the version the actor read
     * @param advice whom and what
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code advice.specialist} (rules
     *         {@code exists}, {@code in-group}) or {@code advice.text}
     */
    Request advise(Actor actor, RequestRef ref, Advice advice);

    /**
     * Records time the actor spent on a request (journalled internal under the entry's labour function).
     * Allowed on an open or resolved request; at second line on the actor's group's requests.
     *
     * @param actor a specialist: operator, intake lead, engineer, group lead
     * @param ref   the request and the version the actor read
     * @param entry how long, on which function and task, and what was done
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code time.spent} (rules {@code range},
     *         {@code whole-seconds}), {@code time.function}, {@code time.task} or {@code time.note}
     */
    Request recordTime(Actor actor, RequestRef ref, TimeEntry entry);

    /**
     * Totals recorded time, summed in the store: overall, per request, per specialist and per labour function.
     *
     * @param actor an intake lead, a group lead, an auditor or an administrator
     * @param query which records
     * @return the totals
     */
    TimeSummary timeSpent(Actor actor, TimeQuery query);

    /**
     * Drafts the request's work plan, or replaces it with a changed one (D/01.7). Allowed while the request is
     * in work at second line ({@code AT_SECOND_LINE}) for its group's engineers and lead. A task given again
     * unchanged (same key, executor, description, deadline and dependencies) keeps its state: approved, open
     * or done, so its executor keeps working on it; a new or changed task needs the group lead's approval,
     * and any change to an approved plan returns it to {@link PlanState#NEEDS_APPROVAL}. Journalled internal
     * as D/01.7 for a lead and C/03.6 for an engineer.
     *
     * @param actor a second-line engineer or the lead of the request's group
     * @param ref   the request and the version the actor read
     * @param tasks the whole plan, in order (1 to {@link WorkPlan#MAX_TASKS} tasks)
     * @return the new snapshot, holding the plan
     * @throws dev.supportkit.api.error.ValidationException naming {@code plan.tasks} (rules {@code required},
     *         {@code max-size}, {@code changes}) or {@code plan.tasks[i].key} ({@code pattern}, {@code unique}),
     *         {@code .executor} ({@code exists}, {@code active}, {@code works-line}, {@code in-group}),
     *         {@code .description}, {@code .deadline} ({@code one-of}, {@code range}, {@code in-future}) or
     *         {@code .dependsOn} ({@code exists}, {@code acyclic})
     * @throws dev.supportkit.api.error.InvalidTransitionException when the request is not in work at second line
     */
    Request planWork(Actor actor, RequestRef ref, java.util.List<TaskDraft> tasks);

    /**
     * Approves the work plan as it stands (D/01.7): only the lead of the request's group may; an engineer is
     * refused. Each newly approved task gets its deadline (working time is counted on the request's SLA
     * calendar from now, a fixed deadline must still be in the future) and its executor is told
     * ({@code plan.task-assigned}). If the deadline passes with the task still open, the engine journals it as
     * missed and tells the executor and the approving lead ({@code deadline.missed}); a done task never
     * misses. Journalled internal as D/01.7.
     *
     * @param actor the lead of the request's group
     * @param ref   the request and the version the actor read
     * @return the new snapshot, its plan {@link PlanState#APPROVED}
     * @throws dev.supportkit.api.error.ValidationException naming {@code plan} (rules {@code exists},
     *         {@code needs-approval}) or {@code plan.tasks[i].deadline} ({@code in-future})
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor is not the lead of the group
     */
    Request approvePlan(Actor actor, RequestRef ref);

    /**
     * The executor marks a task done, with a note and the time it took (recorded as time spent under C/03.6,
     * task = the task's key). The request must be in work at second line ({@code AT_SECOND_LINE}); the task
     * approved, open, and every task it depends on done. Journalled internal as C/03.6.
     *
     * @param actor      the task's executor
     * @param ref        the request and the version the actor read
     * @param completion which task, what was done, how long it took
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code completion.key} (rules {@code exists},
     *         {@code approved}, {@code open}, {@code dependencies-done}), {@code completion.note} or
     *         {@code completion.spent} ({@code range}, {@code whole-seconds})
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor is not the task's executor
     */
    Request completeTask(Actor actor, RequestRef ref, TaskCompletion completion);

    /**
     * Attaches a file to an entry of the request's journal: a contact ({@code Registered},
     * {@code ContactAttached}, {@code ClarificationProvided}), a reply, an internal note, a resolution, an
     * equipment check, a training or works done. The
     * file is streamed into the blob store (never whole in memory), with its size and SHA-256 computed on the
     * way, then journalled ({@code AttachmentAdded}) with the visibility of the entry it belongs to, under the
     * function of the line that holds the request. Staff attach to any such entry (at second line, of their
     * group's requests); a customer representative only to the customer-visible contact entries of their
     * organisation's requests. Allowed until the request is signed off. If anything is refused, nothing is
     * kept: neither the journal entry nor the stored file.
     *
     * @param actor staff or a customer representative
     * @param ref   the request and the version the actor read
     * @param entry the journal sequence of the entry to attach to (after a note, reply or resolution:
     *              the returned request's {@code journalSequence()})
     * @param file  the file's name, media type and content
     * @return the new snapshot
     * @throws dev.supportkit.api.error.ValidationException naming {@code file.name} (rules {@code required},
     *         {@code max-length}, {@code pattern}), {@code file.contentType} ({@code allowed}), {@code file.content}
     *         ({@code required}, {@code not-empty}, {@code max-size}) or {@code entry} ({@code exists},
     *         {@code attachable})
     * @throws dev.supportkit.api.error.AccessDeniedException when a customer attaches to an entry that is not
     *         their organisation's customer-visible contact
     * @throws dev.supportkit.api.error.ConfigurationException when no blob store is configured
     */
    Request attach(Actor actor, RequestRef ref, long entry, FileUpload file);

    /**
     * The files attached to a request that the actor may see (a customer: those of customer-visible entries),
     * in journal order.
     *
     * @param actor anyone who may read the request
     * @param request the request
     * @return its attachments
     */
    java.util.List<Attachment> attachments(Actor actor, dev.supportkit.api.request.RequestId request);

    /**
     * Opens an attached file for reading. The stream checks the content against the size and SHA-256 the
     * journal holds: a file changed in the blob store fails with an {@link java.io.IOException} when read to
     * its end. The caller closes the stream.
     *
     * @param actor      anyone who may see the attachment
     * @param request    the request
     * @param attachment the attachment's id
     * @return the content
     * @throws dev.supportkit.api.error.NotFoundException when there is no such attachment the actor may see
     */
    java.io.InputStream openAttachment(Actor actor, dev.supportkit.api.request.RequestId request, String attachment);
}
