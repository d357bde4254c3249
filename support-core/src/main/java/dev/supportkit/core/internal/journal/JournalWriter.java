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
     * @param stateDigest  the request's {@link StateDigest} after this entry, or null in a log that is not a
     *                     request's
     * @return the record to append
     */
    public JournalRecord chain(TenantId tenant, RequestId request, long headSequence, String headHash, Actor actor,
                               Instant occurredAt, JournalDraft draft, String stateDigest) {
        JournalRecord unsigned = new JournalRecord(tenant, request, headSequence + 1, occurredAt, actor.id(),
                actor.displayName(), actor.role(), draft.channel(), draft.function(), draft.visibility(),
                JacksonCodec.eventType(draft.event()), codec.toJson(draft.event()), draft.description(), headHash, "",
                stateDigest);
        return unsigned.withHash(keys.seal(unsigned));
    }

    /**
     * The digest of a request snapshot's state, to pass to {@link #chain}.
     *
     * @param request the snapshot
     * @return its digest
     */
    public String stateDigest(dev.supportkit.api.request.Request request) {
        return StateDigest.of(request, codec);
    }
}
