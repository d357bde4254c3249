package dev.supportkit.core.internal.notify;

import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import java.util.Optional;

/**
 * A receiver of outbox messages other than a customer or specialist: the {@link OutboxDispatcher} hands it the
 * messages of its topics instead of rendering them for a channel, with the same lease, retries, back-off and
 * dead letters. Bound with a Guice multibinder.
 */
public interface OutboxTarget {

    /**
     * Tells whether this target takes messages of a topic.
     *
     * @param topic the message's topic
     * @return true when this target delivers it
     */
    boolean handles(String topic);

    /**
     * Tells whether a message must wait, e.g. for an earlier message of the same request to the same receiver.
     *
     * @param tx      a transaction to read the outbox in
     * @param message the claimed message
     * @return when to look at it again, or empty to deliver it now
     */
    Optional<Instant> heldUntil(StorageTransaction tx, OutboxMessage message);

    /**
     * Delivers one message, outside any transaction. A thrown exception counts as a temporary failure.
     *
     * @param message the message
     * @return what happened
     */
    DeliveryResult deliver(OutboxMessage message);
}
