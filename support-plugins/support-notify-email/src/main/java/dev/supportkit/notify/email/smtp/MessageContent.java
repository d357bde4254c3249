package dev.supportkit.notify.email.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Fills in what a channel puts into a message: the subject and the body parts. The
 * {@link SmtpSender} has already set the sender, the recipient, the date, the Message-ID and the
 * idempotency header, and must not have them changed.
 */
@FunctionalInterface
public interface MessageContent {
    /**
     * Writes the subject and content into the message.
     *
     * @param message the message being composed
     * @throws MessagingException when the content cannot be set
     */
    void writeTo(MimeMessage message) throws MessagingException;
}
