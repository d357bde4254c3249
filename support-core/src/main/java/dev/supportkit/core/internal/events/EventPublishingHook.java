package dev.supportkit.core.internal.events;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.CommandHook;
import dev.supportkit.core.internal.request.HookContext;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.OutboxMessage;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Instant;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records, in the command's transaction, an outbox row per journal record for the listeners (when any are
 * registered) and for each event sink, and a row per new request version for each CRM adapter, carrying the
 * request as of that version with what changed ({@link dev.supportkit.spi.crm.CrmChange}). The {@link dev.supportkit.core.internal.notify.OutboxDispatcher} delivers them after commit.
 */
public final class EventPublishingHook implements CommandHook {
    private final EventTargets targets;
    private final JacksonCodec codec;

    /**
     * @param targets who receives the changes
     * @param codec   JSON for the payloads
     */
    @Inject
    public EventPublishingHook(EventTargets targets, JacksonCodec codec) {
        this.targets = targets;
        this.codec = codec;
    }

    @Override
    public void afterChange(HookContext context) {
        Request after = context.after();
        publish(context.tx(), after.tenant(), after.id(), after.version(), context.records(), context.now());
        boolean newVersion = context.created() || context.before().version() != after.version();
        if (newVersion && !targets.crm().isEmpty()) {
            String key = after.tenant().value() + ":" + after.id().value() + ":v" + after.version();
            String json = codec.toJson(CrmChanges.of(context, key, codec));
            for (String id : targets.crm().keySet()) {
                enqueue(context, EventOutbox.CRM_TOPIC, EventOutbox.CRM + id, after.version(), json, key);
            }
        }
    }

    /**
     * Records an outbox row per journal record for the listeners (when any are registered) and each event sink:
     * a command's records, or those of a log that is no request's (the checkpoint log).
     *
     * @param tx      the open transaction
     * @param tenant  the tenant
     * @param journal the request, or the log, whose records they are
     * @param version the request's version after the change (a log's: its last record's sequence)
     * @param records the records
     * @param now     the time
     */
    public void publish(StorageTransaction tx, TenantId tenant, RequestId journal, long version,
                        List<JournalRecord> records, Instant now) {
        List<String> eventReceivers = new ArrayList<>();
        if (!targets.listeners().isEmpty()) {
            eventReceivers.add(EventOutbox.LISTENERS);
        }
        targets.sinks().keySet().forEach(id -> eventReceivers.add(EventOutbox.SINK + id));
        if (eventReceivers.isEmpty()) {
            return;
        }
        for (JournalRecord record : records) {
            // the record itself stays in the journal (written in this transaction): the delivery reads it there,
            // so the row is small to write, to claim and to mark delivered
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("requestVersion", version);
            payload.put("sequence", record.sequence());
            String json = codec.toJson(payload);
            String eventId = tenant.value() + ":" + journal.value() + ":" + record.sequence();
            for (String receiver : eventReceivers) {
                enqueue(tx, tenant, journal, EventOutbox.EVENT_TOPIC, receiver, record.sequence(), json, eventId, now);
            }
        }
    }

    private static void enqueue(HookContext context, String topic, String receiver, long position, String payload,
                                String key) {
        Request after = context.after();
        enqueue(context.tx(), after.tenant(), after.id(), topic, receiver, position, payload, key, context.now());
    }

    private static void enqueue(StorageTransaction tx, TenantId tenant, RequestId journal, String topic,
                                String receiver, long position, String payload, String key, Instant now) {
        tx.enqueueOutbox(OutboxMessage.builder()
                .id(EventOutbox.id(topic, receiver, tenant.value(), journal.value(), position))
                .tenant(tenant).request(journal).topic(topic).recipient(receiver).payload(payload)
                .idempotencyKey(key).createdAt(now).build());
    }

    @Override
    public int order() {
        // After the hooks that may still write journal records of the change.
        return 1000;
    }
}
