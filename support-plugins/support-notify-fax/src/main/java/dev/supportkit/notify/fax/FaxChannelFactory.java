package dev.supportkit.notify.fax;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.notify.email.smtp.MailClassLoader;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.notify.email.smtp.SmtpSettings;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import dev.supportkit.spi.settings.Setting;
import dev.supportkit.spi.settings.SettingsReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code fax} channel: each notification (its address a fax number such as {@code +74951234567})
 * is rendered to an A4 PDF and e-mailed as an attachment to an e-mail-to-fax gateway. Its settings are
 * the keys {@code supportkit.providers.fax.*}: {@code gateway-address} (required), the address
 * template with {@code {number}} where the number's digits go, e.g. {@code {number}@efax.provider.ru};
 * and the SMTP keys described in {@link SmtpSettings} ({@code host} and {@code from} required). Unknown
 * keys and bad values are reported together in one {@link ConfigurationException}.
 */
public final class FaxChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "fax";
    /** The gateway's address template. */
    public static final Setting<String> GATEWAY_ADDRESS = Setting.string("gateway-address").required()
            .description("the gateway's address with {number} where the fax number's digits go, e.g. "
                    + "{number}@efax.provider.ru").build();

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + ID + ".";

    /** Every setting the channel reads: the gateway, then the SMTP settings of the e-mail channel. */
    static final List<Setting<?>> SETTINGS = Stream.concat(Stream.of(GATEWAY_ADDRESS),
            SmtpSettings.SETTINGS.stream()).collect(Collectors.toUnmodifiableList());

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public FaxChannelFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    /**
     * Checks the settings, loads the fonts and creates the channel. Nothing is contacted.
     *
     * @param context the engine's clock, node id, codec and this channel's settings
     * @return the channel
     * @throws ConfigurationException listing every bad setting
     * @throws ProviderException      if the fonts are missing from the class path
     */
    @Override
    public NotificationChannel create(ProviderContext context) {
        return MailClassLoader.call(() -> createChannel(context));
    }

    private NotificationChannel createChannel(ProviderContext context) {
        SettingsReader reader = SettingsReader.of(PREFIX, context.settings(), SETTINGS);
        List<String> gatewayProblems = new ArrayList<>();
        String template = reader.get(GATEWAY_ADDRESS);
        Optional<GatewayAddress> gateway = template == null ? Optional.empty()
                : GatewayAddress.read(reader.key(GATEWAY_ADDRESS), Optional.of(template), gatewayProblems);
        gatewayProblems.forEach(reader::report);
        Optional<SmtpSettings> smtp = SmtpSettings.read(reader);
        reader.throwIfProblems();
        FaxRenderer renderer;
        try {
            renderer = new FaxRenderer(context.clock());
        } catch (UncheckedIOException e) {
            throw new ProviderException(ID, e.getMessage(), e);
        }
        return new FaxChannel(new SmtpSender(ID, smtp.orElseThrow(), context.clock()), gateway.orElseThrow(),
                renderer);
    }
}
