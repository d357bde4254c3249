package dev.supportkit.api.quality;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import java.util.List;

/**
 * Quality control: tracking the execution of requests and closing them (B/02.6, D/02.7).
 */
public interface QualityService {
    /**
     * Reads one request.
     *
     * @param actor anyone in the tenant; a customer representative only their organisation's requests
     * @param id    the request
     * @return the current snapshot
     * @throws dev.supportkit.api.error.NotFoundException when it does not exist or is not visible
     */
    Request request(Actor actor, RequestId id);

    /**
     * Finds requests. A customer representative gets only their organisation's requests, whatever
     * the query says.
     *
     * @param actor anyone in the tenant
     * @param query the filter
     * @return matching requests, by registration time
     */
    List<Request> requests(Actor actor, RequestQuery query);

    /**
     * The messages recorded for a request and where their delivery stands ("delivery pending").
     *
     * @param actor   staff, an auditor or an administrator
     * @param request the request
     * @return its messages, oldest first
     */
    List<Delivery> deliveries(Actor actor, RequestId request);

    /**
     * Messages that could not be delivered, for an administrator to look at and retry.
     *
     * @param actor an administrator, an intake lead or an auditor
     * @param limit at most this many, 1 to 1000
     * @return the dead letters, oldest first
     */
    List<Delivery> deadLetters(Actor actor, int limit);

    /**
     * Sends a dead letter again: it becomes pending with its attempts reset, from the first
     * contact point of its recipient.
     *
     * @param actor     an administrator
     * @param messageId the message
     * @return the message, now pending
     */
    Delivery retryDelivery(Actor actor, String messageId);

    /**
     * Closes a request after the customer's sign-off.
     *
     * @param actor an intake lead or a group lead
     * @param ref   the request as last read; it must be {@code SIGNED_OFF}
     * @param note  closing note; optional, at most 2000 characters; may be null
     * @return the request, now {@code CLOSED}
     */
    Request close(Actor actor, RequestRef ref, String note);
}
