package dev.supportkit.notify.fax;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.notify.email.smtp.MailClassLoader;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.notify.email.smtp.SmtpSettings;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code fax} channel: each notification (its address a fax number such as {@code +74951234567})
 * is rendered to an A4 PDF and e-mailed as an attachment to an e-mail-to-fax gateway. Its settings are
 * the keys {@code supportkit.providers.fax.*}: {@value #GATEWAY_ADDRESS} (required), the address
 * template with {@code {number}} where the number's digits go, e.g. {@code {number}@efax.provider.ru};
 * and the SMTP keys described in {@link SmtpSettings} ({@code host} and {@code from} required). Unknown
 * keys and bad values are reported together in one {@link ConfigurationException}.
 */
public final class FaxChannelFactory implements NotificationChannelFactory {
    /** The id configuration selects this channel by. */
    public static final String ID = "fax";
    /** Key of the gateway's address template. */
    public static final String GATEWAY_ADDRESS = "gateway-address";

    /** The prefix of every key, for messages. */
    static final String PREFIX = "supportkit.providers." + ID + ".";

    /** Every key the channel understands. */
    static final Set<String> KEYS;

    static {
        Set<String> keys = new LinkedHashSet<>(List.of(GATEWAY_ADDRESS));
        keys.addAll(SmtpSettings.KEYS);
        KEYS = Collections.unmodifiableSet(keys);
    }

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public FaxChannelFactory() {
    }

    @Override
    public String id() {
        return ID;
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
        List<String> problems = new ArrayList<>();
        SmtpSettings.reportUnknownKeys(PREFIX, context.settings(), KEYS, problems);
        Optional<GatewayAddress> gateway = GatewayAddress.read(PREFIX + GATEWAY_ADDRESS,
                context.settings().get(GATEWAY_ADDRESS), problems);
        Optional<SmtpSettings> smtp = SmtpSettings.read(PREFIX, context.settings(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
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
