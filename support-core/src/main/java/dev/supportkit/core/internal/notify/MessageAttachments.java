package dev.supportkit.core.internal.notify;

import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.notification.NotificationAttachment;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files a message carries. The outbox row stays small: its payload names a catalogue record
 * ({@code attachmentsKind}, {@code attachmentsId}) whose JSON holds {@code attachments}, a list of
 * {@code fileName}, {@code mediaType} and base64 {@code content}; the record is written in the same transaction as
 * the message (a digest's run record), so every attempt, on any node and after a restart, sends the same files.
 */
public final class MessageAttachments {
    /** The payload key naming the catalogue kind of the record that holds the files. */
    public static final String KIND = "attachmentsKind";
    /** The payload key naming that record's id. */
    public static final String ID = "attachmentsId";
    /** The record's key of the list of files. */
    public static final String FILES = "attachments";
    private static final Logger LOG = LoggerFactory.getLogger(MessageAttachments.class);

    private MessageAttachments() {
    }

    /**
     * A file as the record keeps it.
     *
     * @param attachment the file
     * @return its JSON form
     */
    public static Map<String, Object> stored(NotificationAttachment attachment) {
        return Map.of("fileName", attachment.fileName(), "mediaType", attachment.mediaType(),
                "content", Base64.getEncoder().encodeToString(attachment.content()));
    }

    /**
     * Reads the files a message names, if any.
     *
     * @param tx      the open transaction
     * @param message the message
     * @param codec   JSON
     * @return its files; none when it names no record or the record is gone (logged)
     */
    static List<NotificationAttachment> of(StorageTransaction tx, OutboxMessage message, JacksonCodec codec) {
        Map<?, ?> payload = codec.fromJson(message.payload(), Map.class);
        if (!(payload.get(KIND) instanceof String kind) || !(payload.get(ID) instanceof String id)) {
            return List.of();
        }
        Optional<CatalogRecord> record = tx.findCatalogRecord(message.tenant(), kind, id);
        if (record.isEmpty()) {
            LOG.warn("Message {} names the files of {} '{}', which is gone: sent without them", message.id(), kind, id);
            return List.of();
        }
        List<NotificationAttachment> files = new ArrayList<>();
        if (codec.fromJson(record.get().data(), Map.class).get(FILES) instanceof List<?> stored) {
            for (Object entry : stored) {
                if (entry instanceof Map<?, ?> file) {
                    files.add(new NotificationAttachment(String.valueOf(file.get("fileName")),
                            String.valueOf(file.get("mediaType")),
                            Base64.getDecoder().decode(String.valueOf(file.get("content")))));
                }
            }
        }
        return files;
    }
}
