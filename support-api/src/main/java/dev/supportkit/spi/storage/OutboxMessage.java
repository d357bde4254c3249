package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import java.time.Instant;

/**
 * A side effect (a message to a customer or specialist, a CRM push) recorded in the same transaction
 * as the change that caused it, to be delivered after commit.
 *
 * @param id             id of the message, unique across all tenants (the engine uses UUIDs)
 * @param tenant         the tenant
 * @param request        the request it concerns, or null
 * @param topic          what it is about, e.g. {@code request.registered}
 * @param recipient      who it is for, e.g. a representative id
 * @param payload        JSON text with the data the message is rendered from
 * @param idempotencyKey passed on to the channel so a repeated delivery can be dropped
 * @param createdAt      when it was recorded
 * @param status         delivery state
 * @param attempts       delivery attempts so far
 * @param nextAttemptAt  not to be attempted before this time
 * @param route          which of the recipient's contact points is in use, from 0; moves on when a
 *                       channel fails permanently
 * @param lastOutcome    what the last attempt's channel said, or null before the first attempt
 */
public record OutboxMessage(String id, TenantId tenant, RequestId request, String topic, String recipient,
                            String payload, String idempotencyKey, Instant createdAt, Status status, int attempts,
                            Instant nextAttemptAt, int route, String lastOutcome) {

    /**
     * A message not yet attempted: on its first route, with no outcome.
     *
     * @param id             unique id of the message
     * @param tenant         the tenant
     * @param request        the request it concerns, or null
     * @param topic          what it is about
     * @param recipient      who it is for
     * @param payload        JSON data the message is rendered from
     * @param idempotencyKey passed on to the channel
     * @param createdAt      when it was recorded
     * @param status         delivery state
     * @param attempts       delivery attempts so far
     * @param nextAttemptAt  not to be attempted before this time
     */
    public OutboxMessage(String id, TenantId tenant, RequestId request, String topic, String recipient, String payload,
                         String idempotencyKey, Instant createdAt, Status status, int attempts, Instant nextAttemptAt) {
        this(id, tenant, request, topic, recipient, payload, idempotencyKey, createdAt, status, attempts, nextAttemptAt,
                0, null);
    }

    /**
     * This message after a delivery attempt (or a decision to wait).
     *
     * @param newStatus        the new state
     * @param newAttempts      attempts so far
     * @param newNextAttemptAt when to try next
     * @param newRoute         the contact point in use
     * @param outcome          what the channel said
     * @return the updated message
     */
    public OutboxMessage withOutcome(Status newStatus, int newAttempts, Instant newNextAttemptAt, int newRoute,
                                     String outcome) {
        return new OutboxMessage(id, tenant, request, topic, recipient, payload, idempotencyKey, createdAt, newStatus,
                newAttempts, newNextAttemptAt, newRoute, outcome);
    }

    /** Delivery state of an outbox message. */
    public enum Status {
        /** Waiting to be delivered. */
        PENDING,
        /** Delivered. */
        DELIVERED,
        /** Given up after a permanent failure or the last attempt. */
        DEAD
    }
}
