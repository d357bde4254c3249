package dev.supportkit.notify.email;

import dev.supportkit.api.request.Channel;
import dev.supportkit.notify.email.smtp.MailAddresses;
import dev.supportkit.notify.email.smtp.MailChannel;
import dev.supportkit.notify.email.smtp.SmtpSecurity;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each notification as one e-mail (see {@link EmailContent}) through an {@link SmtpSender}. An
 * address that is not exactly one mailbox fails permanently without contacting the server.
 */
final class EmailChannel extends MailChannel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final SmtpSender sender;

    EmailChannel(SmtpSender sender) {
        super(EmailChannelFactory.ID, Channel.EMAIL);
        this.sender = sender;
        LOG.info("E-mail channel ready: {}", sender.settings());
        if (sender.settings().security() == SmtpSecurity.NONE && sender.settings().username().isPresent()) {
            LOG.warn("E-mail channel: security=none sends the SMTP password unencrypted to {}",
                    sender.settings().host());
        }
    }

    @Override
    protected DeliveryResult deliverNow(Notification notification) {
        InternetAddress recipient;
        try {
            recipient = MailAddresses.parseMailbox(notification.address());
        } catch (AddressException e) {
            return permanentFailure("invalid e-mail address '" + MailAddresses.forDisplay(notification.address())
                    + "': " + e.getMessage());
        }
        return sender.send(recipient, notification.idempotencyKey(), message -> EmailContent.write(message,
                notification.subject(), notification.body(), notification.locale(), notification.attachments()));
    }

    @Override
    public String toString() {
        return "EmailChannel[" + sender.settings() + "]";
    }
}
