package dev.supportkit.core.internal.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.JournalRecord;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Reads and verifies request journals. */
public final class DefaultJournalService implements JournalService {
    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final JacksonCodec codec;

    /**
     * @param work   the unit of work
     * @param policy the access policy
     * @param codec  JSON codec for event payloads
     */
    @Inject
    public DefaultJournalService(UnitOfWork work, AccessPolicy policy, JacksonCodec codec) {
        this.work = work;
        this.policy = policy;
        this.codec = codec;
    }

    @Override
    public List<JournalEntry> entries(Actor actor, RequestId request) {
        policy.require(actor, Permission.READ_JOURNAL);
        boolean customer = actor.role() == Role.CUSTOMER_REPRESENTATIVE;
        return work.read(tx -> {
            Request loaded = policy.loadVisible(tx, actor, request);
            return tx.findJournal(loaded.tenant(), request).stream()
                    .filter(r -> !customer || r.visibility() == Visibility.CUSTOMER_VISIBLE)
                    .map(this::toEntry)
                    .toList();
        });
    }

    @Override
    public ChainVerification verify(Actor actor, RequestId request) {
        policy.require(actor, Permission.VERIFY_JOURNAL);
        return work.read(tx -> {
            Request loaded = policy.loadVisible(tx, actor, request);
            return verify(loaded, tx.findJournal(loaded.tenant(), request));
        });
    }

    /**
     * Checks a chain against the anchor kept on the request snapshot.
     *
     * @param request the request snapshot (its journal head is the anchor)
     * @param records the stored records, by sequence
     * @return the verdict
     */
    static ChainVerification verify(Request request, List<JournalRecord> records) {
        String previous = HashChain.GENESIS;
        long expected = 1;
        for (JournalRecord r : records) {
            if (r.sequence() != expected) {
                return ChainVerification.broken(request.id(), records.size(), expected,
                        "entry " + expected + " is missing (found " + r.sequence() + " in its place)");
            }
            if (!r.previousHash().equals(previous)) {
                return ChainVerification.broken(request.id(), records.size(), r.sequence(),
                        "entry " + r.sequence() + " does not link to the entry before it");
            }
            if (!HashChain.hash(r).equals(r.hash())) {
                return ChainVerification.broken(request.id(), records.size(), r.sequence(),
                        "entry " + r.sequence() + " was altered: its content does not match its hash");
            }
            previous = r.hash();
            expected++;
        }
        long last = expected - 1;
        if (last != request.journalSequence() || !previous.equals(request.journalHash())) {
            return ChainVerification.broken(request.id(), records.size(), Math.min(last + 1, request.journalSequence()),
                    "the journal ends at entry " + last + " but the request records " + request.journalSequence()
                            + " entries: entries were removed or replaced");
        }
        return ChainVerification.verified(request.id(), records.size());
    }

    private JournalEntry toEntry(JournalRecord r) {
        return entry(r, codec);
    }

    /**
     * Reads a stored journal record as the API's entry.
     *
     * @param r     the stored record
     * @param codec reads the record's event
     * @return the entry
     */
    public static JournalEntry entry(JournalRecord r, JacksonCodec codec) {
        return new JournalEntry(r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(), r.actorRole(),
                Optional.ofNullable(r.channel()), r.function(), r.visibility(), codec.readEvent(r.eventType(), r.payload()),
                r.description(), r.previousHash(), r.hash());
    }
}
