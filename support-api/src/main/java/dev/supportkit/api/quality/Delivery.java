package dev.supportkit.api.quality;

import dev.supportkit.api.request.RequestId;
import java.time.Instant;
import java.util.Optional;

/**
 * A message to a customer or specialist and how its delivery stands (B/02.6: inform the customer
 * by every available channel and document it).
 *
 * @param id            the message id
 * @param request       the request it concerns
 * @param topic         what it is about, e.g. {@code request.resolved}
 * @param recipient     who it is for
 * @param status        pending, delivered or dead
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when the next attempt is due, while pending
 * @param lastOutcome   what the last attempt's channel said, if there was an attempt
 */
public record Delivery(String id, RequestId request, String topic, String recipient, DeliveryStatus status,
                       int attempts, Instant nextAttemptAt, Optional<String> lastOutcome) {
}
