package dev.supportkit.spi.notification;

import dev.supportkit.spi.ProviderFactory;

/** Creates a notification channel. Every discovered channel factory is started. */
public interface NotificationChannelFactory extends ProviderFactory<NotificationChannel> {
}
