package dev.supportkit.spi.storage;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
     * Returns an empty builder for a message not yet attempted: status {@link Status#PENDING}, no attempts,
     * on its first route, with no outcome, due when it is created unless {@link Builder#nextAttemptAt} says
     * otherwise.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder holding every component of this message, to copy it with some changed.
     *
     * @return a builder holding this message
     */
    public Builder toBuilder() {
        return new Builder().id(id).tenant(tenant).request(request).topic(topic).recipient(recipient).payload(payload)
                .idempotencyKey(idempotencyKey).createdAt(createdAt).status(status).attempts(attempts)
                .nextAttemptAt(nextAttemptAt).route(route).lastOutcome(lastOutcome);
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

    /**
     * Builds an {@link OutboxMessage}; {@link #build()} reports every missing or negative part at once.
     */
    public static final class Builder {
        private String id;
        private TenantId tenant;
        private RequestId request;
        private String topic;
        private String recipient;
        private String payload;
        private String idempotencyKey;
        private Instant createdAt;
        private Status status = Status.PENDING;
        private int attempts;
        private Instant nextAttemptAt;
        private int route;
        private String lastOutcome;

        private Builder() {
        }

        /**
         * Sets the message id, unique across all tenants.
         *
         * @param value the id
         * @return this builder
         */
        public Builder id(String value) {
            id = value;
            return this;
        }

        /**
         * Sets the tenant.
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenant(TenantId value) {
            tenant = value;
            return this;
        }

        /**
         * Sets the request it concerns.
         *
         * @param value the request, or null for none
         * @return this builder
         */
        public Builder request(RequestId value) {
            request = value;
            return this;
        }

        /**
         * Sets what it is about.
         *
         * @param value the topic, e.g. {@code request.registered}
         * @return this builder
         */
        public Builder topic(String value) {
            topic = value;
            return this;
        }

        /**
         * Sets who it is for.
         *
         * @param value the recipient, e.g. a representative id
         * @return this builder
         */
        public Builder recipient(String value) {
            recipient = value;
            return this;
        }

        /**
         * Sets the JSON data the message is rendered from.
         *
         * @param value the JSON text
         * @return this builder
         */
        public Builder payload(String value) {
            payload = value;
            return this;
        }

        /**
         * Sets the key passed on to the channel so a repeated delivery can be dropped.
         *
         * @param value the idempotency key
         * @return this builder
         */
        public Builder idempotencyKey(String value) {
            idempotencyKey = value;
            return this;
        }

        /**
         * Sets when it was recorded.
         *
         * @param value the time
         * @return this builder
         */
        public Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        /**
         * Sets the delivery state.
         *
         * @param value the state
         * @return this builder
         */
        public Builder status(Status value) {
            status = value;
            return this;
        }

        /**
         * Sets the delivery attempts so far.
         *
         * @param value the attempts, not negative
         * @return this builder
         */
        public Builder attempts(int value) {
            attempts = value;
            return this;
        }

        /**
         * Sets the time before which it is not attempted.
         *
         * @param value the time, or null for its creation time
         * @return this builder
         */
        public Builder nextAttemptAt(Instant value) {
            nextAttemptAt = value;
            return this;
        }

        /**
         * Sets which of the recipient's contact points is in use.
         *
         * @param value the route, from 0
         * @return this builder
         */
        public Builder route(int value) {
            route = value;
            return this;
        }

        /**
         * Sets what the last attempt's channel said.
         *
         * @param value the outcome, or null before the first attempt
         * @return this builder
         */
        public Builder lastOutcome(String value) {
            lastOutcome = value;
            return this;
        }

        /**
         * Builds the message.
         *
         * @return the message
         * @throws ValidationException naming every missing part ({@code outbox.<part>}, rule {@code required})
         *                             and negative attempts or route (rule {@code not-negative})
         */
        public OutboxMessage build() {
            List<FieldError> errors = new ArrayList<>();
            Map<String, Object> required = new LinkedHashMap<>();
            required.put("id", id);
            required.put("tenant", tenant);
            required.put("topic", topic);
            required.put("recipient", recipient);
            required.put("payload", payload);
            required.put("idempotencyKey", idempotencyKey);
            required.put("createdAt", createdAt);
            required.put("status", status);
            required.forEach((part, value) -> {
                if (value == null) {
                    errors.add(new FieldError("outbox." + part, "required", "is required"));
                }
            });
            if (attempts < 0) {
                errors.add(new FieldError("outbox.attempts", "not-negative", "must not be negative, was " + attempts));
            }
            if (route < 0) {
                errors.add(new FieldError("outbox.route", "not-negative", "must not be negative, was " + route));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return new OutboxMessage(id, tenant, request, topic, recipient, payload, idempotencyKey, createdAt, status,
                    attempts, nextAttemptAt == null ? createdAt : nextAttemptAt, route, lastOutcome);
        }
    }
}
