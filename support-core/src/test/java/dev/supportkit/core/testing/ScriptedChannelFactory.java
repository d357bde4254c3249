package dev.supportkit.core.testing;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A channel that records what it is given and answers with scripted outcomes (then DELIVERED). */
public final class ScriptedChannelFactory implements NotificationChannelFactory {
    private final String id;
    private final Channel channel;
    private final Deque<DeliveryResult> script = new ArrayDeque<>();
    /** Every notification handed to the channel, in order. */
    public final List<Notification> received = new CopyOnWriteArrayList<>();
    /** The context the engine created the channel with, once it did. */
    public volatile ProviderContext context;

    /**
     * @param id      the factory id
     * @param channel the channel it delivers on
     */
    public ScriptedChannelFactory(String id, Channel channel) {
        this.id = id;
        this.channel = channel;
    }

    /**
     * @param outcome the outcome of the next delivery
     * @param detail  what the channel says
     * @return this factory
     */
    public synchronized ScriptedChannelFactory then(DeliveryResult.Outcome outcome, String detail) {
        script.add(new DeliveryResult(outcome, detail));
        return this;
    }

    private synchronized DeliveryResult next() {
        return script.isEmpty() ? DeliveryResult.delivered("250 OK") : script.poll();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public NotificationChannel create(ProviderContext context) {
        this.context = context;
        return new NotificationChannel() {
            @Override
            public Channel channel() {
                return channel;
            }

            @Override
            public DeliveryResult deliver(Notification notification) {
                received.add(notification);
                return next();
            }
        };
    }
}
