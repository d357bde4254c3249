package dev.supportkit.spi.notification;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.Provider;

/**
 * Delivers messages over one channel: a built-in one (e-mail, SMS, webhook, phone, fax) or the plugin's
 * own, declared by its id, e.g. {@code Channel.of("telegram")}. Contact points naming that channel are
 * then accepted, and messages to them are routed to this provider.
 */
public interface NotificationChannel extends Provider {
    /**
     * Returns the channel this provider delivers on: a {@link Channel} constant or the plugin's own
     * {@link Channel#of(String) channel id}.
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
