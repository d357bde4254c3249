package dev.supportkit.notify.email.smtp;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame every mail-based channel (e-mail, fax) delivers in: a missing notification fails permanently,
 * the attempt runs with the plugin's class loader as the thread's context loader (Jakarta Mail finds its
 * providers there), and an unexpected exception becomes a temporary failure instead of escaping into the
 * engine's dispatcher. A subclass delivers one non-null notification in {@link #deliverNow}.
 */
public abstract class MailChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(MailChannel.class);

    private final String channelId;
    private final Channel channel;

    /**
     * @param channelId the channel's id, for the log (e.g. {@code email})
     * @param channel   the channel it delivers on
     */
    protected MailChannel(String channelId, Channel channel) {
        this.channelId = channelId;
        this.channel = channel;
    }

    @Override
    public final Channel channel() {
        return channel;
    }

    @Override
    public final DeliveryResult deliver(Notification notification) {
        if (notification == null) {
            return new DeliveryResult(Outcome.PERMANENT_FAILURE, "no notification given");
        }
        return MailClassLoader.call(() -> {
            try {
                return deliverNow(notification);
            } catch (RuntimeException e) {
                LOG.warn("{}: unexpected failure", channelId, e);
                return new DeliveryResult(Outcome.TEMPORARY_FAILURE, "unexpected failure: " + e);
            }
        });
    }

    /**
     * Delivers one notification, with the plugin's class loader as the thread's context loader.
     *
     * @param notification the notification, not null
     * @return the result
     */
    protected abstract DeliveryResult deliverNow(Notification notification);

    /**
     * Logs a failure that trying again cannot mend (an invalid address, say) and returns it.
     *
     * @param detail what failed, for the journal
     * @return a permanent failure with that detail
     */
    protected final DeliveryResult permanentFailure(String detail) {
        LOG.warn("{}: {}", channelId, detail);
        return new DeliveryResult(Outcome.PERMANENT_FAILURE, detail);
    }
}
