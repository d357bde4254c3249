package dev.supportkit.api.intake;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import java.util.List;

/**
 * Intake: taking and registering customer contacts (labour function A/01.3).
 */
public interface IntakeService {
    /**
     * Registers a contact: as a new request, or attached to an open request of the same organisation
     * when the draft names one. Every invalid field is reported at once and nothing is registered.
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
}
