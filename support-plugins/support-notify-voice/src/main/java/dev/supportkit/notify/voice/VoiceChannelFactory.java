package dev.supportkit.notify.voice;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * The {@code voice} channel: each notification is one call originated through Asterisk's manager
 * interface (AMI). Its settings are the keys {@code supportkit.providers.voice.*}:
 * <ul>
 *   <li>{@code host} (required), {@code port} (5038): the AMI.</li>
 *   <li>{@code username}, {@code secret} (both required): the AMI user (needs {@code write=originate};
 *       {@code read=system} lets the library read the Asterisk version at once). The secret never
 *       leaves the process (MD5 challenge login) and never appears in a log, a message or a
 *       {@code toString}.</li>
 *   <li>{@code channel-template} (required): the channel to dial, e.g. {@code PJSIP/{number}@trunk};
 *       {@code {number}} is the number's digits, {@code {e164}} the number with its {@code +}.</li>
 *   <li>{@code context} (required), {@code priority} (1): where the answered call continues.</li>
 *   <li>{@code mode}: {@code tts} (default) continues at {@code extension}, a dialplan that speaks
 *       {@code ${SUPPORTKIT_TEXT}}; {@code operator} continues at {@code operator-extension}, which
 *       connects the callee to an operator.</li>
 *   <li>{@code caller-id}: the caller id shown to the callee, e.g. {@code "Support" <+74951234567>}.</li>
 *   <li>{@code timeout-ms} (10000): connect, login and response time allowed beyond the ringing.</li>
 *   <li>{@code ring-timeout-ms} (30000): how long the callee's phone rings.</li>
 * </ul>
 * Unknown keys and bad values are reported together in one
 * {@link dev.supportkit.api.error.ConfigurationException}.
 */
public final class VoiceChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "voice";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public VoiceChannelFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return VoiceSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the channel. Does not connect: every delivery opens its own AMI
     * session.
     *
     * @param context the engine's clock, node id, codec and this channel's settings
     * @return the channel
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public NotificationChannel create(ProviderContext context) {
        return new AmiVoiceChannel(VoiceSettings.parse(context.settings()));
    }
}
