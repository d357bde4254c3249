package dev.supportkit.inbound.email;

import dev.supportkit.inbound.email.InboundEmailSettings.Security;
import dev.supportkit.inbound.email.InboundEmailSettings.SmtpReply;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a message from an unknown sender, once, marked {@code Auto-Submitted: auto-replied} so that no
 * well-behaved responder answers back (and this source ignores answers to it).
 */
final class RejectReplies {
    private static final Logger LOG = LoggerFactory.getLogger(RejectReplies.class);
    /** The reply's text, in Russian and English. */
    static final String TEXT = "Здравствуйте! Ваш адрес не найден среди контактов наших клиентов, поэтому письмо "
            + "не зарегистрировано как обращение. Пожалуйста, напишите с адреса, указанного в договоре, или позвоните "
            + "в службу поддержки.\n\nHello! Your address is not among our customers' contacts, so your message was "
            + "not registered as a request. Please write from the address named in your contract, or call support.";

    private final SmtpReply smtp;
    private final Session session;

    RejectReplies(SmtpReply smtp) {
        this.smtp = smtp;
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", Integer.toString(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "10000");
        properties.put("mail.smtp.auth", Boolean.toString(smtp.username().isPresent()));
        if (smtp.security() == Security.SSL) {
            properties.put("mail.smtp.ssl.enable", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        } else if (smtp.security() == Security.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
            properties.put("mail.smtp.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends the refusal to the message's sender; a failure is logged, never thrown (the message is refused
     * either way).
     *
     * @param mail the refused message
     */
    void refuse(InboundMail mail) {
        if (mail.from().isEmpty()) {
            return;
        }
        try {
            MimeMessage reply = new MimeMessage(session);
            reply.setFrom(new InternetAddress(smtp.from()));
            reply.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.from().get()));
            reply.setSubject("Re: " + mail.subject(), StandardCharsets.UTF_8.name());
            reply.setHeader("Auto-Submitted", "auto-replied");
            if (mail.messageId().isPresent()) {
                reply.setHeader("In-Reply-To", mail.messageId().get());
                reply.setHeader("References", mail.messageId().get());
            }
            reply.setText(TEXT, StandardCharsets.UTF_8.name());
            if (smtp.username().isPresent()) {
                Transport.send(reply, smtp.username().get(), smtp.password().orElse(""));
            } else {
                Transport.send(reply);
            }
        } catch (MessagingException e) {
            LOG.warn("The refusal to {} could not be sent through {}:{}: {}", mail.from().get(), smtp.host(),
                    smtp.port(), e.getMessage());
        }
    }
}
