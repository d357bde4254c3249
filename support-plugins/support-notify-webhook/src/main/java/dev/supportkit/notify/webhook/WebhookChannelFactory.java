package dev.supportkit.notify.webhook;

import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;
import java.util.Objects;

/**
 * The {@code webhook} channel: each notification is an HMAC-SHA256-signed JSON POST to the URL in its
 * address. Its settings are the keys {@code supportkit.providers.webhook.*}:
 * <ul>
 *   <li>{@code secret} (required, at least 16 characters): the shared secret the requests are signed
 *       with; it never appears in a log, a message or a {@code toString}.</li>
 *   <li>{@code timeout-ms} (10000): the connect timeout and the time allowed for the response.</li>
 *   <li>{@code user-agent} ({@code SupportKit-Webhook/1}): the User-Agent header.</li>
 *   <li>{@code channel}: the {@link Channel} this provider reports; by default the one given to the
 *       constructor, {@link #DEFAULT_CHANNEL} for the no-argument constructor.</li>
 * </ul>
 * Receivers verify requests with {@link WebhookSignature}. Unknown keys and bad values are reported
 * together in one {@link dev.supportkit.api.error.ConfigurationException}.
 */
public final class WebhookChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "webhook";
    /** The channel reported when neither the constructor nor the {@code channel} setting names one. */
    public static final Channel DEFAULT_CHANNEL = Channel.WEBHOOK;

    private final Channel channel;

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public WebhookChannelFactory() {
        this(DEFAULT_CHANNEL);
    }

    /**
     * Creates a factory whose channels report the given channel unless the {@code channel} setting
     * names another (for explicit registration on the engine builder).
     *
     * @param channel the channel the created providers report
     */
    public WebhookChannelFactory(Channel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return WebhookSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the channel.
     *
     * @param context the engine's clock (the source of the timestamp and {@code sentAt}), node id, codec
     *                and this channel's settings
     * @return the channel
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public NotificationChannel create(ProviderContext context) {
        return new WebhookChannel(WebhookSettings.parse(context.settings(), channel), context.clock());
    }
}
