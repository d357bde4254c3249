package dev.supportkit.core.internal.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.spi.storage.JournalRecord;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * Turns journal drafts into numbered, chained records, each sealed by {@link JournalKeys}.
 */
public final class JournalWriter {
    private final JacksonCodec codec;
    private final JournalKeys keys;

    /**
     * @param codec the engine's JSON codec
     * @param keys  seals each record
     */
    @Inject
    public JournalWriter(JacksonCodec codec, JournalKeys keys) {
        this.codec = codec;
        this.keys = keys;
    }

    /**
     * Chains a draft after the request's current head.
     *
     * @param tenant       the tenant
     * @param request      the request
     * @param headSequence the sequence of the last entry (0 for none)
     * @param headHash     the hash of the last entry ({@link HashChain#GENESIS} for none)
     * @param actor        who acted
     * @param occurredAt   when
     * @param draft        what
     * @return the record to append
     */
    public JournalRecord chain(TenantId tenant, RequestId request, long headSequence, String headHash, Actor actor,
                               Instant occurredAt, JournalDraft draft) {
        JournalRecord unsigned = new JournalRecord(tenant, request, headSequence + 1, occurredAt, actor.id(),
                actor.displayName(), actor.role(), draft.channel(), draft.function(), draft.visibility(),
                JacksonCodec.eventType(draft.event()), codec.toJson(draft.event()), draft.description(), headHash, "");
        return withHash(unsigned, keys.seal(unsigned));
    }

    private static JournalRecord withHash(JournalRecord r, String hash) {
        return new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), r.description(),
                r.previousHash(), hash);
    }
}
