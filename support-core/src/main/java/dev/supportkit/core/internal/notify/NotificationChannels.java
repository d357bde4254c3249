package dev.supportkit.core.internal.notify;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.NotificationChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The notification channels this engine started, by the channel they deliver on: a built-in one or a
 * channel a plugin declared. When two plugins deliver on one channel, the one whose factory id sorts
 * first is used.
 */
public final class NotificationChannels {
    private final Map<Channel, NotificationChannel> byChannel = new HashMap<>();

    /**
     * @param started the started channels by factory id, sorted by id
     */
    public NotificationChannels(Map<String, NotificationChannel> started) {
        started.values().forEach(channel -> byChannel.putIfAbsent(channel.channel(), channel));
    }

    /**
     * @param channel a channel
     * @return the provider delivering on it, if one was started
     */
    public Optional<NotificationChannel> on(Channel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    /**
     * @param channel a channel
     * @return whether a started provider delivers on it
     */
    public boolean delivers(Channel channel) {
        return byChannel.containsKey(channel);
    }
}
