package dev.supportkit.inbound.email;

import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.inbound.InboundSource;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.spi.settings.Setting;
import java.util.List;

/**
 * The {@code inbound-email} source: watches IMAP mailboxes and registers each new message as a contact (EMAIL, or
 * FAX for messages from the configured e-mail-to-fax gateway) through the public intake API. Settings
 * {@code supportkit.providers.inbound-email.*}: {@code tenant} (required), {@code mailboxes} and per mailbox
 * {@code mailbox.<name>.host}, {@code .port}, {@code .security}, {@code .username}, {@code .password} (secret),
 * {@code .folder}; the rules for unknown senders, loops and faxes (see the README). Found through
 * {@code META-INF/services} or as the PF4J plugin {@code supportkit-inbound-email}.
 */
public final class InboundEmailSourceFactory implements InboundSourceFactory {
    /** The id configuration selects this source by. */
    public static final String ID = "inbound-email";

    /** Creates the factory; the engine finds it through {@code META-INF/services}. */
    public InboundEmailSourceFactory() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Setting<?>> settings() {
        return InboundEmailSettings.DOCUMENTED;
    }

    /**
     * Checks the settings and creates the source; it connects when the engine starts it.
     *
     * @param context the engine's clock, node id, provider state and this source's settings
     * @return the source
     * @throws dev.supportkit.api.error.ConfigurationException listing every bad setting
     */
    @Override
    public InboundSource create(ProviderContext context) {
        return new InboundEmailSource(InboundEmailSettings.parse(context.settings()), context);
    }
}
