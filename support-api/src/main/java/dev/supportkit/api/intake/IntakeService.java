package dev.supportkit.api.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.IncidentId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import java.util.List;
import java.util.Optional;

/**
 * Intake: taking and registering customer contacts (labour function A/01.3).
 */
public interface IntakeService {
    /**
     * Registers a contact: as a new request, or attached to an open request of the same organisation
     * when the draft names one or, unless the draft asks for a new request, when the customer has an open
     * request about the same system. The contact is validated together with its questionnaire answers:
     * every missing or invalid field and answer is reported at once ({@code answers.users-affected
     * [one-of]}) and nothing is registered. Emergency rules may raise the priority and flag the request
     * an emergency; the request may be linked to a mass incident (see {@link #massIncidents}).
     *
     * @param actor a first-line operator, an intake lead, or a customer representative for their own
     *              organisation (self-service)
     * @param draft the contact
     * @return the new or updated request
     */
    Request registerContact(Actor actor, ContactDraft draft);

    /**
     * A first-line operator takes a registered request into work and becomes its assignee.
     *
     * @param actor a first-line operator or an intake lead
     * @param ref   the request as last read
     * @return the request, now {@code IN_PROGRESS_FIRST_LINE}
     */
    Request takeIntoWork(Actor actor, RequestRef ref);

    /**
     * Records the customer's answer to a clarification question; the request returns to its line.
     *
     * @param actor   the customer representative, or the operator or lead who took the answer
     * @param ref     the request as last read; it must be {@code WAITING_FOR_CUSTOMER}
     * @param channel how the answer arrived
     * @param answer  the customer's answer; required, at most 10000 characters
     * @return the request, back in the working state it waited from
     */
    Request provideClarification(Actor actor, RequestRef ref, Channel channel, String answer);

    /**
     * Imports historical requests from another help desk, all or nothing: every invalid field of every
     * request is reported at once ({@code requests[3].subject [required]}) and then nothing is stored.
     * Each request gets one internal journal entry recording the import (A/01.3) and starts its hash
     * chain there; no customer is notified. Storage providers may batch the writes.
     *
     * @param actor    an administrator
     * @param source   the name of the old system, for the journal; required, at most 100 characters
     * @param requests at most 10000 requests
     * @return the new request ids
     */
    ImportResult importRequests(Actor actor, String source, List<ImportedRequest> requests);

    /**
     * The contacts registered into a request, oldest first.
     *
     * @param actor   anyone who may read the request
     * @param request the request
     * @return the contacts
     */
    List<Contact> contacts(Actor actor, RequestId request);

    /**
     * Stores a questionnaire version. Versions are immutable: storing a version that exists is allowed only
     * with identical content (so loading the same files again is harmless), otherwise it is an error.
     *
     * @param actor         an administrator
     * @param questionnaire the version to store; its version must be 1 or one more than the latest stored
     * @return the stored version
     */
    Questionnaire defineQuestionnaire(Actor actor, Questionnaire questionnaire);

    /**
     * One exact questionnaire version.
     *
     * @param actor   any staff member or customer representative of the tenant
     * @param id      the questionnaire
     * @param version the version
     * @return the version
     */
    Questionnaire questionnaire(Actor actor, QuestionnaireId id, int version);

    /**
     * The latest version of every questionnaire, ordered by id.
     *
     * @param actor any staff member or customer representative of the tenant
     * @return the questionnaires
     */
    List<Questionnaire> questionnaires(Actor actor);

    /**
     * The questionnaire to take a contact with: the latest version of the most specific questionnaire
     * matching the system's model and the problem category.
     *
     * @param actor    any staff member or customer representative of the tenant
     * @param system   the supported system concerned, if known
     * @param category the problem category, if known
     * @return the questionnaire, if one applies
     */
    Optional<Questionnaire> questionnaireFor(Actor actor, Optional<SystemId> system, Optional<String> category);

    /**
     * Mass incidents, newest first.
     *
     * @param actor    staff
     * @param openOnly whether to leave resolved incidents out
     * @return the incidents
     */
    List<MassIncident> massIncidents(Actor actor, boolean openOnly);

    /**
     * One mass incident.
     *
     * @param actor staff
     * @param id    the incident
     * @return the incident
     */
    MassIncident massIncident(Actor actor, IncidentId id);

    /**
     * Resolves a mass incident: every linked request that is not yet resolved is resolved with the
     * incident's resolution (each in its own journal, with its customer informed), then the incident is
     * closed to new links.
     *
     * @param actor      an intake lead or a group lead
     * @param id         the incident
     * @param version    the incident's version as last read
     * @param resolution what was done; required, at most 4000 characters
     * @return the resolved incident
     */
    MassIncident resolveMassIncident(Actor actor, IncidentId id, int version, String resolution);
}
