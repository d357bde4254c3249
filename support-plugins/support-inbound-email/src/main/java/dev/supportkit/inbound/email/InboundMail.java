package dev.supportkit.inbound.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message as the source reads it: who sent it, what it answers, whether it is noise, its text and files.
 *
 * @param messageId   its Message-ID, if it has one
 * @param from        the sender's address in lower case, if any
 * @param subject     the subject, encoded words decoded
 * @param references  the Message-IDs it answers ({@code In-Reply-To}, then {@code References})
 * @param noise       why it is no contact (auto-reply, list mail, report, own message), or empty for a contact
 * @param bounces     the failed recipients a delivery report names (else, in a delivery report naming no
 *                    recipient, the returned message's {@code To})
 * @param returned    the headers of the message a delivery report returns, if it returns one
 * @param text        the new words of its body (HTML reduced, history trimmed)
 * @param attachments its files
 * @param receivedAt  when it arrived (the server's INTERNALDATE, else its Date), whole seconds
 * @param message     the message, for headers the caller reads itself
 */
record InboundMail(Optional<String> messageId, Optional<String> from, String subject, List<String> references,
                   Optional<String> noise, List<Bounce> bounces, Optional<Returned> returned, String text,
                   List<FilePart> attachments, Instant receivedAt, MimeMessage message) {

    /**
     * One failed recipient of a delivery status notification.
     *
     * @param address    the recipient's address, lower case
     * @param status     the status code, e.g. {@code 5.1.1}
     * @param diagnostic the remote server's words, if given
     */
    record Bounce(String address, String status, String diagnostic) {
    }

    /**
     * The message a delivery report returns ({@code message/rfc822} or {@code text/rfc822-headers}), by its headers.
     *
     * @param messageId      its Message-ID, if any
     * @param idempotencyKey its {@code X-SupportKit-Idempotency-Key}, if SupportKit's e-mail channel sent it
     * @param to             its {@code To} addresses, lower case
     */
    record Returned(Optional<String> messageId, Optional<String> idempotencyKey, List<String> to) {
        /**
         * Tells whether SupportKit sent the returned message: it carries SupportKit's idempotency header, or its
         * Message-ID is in one of SupportKit's domains.
         *
         * @param ownDomains Message-ID domains of SupportKit's own messages
         * @return whether the report concerns a message SupportKit sent
         */
        boolean sentBySupportKit(java.util.Set<String> ownDomains) {
            return idempotencyKey.isPresent() || messageId.map(id -> ownDomain(id, ownDomains)).orElse(false);
        }
    }

    /**
     * A file of the message; its content is read from the server when opened.
     *
     * @param name        the file name
     * @param contentType its media type without parameters
     * @param part        the MIME part
     */
    record FilePart(String name, String contentType, Part part) {
        InputStream open() throws IOException, MessagingException {
            return part.getInputStream();
        }
    }

    /**
     * Returns this message with another arrival time.
     *
     * @param value the arrival time
     * @return a copy
     */
    InboundMail withReceivedAt(Instant value) {
        return new InboundMail(messageId, from, subject, references, noise, bounces, returned, text, attachments, value,
                message);
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern FIELD = Pattern.compile("^([A-Za-z-]+):\\s*(.*)$");

    /**
     * Reads a message.
     *
     * @param message     the message as fetched
     * @param internalDate when the server received it (IMAP INTERNALDATE), if known
     * @param now         the engine clock's time: a later arrival time is taken as now
     * @param ownDomains  Message-ID domains of SupportKit's own messages
     * @param ownAddresses addresses SupportKit sends from
     * @return the message
     * @throws MessagingException when the server fails or the message cannot be parsed
     * @throws IOException        when a part cannot be read
     */
    static InboundMail read(MimeMessage message, Date internalDate, Instant now, java.util.Set<String> ownDomains,
                            java.util.Set<String> ownAddresses) throws MessagingException, IOException {
        Optional<String> messageId = Optional.ofNullable(message.getMessageID()).map(String::strip)
                .filter(s -> !s.isEmpty());
        Optional<String> from = firstAddress(message.getFrom());
        String subject = Optional.ofNullable(message.getSubject()).map(String::strip).orElse("");
        List<String> references = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher m = MESSAGE_ID.matcher(value);
                while (m.find()) {
                    if (!references.contains(m.group())) {
                        references.add(m.group());
                    }
                }
            }
        }
        Body body = new Body();
        body.walk(message, true);
        Optional<String> noise = noise(message, messageId, from, body, ownDomains, ownAddresses);
        String text = body.html && body.text.isEmpty() ? "" : body.text.toString();
        if (body.text.isEmpty() && body.htmlText != null) {
            text = MailText.htmlToText(body.htmlText);
        }
        Date arrived = Optional.ofNullable(internalDate).orElse(message.getSentDate());
        Instant receivedAt = arrived == null || arrived.toInstant().isAfter(now) ? now : arrived.toInstant();
        if (body.statusRecipients == 0 && body.statusRead && body.returned != null) {
            // a report that names no recipient: the returned message's addressees are the ones it failed for
            body.returned.to().forEach(to -> body.bounces.add(new Bounce(to, "5.0.0",
                    "the report names no recipient; the returned message's To")));
        }
        return new InboundMail(messageId, from, subject, List.copyOf(references), noise, List.copyOf(body.bounces),
                Optional.ofNullable(body.returned), MailText.trimQuoted(text), List.copyOf(body.files), receivedAt.truncatedTo(ChronoUnit.SECONDS),
                message);
    }

    /** Why a message is no contact: loops and machine mail. */
    private static Optional<String> noise(MimeMessage message, Optional<String> messageId, Optional<String> from,
                                          Body body, java.util.Set<String> ownDomains,
                                          java.util.Set<String> ownAddresses) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", ",");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return Optional.of("Auto-Submitted: " + autoSubmitted.strip());
        }
        String precedence = message.getHeader("Precedence", ",");
        if (precedence != null && List.of("bulk", "junk", "list", "auto_reply")
                .contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("Precedence: " + precedence.strip());
        }
        if (message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null) {
            return Optional.of("auto-reply header");
        }
        if (message.getHeader("X-SupportKit-Idempotency-Key") != null) {
            return Optional.of("sent by SupportKit (X-SupportKit-Idempotency-Key)");
        }
        if (messageId.isPresent() && ownDomain(messageId.get(), ownDomains)) {
            return Optional.of("SupportKit's own Message-ID " + messageId.get());
        }
        if (from.isPresent() && ownAddresses.contains(from.get())) {
            return Optional.of("sent from SupportKit's own address " + from.get());
        }
        if (body.report != null) {
            return Optional.of("report (" + body.report + ")");
        }
        if (from.isPresent() && from.get().startsWith("mailer-daemon@")) {
            return Optional.of("from " + from.get());
        }
        return Optional.empty();
    }

    /** Whether a Message-ID is in one of SupportKit's own domains. */
    private static boolean ownDomain(String messageId, java.util.Set<String> ownDomains) {
        String id = messageId.toLowerCase(Locale.ROOT);
        int at = id.lastIndexOf('@');
        return at > 0 && ownDomains.contains(id.substring(at + 1).replace(">", ""));
    }

    private static Optional<String> firstAddress(Address[] addresses) {
        if (addresses == null) {
            return Optional.empty();
        }
        return Arrays.stream(addresses).filter(InternetAddress.class::isInstance).map(InternetAddress.class::cast)
                .map(InternetAddress::getAddress).filter(a -> a != null && !a.isBlank())
                .map(a -> a.strip().toLowerCase(Locale.ROOT)).findFirst();
    }

    /** Collects the text, the files and a report's failed recipients from a MIME tree. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private String htmlText;
        private boolean html;
        private String report;
        private final List<Bounce> bounces = new ArrayList<>();
        private boolean statusRead;
        private int statusRecipients;
        private Returned returned;
        private final List<FilePart> files = new ArrayList<>();

        void walk(Part part, boolean top) throws MessagingException, IOException {
            ContentType type = contentType(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            String name = fileName(part);
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null && !top;
            if (base.startsWith("multipart/")) {
                if (base.equals("multipart/report")) {
                    report = Optional.ofNullable(type.getParameter("report-type")).orElse("unknown");
                }
                Multipart multipart = (Multipart) part.getContent();
                if (base.equals("multipart/alternative")) {
                    walkAlternative(multipart);
                    return;
                }
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), false);
                }
            } else if (base.equals("message/delivery-status")) {
                readStatus(part);
            } else if (report != null && returned == null && (base.equals("message/rfc822")
                    || base.equals("text/rfc822-headers"))) {
                readReturned(part);
            } else if (!attachment && base.equals("text/plain") && text.isEmpty()) {
                text.append(content(part));
            } else if (!attachment && base.equals("text/html") && htmlText == null) {
                html = true;
                htmlText = content(part);
            } else if (attachment || !base.startsWith("text/")) {
                files.add(new FilePart(name == null ? defaultName(base) : name, base, part));
            }
        }

        private void walkAlternative(Multipart multipart) throws MessagingException, IOException {
            BodyPart chosen = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart candidate = multipart.getBodyPart(i);
                String base = contentType(candidate).getBaseType().toLowerCase(Locale.ROOT);
                if (base.equals("text/plain") || chosen == null && (base.equals("text/html")
                        || base.startsWith("multipart/"))) {
                    chosen = candidate;
                }
            }
            if (chosen != null) {
                walk(chosen, false);
            }
        }

        private void readStatus(Part part) throws MessagingException, IOException {
            String status;
            try (InputStream in = part.getInputStream()) {
                status = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            statusRead = true;
            // Per-recipient fields come in blocks separated by blank lines; the first block is per message.
            for (String block : status.replace("\r\n", "\n").split("\n\\s*\n")) {
                String finalRecipient = null;
                String originalRecipient = null;
                String action = "";
                String code = "";
                String diagnostic = "";
                for (String line : block.split("\n")) {
                    Matcher m = FIELD.matcher(line.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    String field = m.group(1).toLowerCase(Locale.ROOT);
                    String value = m.group(2).strip();
                    switch (field) {
                        case "final-recipient" -> finalRecipient = address(value);
                        case "original-recipient" -> originalRecipient = address(value);
                        case "action" -> action = value.toLowerCase(Locale.ROOT);
                        case "status" -> code = value;
                        case "diagnostic-code" -> diagnostic = value;
                        default -> { }
                    }
                }
                // the address SupportKit sent to: the original one when a forward changed it on the way
                String recipient = originalRecipient != null ? originalRecipient : finalRecipient;
                if (recipient != null) {
                    statusRecipients++;
                }
                if (recipient != null && (action.equals("failed") || code.startsWith("5"))) {
                    bounces.add(new Bounce(recipient.toLowerCase(Locale.ROOT), code, diagnostic));
                }
            }
        }

        /** An address field's value without its type: {@code rfc822; a@b.example} is {@code a@b.example}. */
        private static String address(String value) {
            return value.contains(";") ? value.substring(value.indexOf(';') + 1).strip() : value;
        }

        /** Reads the headers of the message a report returns. */
        private void readReturned(Part part) throws MessagingException, IOException {
            InternetHeaders headers;
            try (InputStream in = part.getInputStream()) {
                headers = new InternetHeaders(in);
            }
            List<String> to = new ArrayList<>();
            String toHeader = headers.getHeader("To", ",");
            if (toHeader != null) {
                try {
                    for (InternetAddress address : InternetAddress.parseHeader(toHeader, false)) {
                        if (address.getAddress() != null && !address.getAddress().isBlank()) {
                            to.add(address.getAddress().strip().toLowerCase(Locale.ROOT));
                        }
                    }
                } catch (jakarta.mail.internet.AddressException e) {
                    // an unreadable To names no one
                }
            }
            returned = new Returned(Optional.ofNullable(headers.getHeader("Message-ID", null)).map(String::strip),
                    Optional.ofNullable(headers.getHeader("X-SupportKit-Idempotency-Key", null)).map(String::strip),
                    List.copyOf(to));
        }

        private static String content(Part part) throws MessagingException, IOException {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
            try (InputStream in = part.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        private static ContentType contentType(Part part) throws MessagingException {
            try {
                return new ContentType(Optional.ofNullable(part.getContentType()).orElse("text/plain"));
            } catch (ParseException e) {
                return new ContentType("application", "octet-stream", null);
            }
        }

        private static String fileName(Part part) throws MessagingException {
            String name;
            try {
                name = part.getFileName();
            } catch (ParseException e) {
                return null;
            }
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                name = MimeUtility.decodeText(name);
            } catch (UnsupportedEncodingException e) {
                // keep it as it came
            }
            name = name.replace('/', '_').replace('\\', '_').strip();
            return name.length() > 200 ? name.substring(name.length() - 200) : name;
        }

        private static String defaultName(String baseType) {
            return switch (baseType) {
                case "application/pdf" -> "attachment.pdf";
                case "message/rfc822" -> "message.eml";
                default -> "attachment.bin";
            };
        }
    }
}
