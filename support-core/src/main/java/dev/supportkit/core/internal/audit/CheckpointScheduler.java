package dev.supportkit.core.internal.audit;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.config.JournalSettings.CheckpointSchedule;
import dev.supportkit.core.internal.events.EventPublishingHook;
import dev.supportkit.core.internal.jobs.PeriodicWork;
import dev.supportkit.core.internal.journal.JournalCheckpoints;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.journal.TenantLogs;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.notify.MessageAttachments;
import dev.supportkit.core.internal.notify.MessageTopic;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.notification.NotificationAttachment;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the scheduled checkpoints ({@code supportkit.journal.checkpoints.*}) once per due time across every
 * engine on one database: the first engine to store the run (a catalogue record keyed by tenant and due time,
 * version 1) sends the checkpoint in the same transaction; the others meet the stored key and send nothing.
 * Each checkpoint goes wherever configured, so a copy leaves the database: the checkpoint directory (a file),
 * the recipients (a message through their contact points with the checkpoint as a JSON file, kept in the run
 * record so every attempt sends the same bytes) and the listeners and event sinks (a
 * {@link RequestEvent.JournalCheckpointed} entry of the tenant's checkpoint log, published after commit from
 * the outbox like every journalled change). The outbox delivers at least once: a channel or broker that is
 * down delays the copy, never loses it.
 */
public final class CheckpointScheduler implements PeriodicWork {
    /** The catalogue kind of checkpoint runs. */
    public static final String RUN_KIND = "journal-checkpoint-run";
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointScheduler.class);

    private final UnitOfWork work;
    private final Optional<CheckpointSchedule> schedule;
    private final Optional<Path> directory;
    private final JacksonCodec codec;
    private final TenantLogs logs;
    private final EventPublishingHook events;

    /**
     * @param work     the unit of work
     * @param settings the engine settings (the schedule and the checkpoint directory)
     * @param codec    JSON for checkpoints and payloads
     * @param logs     appends to the checkpoint log
     * @param events   publishes the checkpoint log's entries
     */
    @Inject
    public CheckpointScheduler(UnitOfWork work, EngineSettings settings, JacksonCodec codec, TenantLogs logs,
                               EventPublishingHook events) {
        this.work = work;
        this.schedule = settings.journal().checkpoints();
        this.directory = settings.journal().checkpointDirectory();
        this.codec = codec;
        this.logs = logs;
        this.events = events;
    }

    @Override
    public int runDue() {
        if (schedule.isEmpty()) {
            return 0;
        }
        CheckpointSchedule plan = schedule.get();
        Instant now = work.now();
        String due = plan.lastDue(now).toString();
        int taken = 0;
        for (String name : plan.tenants()) {
            TenantId tenant = TenantId.of(name);
            if (work.read(tx -> tx.findCatalogRecord(tenant, RUN_KIND, due)).isPresent()) {
                continue;
            }
            // read outside the write: the heads are paged, and a run stored meanwhile makes this one a no-op
            JournalCheckpoint checkpoint = JournalCheckpoints.take(work, tenant, now);
            try {
                taken += work.write(tx -> send(tx, plan, checkpoint, due));
            } catch (ConcurrencyConflictException e) {
                LOG.debug("Checkpoint {} of {} was taken by another engine", due, name);
            }
        }
        return taken;
    }

    private int send(StorageTransaction tx, CheckpointSchedule plan, JournalCheckpoint checkpoint, String due) {
        TenantId tenant = checkpoint.tenant();
        if (tx.findCatalogRecord(tenant, RUN_KIND, due).isPresent()) {
            return 0;
        }
        String json = codec.toJson(checkpoint);
        String sha256 = JournalCheckpoints.sha256(json);
        Instant now = checkpoint.takenAt();
        // the file first: when it cannot be written the transaction fails, and the next pass tries again
        Optional<Path> file = directory.map(d -> JournalCheckpoints.write(d, checkpoint, json));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("takenAt", now.toString());
        run.put("requests", checkpoint.heads().size());
        run.put("sha256", sha256);
        file.ifPresent(f -> run.put("file", f.toString()));
        run.put("recipients", plan.recipients());
        if (!plan.recipients().isEmpty()) {
            run.put(MessageAttachments.FILES, List.of(MessageAttachments.stored(new NotificationAttachment(
                    JournalCheckpoints.fileName(checkpoint), "application/json",
                    json.getBytes(StandardCharsets.UTF_8)))));
        }
        tx.insertCatalogRecord(new CatalogRecord(tenant, RUN_KIND, due, 1, Optional.empty(), now, codec.toJson(run)));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("checkpointTenant", tenant.value());
        payload.put("takenAt", now.toString());
        payload.put("requests", checkpoint.heads().size());
        payload.put("sha256", sha256);
        payload.put(MessageAttachments.KIND, RUN_KIND);
        payload.put(MessageAttachments.ID, due);
        for (String person : plan.recipients()) {
            tx.enqueueOutbox(OutboxMessage.builder().id(RUN_KIND + "|" + tenant.value() + "|" + due + "|" + person)
                    .tenant(tenant).topic(MessageTopic.JOURNAL_CHECKPOINT.topic()).recipient(person)
                    .payload(codec.toJson(payload)).idempotencyKey(RUN_KIND + ":" + due + ":" + person)
                    .createdAt(now).build());
        }
        if (plan.event()) {
            publish(tx, checkpoint, json, sha256);
        }
        return 1;
    }

    /** Appends the checkpoint to the tenant's checkpoint log and publishes the entry. */
    private void publish(StorageTransaction tx, JournalCheckpoint checkpoint, String json, String sha256) {
        TenantId tenant = checkpoint.tenant();
        RequestId log = RequestId.of(RequestEvent.CHECKPOINT_LOG);
        JournalDraft draft = new JournalDraft(LaborFunction.D_02_7, Visibility.INTERNAL, null,
                new RequestEvent.JournalCheckpointed(checkpoint.takenAt(), checkpoint.heads().size(), sha256, json),
                "Checkpoint of the journals of " + checkpoint.heads().size() + " requests taken (SHA-256 " + sha256
                        + ")");
        JournalRecord record = logs.append(tx, tenant, log, checkpoint.takenAt(), draft);
        events.publish(tx, tenant, log, record.sequence(), List.of(record), checkpoint.takenAt());
    }
}
