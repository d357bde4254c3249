package dev.supportkit.inbound.email;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** Builds the messages the tests deliver. */
final class TestMails {
    static final Session SESSION = Session.getInstance(new Properties());
    /** A PDF's bytes, binary as real ones are (so it travels in base64). */
    static final byte[] PDF = ("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);

    private TestMails() {
    }

    /** A plain-text message with a stable Message-ID. */
    static MimeMessage plain(String messageId, String from, String to, String subject, String text)
            throws MessagingException {
        MimeMessage message = new StableId(messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    /** An HTML message with a PDF attached. */
    static MimeMessage htmlWithPdf(String messageId, String from, String to, String subject, String html,
                                   String fileName) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableId(messageId);
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(html, "text/html; charset=UTF-8");
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf(fileName));
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    static MimeBodyPart pdf(String fileName) throws MessagingException, UnsupportedEncodingException {
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(PDF, "application/pdf")));
        file.setFileName(MimeUtility.encodeText(fileName, "UTF-8", "B"));
        file.setDisposition(MimeBodyPart.ATTACHMENT);
        return file;
    }

    /** A fax as an e-mail-to-fax gateway sends it: a PDF with the sender's number in a header. */
    static MimeMessage fax(String messageId, String gateway, String to, String number, String fileName)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new StableId(messageId);
        message.setFrom(new InternetAddress(gateway));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Fax from " + number, "UTF-8");
        message.setHeader("X-Fax-From", number);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText("1 page received", "UTF-8");
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf(fileName));
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    /** A delivery status notification (RFC 3464) saying delivery to an address failed. */
    static MimeMessage bounce(String messageId, String to, String failed, String token) throws MessagingException {
        MimeMessage message = new StableId(messageId);
        message.setFrom(new InternetAddress("MAILER-DAEMON@mx.romashka.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Delivery to " + failed + " failed permanently. " + token, "UTF-8");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        String fields = "Reporting-MTA: dns; mx.romashka.example\r\n\r\nFinal-Recipient: rfc822; " + failed
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\r\n";
        status.setDataHandler(new DataHandler(new ByteArrayDataSource(fields.getBytes(StandardCharsets.US_ASCII),
                "message/delivery-status")));
        report.addBodyPart(status);
        message.setContent(report);
        message.saveChanges();
        return message;
    }

    /**
     * A delivery status notification (RFC 3464) as a real MTA sends it for a message it could not deliver: the
     * human part, the per-recipient status fields and the returned message.
     *
     * @param messageId  the report's Message-ID
     * @param to         where the report goes (the returned message's sender)
     * @param statusPart the {@code message/delivery-status} fields
     * @param returned   the returned message's bytes: its headers, or the whole message
     * @param returnType {@code text/rfc822-headers} or {@code message/rfc822}
     * @return the report
     * @throws MessagingException when the message cannot be built
     */
    static MimeMessage dsn(String messageId, String to, String statusPart, byte[] returned, String returnType)
            throws MessagingException {
        MimeMessage message = new StableId(messageId);
        message.setFrom(new InternetAddress("MAILER-DAEMON@mx.romashka.example"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Undelivered Mail Returned to Sender");
        message.setHeader("Auto-Submitted", "auto-replied");
        MimeMultipart report = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("This is the mail system at host mx.romashka.example. Your message could not be delivered.",
                "UTF-8");
        report.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        status.setDataHandler(new DataHandler(new ByteArrayDataSource(statusPart.getBytes(StandardCharsets.US_ASCII),
                "message/delivery-status")));
        report.addBodyPart(status);
        MimeBodyPart original = new MimeBodyPart();
        original.setDataHandler(new DataHandler(new ByteArrayDataSource(returned, returnType)));
        report.addBodyPart(original);
        message.setContent(report);
        message.saveChanges();
        return message;
    }

    /**
     * The settings of a source watching GreenMail's mailbox {@code support}/{@code secret} in folder INBOX.
     *
     * @param prefix   put before every key: {@code supportkit.providers.inbound-email.} for an engine, empty for a
     *                 provider context
     * @param imapPort GreenMail's IMAP port
     * @param poll     the poll interval
     * @return the settings, in a map the caller may add to
     */
    static java.util.Map<String, String> mailboxSettings(String prefix, int imapPort, String poll) {
        java.util.Map<String, String> settings = new java.util.LinkedHashMap<>();
        settings.put(prefix + "tenant", "acme");
        settings.put(prefix + "mailbox.inbox.host", "127.0.0.1");
        settings.put(prefix + "mailbox.inbox.port", Integer.toString(imapPort));
        settings.put(prefix + "mailbox.inbox.security", "none");
        settings.put(prefix + "mailbox.inbox.username", "support");
        settings.put(prefix + "mailbox.inbox.password", "secret");
        settings.put(prefix + "poll-interval", poll);
        settings.put(prefix + "lease", "30s");
        return settings;
    }

    /** A MimeMessage that keeps the Message-ID it was given. */
    private static final class StableId extends MimeMessage {
        private final String id;

        StableId(String id) {
            super(SESSION);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
