package dev.supportkit.core.internal.journal;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ProviderException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.RequestFacts;
import dev.supportkit.spi.storage.RequestPosition;
import dev.supportkit.spi.storage.RequestSelection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Taking a tenant's checkpoint, writing it as a file and reading one back: shared by {@code journal().checkpoint}
 * and the scheduled checkpoints.
 */
public final class JournalCheckpoints {
    /** Requests read per page while a checkpoint is taken. */
    private static final int PAGE = 500;
    /** The longest checkpoint text {@code verifyAgainst} reads (about a million requests). */
    public static final int MAX_TEXT = 256 * 1024 * 1024;

    private JournalCheckpoints() {
    }

    /**
     * Reads every request's chain head of a tenant, page by page (memory stays bounded by the heads).
     *
     * @param work   the unit of work
     * @param tenant the tenant
     * @param now    the time it is taken
     * @return the checkpoint
     */
    public static JournalCheckpoint take(UnitOfWork work, TenantId tenant, Instant now) {
        RequestQuery everything = RequestQuery.builder().limit(PAGE).build();
        List<JournalCheckpoint.Head> heads = new ArrayList<>();
        Optional<RequestPosition> after = Optional.empty();
        while (true) {
            RequestSelection page = new RequestSelection(everything, now, after, PAGE);
            List<Request> requests = work.read(tx -> tx.findRequests(tenant, page));
            requests.forEach(r -> heads.add(new JournalCheckpoint.Head(r.id(), r.journalSequence(), r.journalHash())));
            if (requests.size() < PAGE) {
                return new JournalCheckpoint(tenant, now, heads);
            }
            after = Optional.of(RequestFacts.position(requests.get(requests.size() - 1), everything.sort()));
        }
    }

    /**
     * Writes a checkpoint as JSON to {@code <directory>/<tenant>/checkpoint-<time>.json}, whole or not at all
     * (written beside it, then moved into place).
     *
     * @param directory  the checkpoint directory
     * @param checkpoint the checkpoint
     * @param json       its JSON text
     * @return the file
     * @throws ProviderException when it cannot be written
     */
    public static Path write(Path directory, JournalCheckpoint checkpoint, String json) {
        Path tenantDirectory = directory.resolve(checkpoint.tenant().value());
        Path file = tenantDirectory.resolve(fileName(checkpoint));
        try {
            Files.createDirectories(tenantDirectory);
            Path partial = Files.createTempFile(tenantDirectory, "checkpoint-", ".partial");
            Files.writeString(partial, json, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new ProviderException("journal-checkpoints", "cannot write the checkpoint to " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * @param checkpoint a checkpoint
     * @return the name of its file, {@code checkpoint-<time>.json}
     */
    public static String fileName(JournalCheckpoint checkpoint) {
        return "checkpoint-" + checkpoint.takenAt().toString().replace(':', '-') + ".json";
    }

    /**
     * @param json a checkpoint's JSON text
     * @return its SHA-256, lower-case hex, which the messages and events name so a copy can be compared
     */
    public static String sha256(String json) {
        return HashChain.sha256(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a checkpoint's JSON text, as written to a file, sent as a file or published in an event.
     *
     * @param json  the text
     * @param codec JSON
     * @return the checkpoint
     * @throws ValidationException naming {@code checkpoint} when the text is missing, too long or not a checkpoint
     */
    public static JournalCheckpoint read(String json, JacksonCodec codec) {
        if (json == null || json.isBlank()) {
            throw invalid("required", "is required");
        }
        if (json.length() > MAX_TEXT) {
            throw invalid("length", "must be at most " + MAX_TEXT + " characters");
        }
        try {
            JournalCheckpoint checkpoint = codec.fromJson(json, JournalCheckpoint.class);
            if (checkpoint == null) { // the text "null"; a null head fails the record's own copy
                throw invalid("format", "is not a journal checkpoint");
            }
            return checkpoint;
        } catch (ValidationException e) {
            throw e;
        } catch (RuntimeException e) {
            // the codec's message may quote the text; say what is wrong, not what was sent
            throw invalid("format", "is not a journal checkpoint's JSON (tenant, takenAt, heads of request, sequence "
                    + "and hash)");
        }
    }

    private static ValidationException invalid(String rule, String message) {
        return new ValidationException(List.of(new FieldError("checkpoint", rule, message)));
    }
}
