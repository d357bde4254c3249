package dev.supportkit.core.internal.handling;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.work.Attachment;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.core.internal.config.WorkSettings;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.LineFunctions;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.request.RequestLifecycle;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.blob.BlobInfo;
import dev.supportkit.spi.blob.BlobStore;
import dev.supportkit.spi.blob.BlobTooLargeException;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Files on journal entries: streamed into the blob store with limits from configuration, journalled with
 * their digest, read back only by who sees the entry and checked against the digest while read.
 */
final class WorkAttachments {
    private static final int NAME_MAX = 255;
    private static final Set<String> CONTACTS = Set.of(RequestEvent.Registered.class.getSimpleName(),
            RequestEvent.ContactAttached.class.getSimpleName(), RequestEvent.ClarificationProvided.class.getSimpleName());
    private static final Set<String> ATTACHABLE = java.util.stream.Stream.concat(CONTACTS.stream(),
            java.util.stream.Stream.of(RequestEvent.ReplySent.class, RequestEvent.NoteAdded.class,
                    RequestEvent.Resolved.class, RequestEvent.TrainingGiven.class, RequestEvent.EquipmentChecked.class,
                    RequestEvent.WorksDone.class).map(Class::getSimpleName)).collect(java.util.stream.Collectors.toSet());
    private static final String ADDED = RequestEvent.AttachmentAdded.class.getSimpleName();

    private final RequestCommands commands;
    private final WorkSettings settings;
    private final Optional<BlobStore> blobs;
    private final JacksonCodec codec;

    WorkAttachments(RequestCommands commands, WorkSettings settings, Optional<BlobStore> blobs, JacksonCodec codec) {
        this.commands = commands;
        this.settings = settings;
        this.blobs = blobs;
        this.codec = codec;
    }

