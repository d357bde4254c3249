package dev.supportkit.notify.sms;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.settings.Setting;
import java.util.List;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;

/**
 * The {@code sms} channel: SMS through an SMSC over SMPP 3.4. Its settings are the keys
 * {@code supportkit.providers.sms.*}:
 * <ul>
 *   <li>{@code host} (required), {@code port} (2775): the SMSC.</li>
 *   <li>{@code system-id} (required, at most 15 characters), {@code password} (at most 8 characters),
 *       {@code system-type} (at most 12 characters): the bind credentials. The password never appears in
 *       a log, a message or a {@code toString}.</li>
 *   <li>{@code source-address}: the sender, {@code +}digits (international), digits (a short code) or
 *       up to 11 letters and digits (an alphanumeric sender name); empty lets the SMSC choose.</li>
 *   <li>{@code bind-timeout-ms} (10000): how long to wait for the connection and the bind response.</li>
 *   <li>{@code submit-timeout-ms} (10000): how long to wait for each {@code submit_sm_resp}.</li>
 *   <li>{@code enquire-link-ms} (30000): how often an idle session is checked with {@code enquire_link}.</li>
 * </ul>
 * The channel binds lazily on the first delivery and binds again when the session was dropped.
 * Unknown keys and bad values are reported together in one
 * {@link dev.supportkit.api.error.ConfigurationException}.
 */
public final class SmsChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "sms";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public SmsChannelFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return SmsSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the channel. Does not connect: the first delivery binds.
     *
     * @param context the engine's clock, node id, codec and this channel's settings
     * @return the channel
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public NotificationChannel create(ProviderContext context) {
        return new SmppSmsChannel(SmsSettings.parse(context.settings()));
    }
}
