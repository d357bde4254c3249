package dev.supportkit.notify.email.smtp;

import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one message per call over SMTP, on a new connection each time, and reports the outcome as a
 * {@link DeliveryResult} instead of throwing:
 *
 * <ul>
 *   <li>{@code DELIVERED}: the server accepted the message (250 after DATA); the detail carries its
 *       reply and the Message-ID;</li>
 *   <li>{@code TEMPORARY_FAILURE}: the server cannot be reached, TLS or STARTTLS fails, authentication is
 *       refused (a configuration problem, retried once it is fixed), a time-out, the connection is lost,
 *       or a 4xx reply;</li>
 *   <li>{@code PERMANENT_FAILURE}: a 5xx reply to MAIL FROM, RCPT TO or DATA (e.g. 550 user unknown),
 *       or a message that cannot be composed.</li>
 * </ul>
 *
 * <p>Every message gets a Message-ID derived from the notification's idempotency key
 * ({@code <key@sender-domain>}, sanitised) and an {@value #IDEMPOTENCY_HEADER} header, so every attempt
 * of one notification carries the same identity; its Date header comes from the engine's clock.
 * Details and log lines never contain the password. Sending runs through {@link MailClassLoader}, so
 * Jakarta Mail and Jakarta Activation find their providers inside a plugin class loader too. Thread-safe.
 */
public final class SmtpSender {
    /** The header carrying the notification's idempotency key. */
    public static final String IDEMPOTENCY_HEADER = "X-SupportKit-Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    private static final DateTimeFormatter DATE_HEADER =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss xx", Locale.US);

    private final String channelId;
    private final SmtpSettings settings;
    private final Clock clock;
    private final Session session;
    private final String server;

    /**
     * Creates a sender. Nothing is contacted until {@link #send}.
     *
     * @param channelId the channel's id, for log lines (e.g. {@code email})
     * @param settings  the SMTP settings
     * @param clock     the engine's clock, for the Date header
     */
    public SmtpSender(String channelId, SmtpSettings settings, Clock clock) {
        this.channelId = channelId;
        this.settings = settings;
        this.clock = clock;
        this.session = MailClassLoader.call(() -> Session.getInstance(settings.sessionProperties()));
        this.server = settings.host() + ":" + settings.port();
    }

    /**
     * Returns the settings this sender uses.
     *
     * @return the settings this sender uses
     */
    public SmtpSettings settings() {
        return settings;
    }

    /**
     * Composes one message to one recipient and sends it. Never throws for a delivery failure.
     *
     * @param recipient      the envelope and {@code To} recipient, e.g. from
     *                       {@link MailAddresses#parseMailbox(String)}
     * @param idempotencyKey the notification's idempotency key, or null (then the Message-ID is random)
     * @param content        writes the subject and the body
     * @return the outcome, with the server's reply or the reason in the detail
     */
    public DeliveryResult send(InternetAddress recipient, String idempotencyKey, MessageContent content) {
        return MailClassLoader.call(() -> {
            try {
                String messageId = idempotencyKey == null || idempotencyKey.isEmpty() ? null
                        : MessageIds.messageId(idempotencyKey, MailAddresses.domain(settings.from()));
                MimeMessage message;
                String sentId;
                try {
                    message = compose(recipient, idempotencyKey, messageId, content);
                    sentId = message.getMessageID();
                } catch (MessagingException | RuntimeException e) {
                    return result(Outcome.PERMANENT_FAILURE, recipient,
                            "the message cannot be composed: " + SmtpFailures.describe(e));
                }
                return transmit(message, sentId, recipient);
            } catch (RuntimeException e) {
                LOG.warn("{}: unexpected failure sending to {} through {}", channelId, recipient.getAddress(), server,
                        new ScrubbedException(settings.scrub(e.toString()), e.getStackTrace()));
                return result(Outcome.TEMPORARY_FAILURE, recipient,
                        "unexpected failure: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        });
    }

    private MimeMessage compose(InternetAddress recipient, String key, String messageId, MessageContent content)
            throws MessagingException {
        MimeMessage message = new StableIdMessage(session, messageId);
        message.setFrom(settings.from());
        message.setRecipient(Message.RecipientType.TO, recipient);
        message.setHeader("Date", DATE_HEADER.format(ZonedDateTime.ofInstant(clock.instant(), clock.getZone())));
        if (messageId != null) {
            message.setHeader(IDEMPOTENCY_HEADER, MessageIds.headerValue(key));
        }
        content.writeTo(message);
        message.saveChanges();
        return message;
    }

    private DeliveryResult transmit(MimeMessage message, String messageId, InternetAddress recipient) {
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (NoSuchProviderException e) {
            return result(Outcome.TEMPORARY_FAILURE, recipient,
                    "no SMTP transport available (is angus-mail on the class path?): " + SmtpFailures.describe(e));
        }
        try {
            try {
                transport.connect(settings.host(), settings.port(), settings.username().orElse(null),
                        settings.password().orElse(null));
            } catch (AuthenticationFailedException e) {
                return result(Outcome.TEMPORARY_FAILURE, recipient, "authentication as '"
                        + settings.username().orElse("") + "' refused by " + server + ": " + SmtpFailures.describe(e)
                        + " (check " + SmtpSettings.USERNAME.name() + "/" + SmtpSettings.PASSWORD.name() + ")");
            } catch (MessagingException e) {
                return result(Outcome.TEMPORARY_FAILURE, recipient, "cannot connect to " + server + " ("
                        + settings.security().settingValue() + "): " + SmtpFailures.describe(e));
            }
            try {
                transport.sendMessage(message, new Address[] {recipient});
            } catch (MessagingException e) {
                Optional<SmtpFailures.Reply> reply = SmtpFailures.reply(e);
                Outcome outcome = SmtpFailures.outcome(reply);
                String detail = reply.map(r -> r.command() + " refused by " + server + ": " + r.text())
                        .orElseGet(() -> "sending through " + server + " failed: " + SmtpFailures.describe(e));
                return result(outcome, recipient, detail);
            }
            String response = transport instanceof SMTPTransport smtp
                    ? SmtpFailures.oneLine(smtp.getLastServerResponse()) : "accepted";
            return result(Outcome.DELIVERED, recipient, "accepted by " + server + ": " + response + " (Message-ID "
                    + messageId + ")");
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("{}: closing the connection to {} failed: {}", channelId, server,
                        settings.scrub(SmtpFailures.describe(e)));
            }
        }
    }

    private DeliveryResult result(Outcome outcome, InternetAddress recipient, String detail) {
        String safe = settings.scrub(detail);
        switch (outcome) {
            case DELIVERED -> LOG.debug("{}: delivered to {}: {}", channelId, recipient.getAddress(), safe);
            case TEMPORARY_FAILURE -> LOG.warn("{}: delivery to {} failed for now: {}", channelId,
                    recipient.getAddress(), safe);
            case PERMANENT_FAILURE -> LOG.warn("{}: delivery to {} failed permanently: {}", channelId,
                    recipient.getAddress(), safe);
        }
        return new DeliveryResult(outcome, safe);
    }

    @Override
    public String toString() {
        return "SmtpSender[" + channelId + ", " + settings + "]";
    }

    /** Keeps the Message-ID it was given instead of generating a new one on every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String messageId;

        StableIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }

    /** Carries an unexpected failure's text, scrubbed, to the log without its original (unscrubbed) message. */
    private static final class ScrubbedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScrubbedException(String message, StackTraceElement[] stackTrace) {
            super(message, null, false, true);
            setStackTrace(stackTrace);
        }
    }
}