    Request attach(Actor actor, RequestRef ref, long entry, FileUpload file) {
        commands.policy().require(actor, Permission.ATTACH_FILE);
        FieldErrors input = new FieldErrors();
        if (input.required("file", file)) {
            input.requiredText("file.name", file.name(), NAME_MAX);
            if (file.name() != null && input.characters("file.name", file.name(), true)
                    && (file.name().contains("/") || file.name().contains("\\"))) {
                input.add("file.name", "pattern", "a file name without '/' or '\\'");
            }
            if (input.required("file.contentType", file.contentType()) && !settings.allows(file.contentType())) {
                input.add("file.contentType", "allowed", "'" + file.contentType() + "' is not an allowed type (allowed: "
                        + String.join(", ", settings.attachmentTypes()) + ")");
            }
            input.required("file.content", file.content());
        }
        input.throwIfAny();
        BlobStore store = blobs.orElseThrow(() -> new ConfigurationException(List.of("attachments: the storage"
                + " provider keeps no files; set " + WorkSettings.PREFIX + "attachments.directory")));
        // Refuse what the command would refuse before reading the file, not after.
        commands.read(tx -> {
            Request current = commands.load(tx, actor, ref.id());
            RequestLifecycle.next(current, RequestAction.ATTACH_FILE);
            FieldErrors errors = new FieldErrors();
            target(tx, actor, current, entry, errors);
            errors.throwIfAny();
            return null;
        });
        String id = UUID.randomUUID().toString();
        BlobInfo info;
        try {
            info = store.write(actor.tenant(), id, file.content(), settings.maxAttachmentBytes());
        } catch (BlobTooLargeException e) {
            new FieldErrors().add("file.content", "max-size", "at most " + settings.maxAttachmentBytes()
                    + " bytes (" + WorkSettings.PREFIX + "attachments.max-bytes); nothing was kept").throwIfAny();
            throw e; // not reached: the line above throws
        }
        try {
            if (info.size() == 0) {
                new FieldErrors().add("file.content", "not-empty", "the file is empty").throwIfAny();
            }
            return commands.execute(actor, ref, Permission.ATTACH_FILE, RequestAction.ATTACH_FILE, false, step -> {
                Optional<JournalRecord> target = target(step.tx(), actor, step.current(), entry, step.errors());
                if (target.isEmpty()) {
                    return null;
                }
                RequestEvent.AttachmentAdded event = new RequestEvent.AttachmentAdded(id, entry, file.name().strip(),
                        file.contentType().strip(), info.size(), info.sha256());
                return Change.of(step.advance(), new JournalDraft(LineFunctions.dialogue(step.current().line()),
                        target.get().visibility(), null, event, "Attached " + event.name() + " (" + info.size()
                        + " bytes, " + event.contentType() + ") to entry " + entry));
            });
        } catch (RuntimeException e) {
            // nothing half-written: a refused or failed command leaves no stored file behind
            try {
                store.delete(actor.tenant(), id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * The entry to attach to: it must exist and be a contact, reply, note or resolution; a customer may attach
     * only to a customer-visible contact; staff at second line only on their group's requests.
     */
    private Optional<JournalRecord> target(StorageTransaction tx, Actor actor, Request current, long entry,
                                           FieldErrors errors) {
        if (actor.role() != Role.CUSTOMER_REPRESENTATIVE) {
            commands.policy().requireWorksGroup(tx, actor, current, RequestAction.ATTACH_FILE.verb());
        }
        Optional<JournalRecord> found = tx.findJournal(actor.tenant(), current.id()).stream()
                .filter(r -> r.sequence() == entry).findFirst();
        if (found.isEmpty()) {
            errors.add("entry", "exists", "request '" + current.id() + "' has no journal entry " + entry);
            return Optional.empty();
        }
        JournalRecord record = found.get();
        if (actor.role() == Role.CUSTOMER_REPRESENTATIVE && (!CONTACTS.contains(record.eventType())
                || record.visibility() != Visibility.CUSTOMER_VISIBLE)) {
            throw new AccessDeniedException("a customer representative attaches files only to their contacts, not"
                    + " to entry " + entry + " (" + record.eventType() + ")");
        }
        if (!ATTACHABLE.contains(record.eventType())) {
            errors.add("entry", "attachable", "entry " + entry + " is a " + record.eventType()
                    + "; files go on a contact, a reply, a note, a resolution, a check, a training or works done");
            return Optional.empty();
        }
        return found;
    }

    List<Attachment> list(Actor actor, RequestId request) {
        commands.policy().require(actor, Permission.READ_JOURNAL);
        return commands.read(tx -> {
            Request current = commands.load(tx, actor, request);
            return tx.findJournal(actor.tenant(), current.id()).stream()
                    .filter(r -> r.eventType().equals(ADDED))
                    .filter(r -> actor.role() != Role.CUSTOMER_REPRESENTATIVE
                            || r.visibility() == Visibility.CUSTOMER_VISIBLE)
                    .map(r -> attachment(r, current.id())).toList();
        });
    }

    private Attachment attachment(JournalRecord record, RequestId request) {
        RequestEvent.AttachmentAdded added = (RequestEvent.AttachmentAdded) codec.readEvent(record.eventType(),
                record.payload());
        return new Attachment(added.attachment(), request, added.entry(), record.sequence(), added.name(),
                added.contentType(), added.size(), added.sha256(), record.actorId(), record.occurredAt(),
                record.visibility());
    }

    InputStream open(Actor actor, RequestId request, String attachment) {
        Attachment found = list(actor, request).stream().filter(a -> a.id().equals(attachment)).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment", attachment));
        BlobStore store = blobs.orElseThrow(() -> new NotFoundException("attachment", attachment));
        return new CheckedContent(store.open(actor.tenant(), attachment), found);
    }

    /** The stored bytes, checked against the journalled size and digest when the end is reached. */
    private static final class CheckedContent extends FilterInputStream {
        private final Attachment expected;
        private final MessageDigest digest;
        private long size;
        private boolean checked;

        CheckedContent(InputStream in, Attachment expected) {
            super(in);
            this.expected = expected;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                check();
            } else {
                digest.update((byte) b);
                size++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n < 0) {
                check();
            } else {
                digest.update(buffer, offset, n);
                size += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private void check() throws IOException {
            if (checked) {
                return;
            }
            checked = true;
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (size != expected.size() || !sha256.equals(expected.sha256())) {
                throw new IOException("attachment '" + expected.id() + "' of request " + expected.request()
                        + " does not match its journal entry " + expected.sequence() + ": " + size + " bytes with"
                        + " SHA-256 " + sha256 + ", journalled " + expected.size() + " bytes with " + expected.sha256());
            }
        }
    }
}
