package dev.supportkit.api.quality;

import dev.supportkit.api.Actor;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestPage;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestRef;
import java.util.List;
import java.util.stream.Stream;

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
     * Finds requests: the requests of {@link #queue(Actor, RequestQuery)}'s page, without the cursor.
     *
     * @param actor anyone in the tenant
     * @param query the filters, order and page
     * @return the page's requests, in the query's order
     * @throws dev.supportkit.api.error.ValidationException when the query's cursor is not one returned for
     *         the same filters and order (field {@code query.after}, rule {@code cursor})
     */
    List<Request> requests(Actor actor, RequestQuery query);

    /**
     * Reads one page of a queue ("my requests", "my group's unassigned", "overdue", "at risk in the next
     * hour", "this customer's open requests"). A customer representative gets only their organisation's
     * requests, whatever the query says; an {@link dev.supportkit.api.request.AssigneeFilter#mine() "mine"}
     * filter means the actor's own requests. Deadline conditions are measured from the engine clock's now.
     * Pass the page's {@link RequestPage#nextCursor() cursor} with the same query to get the next page.
     *
     * @param actor anyone in the tenant
     * @param query the filters, order and page
     * @return the page
     * @throws dev.supportkit.api.error.ValidationException when the query's cursor is not one returned for
     *         the same filters and order (field {@code query.after}, rule {@code cursor})
     */
    RequestPage queue(Actor actor, RequestQuery query);

    /**
     * Counts the requests a queue holds, over all its pages (the query's cursor and limit are ignored),
     * counted in the store.
     *
     * @param actor anyone in the tenant; a customer representative counts only their organisation's
     * @param query the filters
     * @return how many requests match
     */
    long countRequests(Actor actor, RequestQuery query);

    /**
     * Streams every request a query matches, for exports: read page by page (the query's limit is the
     * page size, its cursor where to start), so memory stays bounded whatever the number of requests.
     * Each page is read in its own transaction when the stream reaches it: sort by
     * {@link dev.supportkit.api.request.RequestSort#REGISTERED} (the default), whose keys never change, for
     * an export in which no request is skipped or repeated while requests change meanwhile. The permission
     * is checked at once; nothing is read until the stream is consumed.
     *
     * @param actor anyone in the tenant; a customer representative gets only their organisation's
     * @param query the filters and order
     * @return a lazy, sequential stream
     */
    Stream<Request> exportRequests(Actor actor, RequestQuery query);

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

    /**
     * Records the answer of the request's representative to its satisfaction survey (D/02.7). A score at
     * or below {@code supportkit.quality.surveys.low-score} asks the lead of the request's group (the intake
     * leads when it has none) to follow it up.
     *
     * @param actor  the request's own representative
     * @param ref    the closed request and its version
     * @param answer the score and comment
     * @return the request with the answered survey
     * @throws dev.supportkit.api.error.ValidationException when the score is out of range ({@code answer.score},
     *         rule {@code range}), the comment too long, the request has no survey or it expired or was
     *         answered already ({@code survey}, rules {@code exists}, {@code expired}, {@code answered})
     * @throws dev.supportkit.api.error.AccessDeniedException when the actor is not the request's representative
     */
    Request answerSurvey(Actor actor, RequestRef ref, SurveyAnswer answer);

    /**
     * Records an answer given through the signed one-use token of the survey message (the link an embedding
     * application opens without a login). The answer is journalled as the request's representative's.
     *
     * @param token  the token from the survey message
     * @param answer the score and comment
     * @return the request with the answered survey
     * @throws dev.supportkit.api.error.ValidationException when the token is malformed, forged, used or
     *         expired ({@code token}, rules {@code format}, {@code signature}, {@code answered}, {@code expired})
     *         or the answer is invalid
     */
    Request answerSurvey(String token, SurveyAnswer answer);
}
