package dev.supportkit.spi.notification;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.Provider;

/**
 * Delivers messages over one channel (e-mail, SMS, webhook, voice, fax).
 */
public interface NotificationChannel extends Provider {
    /**
     * Returns the channel this provider delivers on.
     *
     * @return the channel this provider delivers on
     */
    Channel channel();

    /**
     * Attempts one delivery. Must not throw for a delivery failure: report it in the result.
     *
     * @param notification the message
     * @return the outcome
     */
    DeliveryResult deliver(Notification notification);
}
