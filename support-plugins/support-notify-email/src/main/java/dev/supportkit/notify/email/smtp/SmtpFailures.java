package dev.supportkit.notify.email.smtp;

import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Classifies a failed SMTP transaction (MAIL FROM, RCPT TO, DATA) by the server's reply code:
 *
 * <ul>
 *   <li>4xx: temporary;</li>
 *   <li>530, 534, 535, 538 (authentication required or refused): temporary, since it is the channel's
 *       configuration, not the message, that is wrong;</li>
 *   <li>552 to RCPT TO: temporary, as RFC 5321 section 4.5.3.1.10 asks (mailbox over quota);</li>
 *   <li>any other 5xx: permanent (unknown user, relaying denied, message refused);</li>
 *   <li>no reply code (connection lost, time-out): temporary.</li>
 * </ul>
 */
final class SmtpFailures {
    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(530, 534, 535, 538);

    private SmtpFailures() {
    }

    /** A server reply carried by an exception: the code, the reply text and the command it answered. */
    record Reply(int code, String text, String command, boolean recipient) {
        Reply {
            // Angus reports the end of the message data as the command "."
            command = command == null ? "?" : command.equals(".") ? "DATA (end of message)" : command;
        }
    }

    /** The first SMTP reply found in the exception, its next exceptions and causes. */
    static Optional<Reply> reply(Exception failure) {
        for (Throwable t : chain(failure)) {
            if (t instanceof SMTPAddressFailedException e) {
                return Optional.of(new Reply(e.getReturnCode(), oneLine(e.getMessage()), e.getCommand(), true));
            }
            if (t instanceof SMTPSenderFailedException e) {
                return Optional.of(new Reply(e.getReturnCode(), oneLine(e.getMessage()), e.getCommand(), false));
            }
            if (t instanceof SMTPSendFailedException e) {
                return Optional.of(new Reply(e.getReturnCode(), oneLine(e.getMessage()), e.getCommand(), false));
            }
        }
        return Optional.empty();
    }

    /** The outcome of a transaction that failed with this reply (or with none). */
    static Outcome outcome(Optional<Reply> reply) {
        if (reply.isEmpty()) {
            return Outcome.TEMPORARY_FAILURE;
        }
        int code = reply.get().code();
        if (code >= 400 && code < 500 || AUTHENTICATION_CODES.contains(code)
                || code == 552 && reply.get().recipient()) {
            return Outcome.TEMPORARY_FAILURE;
        }
        return code >= 500 && code < 600 ? Outcome.PERMANENT_FAILURE : Outcome.TEMPORARY_FAILURE;
    }

    /**
     * The distinct messages of the exception, its next exceptions and causes, on one line: a Jakarta
     * Mail exception by its message, any other by its simple class name and message.
     */
    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t : chain(failure)) {
            String message = ownMessage(t);
            String part = t instanceof MessagingException && !message.isEmpty() ? message
                    : t.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
            if (parts.stream().noneMatch(p -> p.contains(part))) {
                parts.add(part);
            }
        }
        return String.join("; ", parts);
    }

    /** The exception's message without the nested exception Jakarta Mail appends to it. */
    private static String ownMessage(Throwable t) {
        String message = t.getMessage();
        if (message == null) {
            return "";
        }
        int nested = message.indexOf(";\n  nested exception is:");
        return oneLine(nested < 0 ? message : message.substring(0, nested));
    }

    /** The exception, then its next exceptions (Jakarta Mail) and causes, each once. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> pending = new ArrayList<>(List.of(failure));
        while (!pending.isEmpty() && chain.size() < 20) {
            Throwable t = pending.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            chain.add(t);
            if (t instanceof MessagingException m && m.getNextException() != null) {
                pending.add(m.getNextException());
            }
            pending.add(t.getCause());
        }
        return chain;
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " | ");
    }
}
