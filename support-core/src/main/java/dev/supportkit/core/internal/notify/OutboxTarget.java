package dev.supportkit.core.internal.notify;

import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.storage.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
     * @param earlier the pending messages ahead of it, as the dispatcher knows them
     * @param message the claimed message
     * @return when to look at it again, or empty to deliver it now
     */
    Optional<Instant> heldUntil(EarlierMessages earlier, OutboxMessage message);

    /**
     * Delivers one message, outside any transaction. A thrown exception counts as a temporary failure.
     *
     * @param message the message
     * @return what happened
     */
    DeliveryResult deliver(OutboxMessage message);

    /**
     * Tells whether a message may be delivered in one {@link #deliverInOrder} call after another, e.g. both to
     * the same broker.
     *
     * @param previous a message about to be delivered
     * @param next     the message claimed after it
     * @return true when both may go in one call; this default says no
     */
    default boolean deliversWith(OutboxMessage previous, OutboxMessage next) {
        return false;
    }

    /**
     * Delivers messages in the order given, outside any transaction, stopping at the first that is not
     * delivered: the ones after it count as not attempted (they may have reached the receiver all the same, and
     * are delivered again later). This default calls {@link #deliver} for each.
     *
     * @param messages messages that {@link #deliversWith} allows together, in order
     * @return one result per message attempted, in order: all delivered but perhaps the last
     */
    default List<DeliveryResult> deliverInOrder(List<OutboxMessage> messages) {
        List<DeliveryResult> results = new ArrayList<>();
        for (OutboxMessage message : messages) {
            DeliveryResult result;
            try {
                result = deliver(message);
            } catch (RuntimeException e) {
                result = DeliveryResult.temporaryFailure("the target failed: " + e);
            }
            results.add(result);
            if (result == null || result.outcome() != DeliveryResult.Outcome.DELIVERED) {
                break;
            }
        }
        return results;
    }

    /** The pending outbox messages a target's hold check may ask about. */
    @FunctionalInterface
    interface EarlierMessages {

        /**
         * The pending messages of a message's request whose ids share a prefix with its id and sort before it.
         *
         * @param message  a claimed message with a request
         * @param idPrefix the start of the message's id that the earlier messages share
         * @return those messages, in the order of their ids
         * @throws IllegalArgumentException when the message's id does not start with {@code idPrefix}
         */
        Collection<OutboxMessage> pendingBefore(OutboxMessage message, String idPrefix);
    }
}
