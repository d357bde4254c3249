package dev.supportkit.notify.email;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.notify.email.smtp.MailClassLoader;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.notify.email.smtp.SmtpSettings;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.Optional;

/**
 * The {@code email} channel: each notification becomes one UTF-8 e-mail sent over SMTP. Its settings
 * are the keys {@code supportkit.providers.email.*} described in {@link SmtpSettings} ({@code host} and
 * {@code from} are required). Unknown keys and bad values are reported together in one
 * {@link ConfigurationException}. Nothing is contacted on creation: the server is reached on each
 * delivery.
 */
public final class EmailChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "email";

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + ID + ".";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public EmailChannelFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return SmtpSettings.SETTINGS;
    }

    /**
     * Checks the settings and creates the channel.
     *
     * @param context the engine's clock, node id, codec and this channel's settings
     * @return the channel
     * @throws ConfigurationException listing every bad setting
     */
    @Override
    public NotificationChannel create(ProviderContext context) {
        return MailClassLoader.call(() -> createChannel(context));
    }

    private NotificationChannel createChannel(ProviderContext context) {
        SettingsReader reader = SettingsReader.of(PREFIX, context.settings(), SmtpSettings.SETTINGS);
        Optional<SmtpSettings> settings = SmtpSettings.read(reader);
        reader.throwIfProblems();
        return new EmailChannel(new SmtpSender(ID, settings.orElseThrow(), context.clock()));
    }
}
