package dev.supportkit.notify.fax;

import dev.supportkit.api.request.Channel;
import dev.supportkit.notify.email.smtp.MailAddresses;
import dev.supportkit.notify.email.smtp.MailChannel;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import jakarta.activation.DataHandler;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates the fax number, renders the notification to a PDF ({@link FaxRenderer}) and sends it to
 * the gateway address for the number as the only part of a {@code multipart/mixed} e-mail, named
 * {@code fax-<digits>.pdf}; the e-mail's subject is the notification's subject (or {@code Fax <number>}).
 * An invalid number fails permanently without rendering or contacting the server; so does a
 * notification that cannot be rendered. The SMTP outcome is classified by {@link SmtpSender}.
 */
final class FaxChannel extends MailChannel {
    private static final Logger LOG = LoggerFactory.getLogger(FaxChannel.class);

    private final SmtpSender sender;
    private final GatewayAddress gateway;
    private final FaxRenderer renderer;

    FaxChannel(SmtpSender sender, GatewayAddress gateway, FaxRenderer renderer) {
        super(FaxChannelFactory.ID, Channel.FAX);
        this.sender = sender;
        this.gateway = gateway;
        this.renderer = renderer;
        LOG.info("Fax channel ready: gateway {} through {}", gateway.template(), sender.settings());
    }

    @Override
    protected DeliveryResult deliverNow(Notification notification) {
        FaxNumber number;
        InternetAddress to;
        try {
            number = FaxNumber.parse(notification.address());
            to = gateway.forNumber(number);
        } catch (IllegalArgumentException | AddressException e) {
            return permanentFailure("invalid fax number '" + MailAddresses.forDisplay(notification.address()) + "': "
                    + e.getMessage());
        }
        byte[] pdf;
        try {
            pdf = renderer.render(notification.subject(), notification.body(), notification.locale(),
                    notification.idempotencyKey());
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: rendering the fax for {} failed", FaxChannelFactory.ID, number, e);
            return permanentFailure("the fax for " + number + " cannot be rendered: " + e);
        }
        String subject = notification.subject() == null || notification.subject().isBlank() ? "Fax " + number
                : notification.subject().strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
        String fileName = "fax-" + number.digits() + ".pdf";
        return sender.send(to, notification.idempotencyKey(), message -> {
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
            attachment.setFileName(fileName);
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            message.setContent(new MimeMultipart("mixed", attachment));
            message.setHeader("X-SupportKit-Fax-Number", number.toString());
        });
    }

    @Override
    public String toString() {
        return "FaxChannel[gateway=" + gateway.template() + ", " + sender.settings() + "]";
    }
}
