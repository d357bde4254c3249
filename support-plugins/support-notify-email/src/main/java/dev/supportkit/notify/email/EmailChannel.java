package dev.supportkit.notify.email;

import dev.supportkit.api.request.Channel;
import dev.supportkit.notify.email.smtp.MailAddresses;
import dev.supportkit.notify.email.smtp.MailDelivery;
import dev.supportkit.notify.email.smtp.SmtpSecurity;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each notification as one e-mail (see {@link EmailContent}) through an {@link SmtpSender}. An
 * address that is not exactly one mailbox fails permanently without contacting the server.
 */
final class EmailChannel implements NotificationChannel {
    private static final Logger LOG = LoggerFactory.getLogger(EmailChannel.class);

    private final SmtpSender sender;

    EmailChannel(SmtpSender sender) {
        this.sender = sender;
        LOG.info("E-mail channel ready: {}", sender.settings());
        if (sender.settings().security() == SmtpSecurity.NONE && sender.settings().username().isPresent()) {
            LOG.warn("E-mail channel: security=none sends the SMTP password unencrypted to {}",
                    sender.settings().host());
        }
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public DeliveryResult deliver(Notification notification) {
        return MailDelivery.attempt(EmailChannelFactory.ID, notification, this::deliverNow);
    }

    private DeliveryResult deliverNow(Notification notification) {
        InternetAddress recipient;
        try {
            recipient = MailAddresses.parseMailbox(notification.address());
        } catch (AddressException e) {
            String detail = "invalid e-mail address '" + MailAddresses.forDisplay(notification.address()) + "': " + e.getMessage();
            LOG.warn("{}: {}", EmailChannelFactory.ID, detail);
            return new DeliveryResult(Outcome.PERMANENT_FAILURE, detail);
        }
        return sender.send(recipient, notification.idempotencyKey(), message -> EmailContent.write(message,
                notification.subject(), notification.body(), notification.locale(), notification.attachments()));
    }

    @Override
    public String toString() {
        return "EmailChannel[" + sender.settings() + "]";
    }
}
