package dev.supportkit.core.notify;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.NotificationChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The notification channels this engine started, by the channel they deliver on. When two plugins
 * deliver on one channel, the one whose factory id sorts first is used.
 */
public final class NotificationChannels {
    private final Map<Channel, NotificationChannel> byChannel = new EnumMap<>(Channel.class);

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
}
