package dev.supportkit.inbound.email;

import dev.supportkit.inbound.email.InboundEmailSettings.Security;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedFileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one mailbox on a thread of its own: claims it (see {@link MailboxLease}), reads every message after the
 * stored UID in UID order, hands each to the {@link ContactRegistrar} and moves the stored UID past it, then waits
 * for new mail with IMAP IDLE (when the server has it and {@code idle} is on) or for the poll interval. A node
 * that does not hold the mailbox only tries to claim it every poll interval. The folder is opened read-only:
 * nothing in the mailbox is changed.
 */
final class MailboxWatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MailboxWatcher.class);

    private final MailboxSettings mailbox;
    private final InboundEmailSettings settings;
    private final MailboxLease lease;
    private final ContactRegistrar registrar;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final Consumer<ContactRegistrar.Outcome> outcomes;
    private final Map<Long, Integer> failures = new HashMap<>();
    private final Object wait = new Object();
    private volatile boolean closed;
    private volatile Store store;
    private volatile Session session;
    private volatile IMAPFolder folder;

    MailboxWatcher(MailboxSettings mailbox, InboundEmailSettings settings, MailboxLease lease,
                   ContactRegistrar registrar, Clock clock, ScheduledExecutorService timer,
                   Consumer<ContactRegistrar.Outcome> outcomes) {
        this.mailbox = mailbox;
        this.settings = settings;
        this.lease = lease;
        this.registrar = registrar;
        this.clock = clock;
        this.timer = timer;
        this.outcomes = outcomes;
    }

    @Override
    public void run() {
        while (!closed) {
            boolean holding = false;
            try {
                Optional<MailboxLease.Cursor> cursor = lease.claim();
                holding = cursor.isPresent();
                if (holding) {
                    open();
                    holding = pass(cursor.get());
                } else {
                    disconnect();
                }
            } catch (MessagingException | RuntimeException e) {
                if (!closed) {
                    LOG.warn("Mailbox {} ({}@{}): {}; trying again in {} ms", mailbox.name(), mailbox.username(),
                            mailbox.host(), e.toString(), settings.pollInterval().toMillis());
                }
                disconnect();
                holding = false;
            }
            if (!closed) {
                await(holding);
            }
        }
        disconnect();
    }

    /** Reads every message after the cursor; returns false when the claim was lost on the way. */
    private boolean pass(MailboxLease.Cursor cursor) throws MessagingException {
        long validity = folder.getUIDValidity();
        long from = cursor.uidValidity() == validity ? cursor.lastUid() + 1 : 1;
        if (cursor.uidValidity() != validity) {
            if (cursor.uidValidity() != 0) {
                LOG.warn("Mailbox {}: UIDVALIDITY changed from {} to {}; reading the folder again (messages taken "
                        + "before are known by their Message-IDs)", mailbox.name(), cursor.uidValidity(), validity);
            }
            if (!lease.advance(validity, 0)) {
                return false;
            }
        }
        Message[] messages = folder.getMessagesByUID(from, UIDFolder.MAXUID);
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(FetchProfile.Item.ENVELOPE);
        folder.fetch(messages, profile);
        for (Message message : messages) {
            if (closed) {
                return true;
            }
            long uid = folder.getUID(message);
            if (uid < from) {
                continue; // "n:*" names the last message even when every UID is below n
            }
            if (!take((MimeMessage) message, validity, uid)) {
                return true; // failed: tried again on the next pass, from this message
            }
            if (!lease.advance(validity, uid)) {
                LOG.info("Mailbox {}: another node holds it now; this node stops reading it", mailbox.name());
                return false;
            }
        }
        return true;
    }

    /** Handles one message; false when it failed and should be tried again later. */
    private boolean take(MimeMessage message, long validity, long uid) throws MessagingException {
        InboundMail mail = null;
        try {
            ContactRegistrar.Outcome outcome;
            // The whole message in one FETCH, into a temporary file: its parts are then read from the file, so a
            // large attachment is never held in memory and the server is asked once, not once per part.
            Path copy = Files.createTempFile("supportkit-mail-", ".eml");
            try {
                try (InputStream in = ((IMAPMessage) message).getMimeStream();
                     OutputStream out = Files.newOutputStream(copy)) {
                    in.transferTo(out);
                }
                try (SharedFileInputStream file = new SharedFileInputStream(copy.toFile())) {
                    MimeMessage local = new MimeMessage(session, file);
                    mail = InboundMail.read(local, message.getReceivedDate(), clock.instant(), settings.ownDomains(),
                            settings.ownAddresses());
                    outcome = registrar.handle(mail, mailbox.name(), validity, uid);
                    LOG.debug("Mailbox {} UID {}: {}", mailbox.name(), uid, outcome);
                }
            } finally {
                Files.deleteIfExists(copy);
            }
            outcomes.accept(outcome);
            failures.remove(uid);
            return true;
        } catch (IOException | RuntimeException e) {
            int count = failures.merge(uid, 1, Integer::sum);
            if (mail != null && count >= settings.maxAttempts()) {
                LOG.error("Mailbox {} UID {}: failed {} times, set aside and never tried again: {}", mailbox.name(),
                        uid, count, e.toString(), e);
                registrar.setAside(mail, mailbox.name(), validity, uid, e.toString());
                outcomes.accept(ContactRegistrar.Outcome.SET_ASIDE);
                failures.remove(uid);
                return true;
            }
            LOG.warn("Mailbox {} UID {}: failed (attempt {} of {}), tried again later: {}", mailbox.name(), uid,
                    count, settings.maxAttempts(), e.toString());
            return false;
        }
    }

    private void open() throws MessagingException {
        if (folder != null && folder.isOpen() && store != null && store.isConnected()) {
            return;
        }
        disconnect();
        Properties properties = new Properties();
        String protocol = mailbox.security() == Security.SSL ? "imaps" : "imap";
        properties.put("mail.store.protocol", protocol);
        properties.put("mail." + protocol + ".host", mailbox.host());
        properties.put("mail." + protocol + ".port", Integer.toString(mailbox.port()));
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".peek", "true"); // reading never sets \\Seen
        properties.put("mail." + protocol + ".timeout", Long.toString(Math.max(30_000,
                settings.pollInterval().toMillis() * 3)));
        if (mailbox.security() == Security.STARTTLS) {
            properties.put("mail.imap.starttls.enable", "true");
            properties.put("mail.imap.starttls.required", "true");
        }
        if (mailbox.security() != Security.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        session = Session.getInstance(properties);
        Store opened = session.getStore(protocol);
        opened.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password().orElse(""));
        store = opened;
        IMAPFolder imap = (IMAPFolder) opened.getFolder(mailbox.folder());
        imap.open(Folder.READ_ONLY);
        folder = imap;
    }

    /** Waits for new mail (IDLE) or the poll interval; returns at once when closed. */
    private void await(boolean holding) {
        IMAPFolder current = folder;
        if (holding && settings.idle() && current != null && current.isOpen() && idleSupported()) {
            // IDLE returns on new mail; a command from another thread ends it early, so the claim is renewed
            // at least every poll interval.
            ScheduledFuture<?> wake = timer.schedule(() -> noop(current), settings.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                current.idle(true);
                return;
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("Mailbox {}: IDLE ended: {}", mailbox.name(), e.toString());
            } finally {
                wake.cancel(false);
            }
        }
        synchronized (wait) {
            if (closed) {
                return;
            }
            try {
                wait.wait(settings.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
    }

    private boolean idleSupported() {
        try {
            return store instanceof IMAPStore imap && imap.hasCapability("IDLE");
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void noop(IMAPFolder folder) {
        try {
            folder.doCommand(protocol -> {
                protocol.simpleCommand("NOOP", null);
                return null;
            });
        } catch (MessagingException | RuntimeException e) {
            // the watcher sees the broken connection itself
        }
    }

    private void disconnect() {
        IMAPFolder f = folder;
        Store s = store;
        folder = null;
        store = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: closing the folder: {}", mailbox.name(), e.toString());
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.debug("Mailbox {}: closing the connection: {}", mailbox.name(), e.toString());
        }
    }

    /** Stops the watcher: ends a wait or an IDLE, closes the connection and gives the claim up. */
    void close() {
        closed = true;
        synchronized (wait) {
            wait.notifyAll();
        }
        Store s = store;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("Mailbox {}: closing the connection: {}", mailbox.name(), e.toString());
            }
        }
    }

    /** Gives the claim up once the watcher's thread has ended. */
    void release() {
        lease.release();
    }
}
