package dev.supportkit.core.internal.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.StorageTransaction;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends to a tenant's logs that belong to no request (the digest log, the checkpoint log): chained and sealed
 * like a request's journal. A log has no request row to keep its head, so the head (sequence and hash of the
 * last entry) is kept as a versioned catalogue record written in the same transaction: an append reads one small
 * record, never the whole log (a checkpoint log's entries each hold a checkpoint). Two appends racing store the
 * same head version, and the second fails with a conflict. A log written before heads were kept is read once to
 * find its last entry.
 */
public final class TenantLogs {
    /** The catalogue kind of log heads; the record id is the log's journal id. */
    public static final String HEAD_KIND = "journal-log-head";

    private final JournalWriter writer;
    private final JacksonCodec codec;

    /**
     * @param writer chains and seals the entries
     * @param codec  JSON for the head records
     */
    @Inject
    public TenantLogs(JournalWriter writer, JacksonCodec codec) {
        this.writer = writer;
        this.codec = codec;
    }

    /**
     * Appends an entry after the log's head, as the tenant's system actor.
     *
     * @param tx     the open transaction
     * @param tenant the tenant
     * @param log    the log's journal id
     * @param now    the time
     * @param draft  the entry
     * @return the appended record
     */
    public JournalRecord append(StorageTransaction tx, TenantId tenant, RequestId log, Instant now,
                                JournalDraft draft) {
        Optional<CatalogRecord> stored = tx.findCatalogRecord(tenant, HEAD_KIND, log.value());
        long sequence = 0;
        String hash = HashChain.GENESIS;
        if (stored.isPresent()) {
            Map<?, ?> head = codec.fromJson(stored.get().data(), Map.class);
            sequence = ((Number) head.get("sequence")).longValue();
            hash = (String) head.get("hash");
        } else {
            List<JournalRecord> entries = tx.findJournal(tenant, log);
            if (!entries.isEmpty()) {
                JournalRecord last = entries.get(entries.size() - 1);
                sequence = last.sequence();
                hash = last.hash();
            }
        }
        JournalRecord record = writer.chain(tenant, log, sequence, hash, Actor.system(tenant), now, draft, null);
        tx.appendJournal(record);
        tx.insertCatalogRecord(new CatalogRecord(tenant, HEAD_KIND, log.value(),
                stored.map(CatalogRecord::version).orElse(0) + 1, Optional.empty(), now,
                codec.toJson(Map.of("sequence", record.sequence(), "hash", record.hash()))));
        return record;
    }
}
