package dev.supportkit.core.internal.plugin;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;

/**
 * A class path notification channel factory, registered in the test resources'
 * {@code META-INF/services}. Harmless: its channel sends nothing and only echoes the address back.
 */
public class TestClasspathEchoChannelFactory implements NotificationChannelFactory {
    /** The id, distinctive so no real configuration selects it by accident. */
    public static final String ID = "test-classpath-echo";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public NotificationChannel create(ProviderContext context) {
        return new EchoChannel();
    }

    /** Delivers nothing; reports the address as delivered. */
    static final class EchoChannel implements NotificationChannel {
        @Override
        public Channel channel() {
            return Channel.CHAT;
        }

        @Override
        public DeliveryResult deliver(Notification notification) {
            return DeliveryResult.delivered("echo " + notification.address());
        }
    }
}
