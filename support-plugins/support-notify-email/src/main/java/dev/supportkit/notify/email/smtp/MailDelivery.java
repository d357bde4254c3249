package dev.supportkit.notify.email.smtp;

import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame every mail-based channel (e-mail, fax) delivers in: a missing notification fails permanently,
 * the attempt runs with the plugin's class loader as the thread's context loader (Jakarta Mail finds its
 * providers there), and an unexpected exception becomes a temporary failure instead of escaping into the
 * engine's dispatcher.
 */
public final class MailDelivery {
    private static final Logger LOG = LoggerFactory.getLogger(MailDelivery.class);

    private MailDelivery() {
    }

    /**
     * Runs one delivery attempt in the frame.
     *
     * @param channelId    the channel's id, for the log
     * @param notification the notification, possibly null
     * @param attempt      the channel's own delivery of a non-null notification
     * @return the attempt's result
     */
    public static DeliveryResult attempt(String channelId, Notification notification,
                                         Function<Notification, DeliveryResult> attempt) {
        if (notification == null) {
            return new DeliveryResult(Outcome.PERMANENT_FAILURE, "no notification given");
        }
        return MailClassLoader.call(() -> {
            try {
                return attempt.apply(notification);
            } catch (RuntimeException e) {
                LOG.warn("{}: unexpected failure", channelId, e);
                return new DeliveryResult(Outcome.TEMPORARY_FAILURE, "unexpected failure: " + e);
            }
        });
    }
}
