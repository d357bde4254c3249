package dev.supportkit.core.internal.journal;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.JournalService;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.config.EngineSettings;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.security.AccessPolicy;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.JournalRecord;
import dev.supportkit.spi.storage.JournalSelection;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and verifies request journals. */
public final class DefaultJournalService implements JournalService {
    /** The earliest and latest instants every store keeps (as the commands' own checks). */
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");
    /** Journal records read per page by the audit search. */
    private static final int PAGE = 500;

    private final UnitOfWork work;
    private final AccessPolicy policy;
    private final JacksonCodec codec;
    private final JournalKeys keys;
    private final Optional<Path> checkpointDirectory;

    /**
     * @param work     the unit of work
     * @param policy   the access policy
     * @param codec    JSON codec for event payloads and checkpoints
     * @param keys     checks each record's seal
     * @param settings where checkpoints are written, if anywhere
     */
    @Inject
    public DefaultJournalService(UnitOfWork work, AccessPolicy policy, JacksonCodec codec, JournalKeys keys,
                                 EngineSettings settings) {
        this.work = work;
        this.policy = policy;
        this.codec = codec;
        this.keys = keys;
        this.checkpointDirectory = settings.journal().checkpointDirectory();
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
            return verify(loaded, tx.findJournal(loaded.tenant(), request), keys, codec);
        });
    }

    @Override
    public java.util.stream.Stream<JournalEntry> search(Actor actor, dev.supportkit.api.journal.JournalQuery query) {
        policy.require(actor, Permission.AUDIT_JOURNAL);
        if (query == null) {
            throw new dev.supportkit.api.error.ValidationException(List.of(
                    new dev.supportkit.api.error.FieldError("query", "required", "is required")));
        }
        List<dev.supportkit.api.error.FieldError> range = new ArrayList<>();
        for (Map.Entry<String, Instant> bound : Map.of("query.from", query.from(), "query.until", query.until())
                .entrySet()) {
            if (bound.getValue().isBefore(EARLIEST) || bound.getValue().isAfter(LATEST)) {
                range.add(new dev.supportkit.api.error.FieldError(bound.getKey(), "range",
                        "must lie between " + EARLIEST + " and " + LATEST));
            }
        }
        if (!range.isEmpty()) {
            throw new dev.supportkit.api.error.ValidationException(range);
        }
        java.util.Iterator<JournalEntry> pages = new java.util.Iterator<>() {
            private List<JournalRecord> page = List.of();
            private int index;
            private boolean last;
            private Optional<JournalSelection.Position> after = Optional.empty();

            @Override
            public boolean hasNext() {
                while (index == page.size() && !last) {
                    JournalSelection selection = new JournalSelection(query.functions(), query.actorId(),
                            query.from(), query.until(), after, PAGE);
                    page = work.read(tx -> tx.findJournalRecords(actor.tenant(), selection));
                    index = 0;
                    last = page.size() < PAGE;
                    if (!page.isEmpty()) {
                        JournalRecord end = page.get(page.size() - 1);
                        after = Optional.of(new JournalSelection.Position(end.request(), end.sequence()));
                    }
                }
                return index < page.size();
            }

            @Override
            public JournalEntry next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return toEntry(page.get(index++));
            }
        };
        return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(pages,
                java.util.Spliterator.ORDERED | java.util.Spliterator.NONNULL), false);
    }

    @Override
    public JournalCheckpoint checkpoint(Actor actor) {
        policy.require(actor, Permission.CHECKPOINT_JOURNAL);
        JournalCheckpoint checkpoint = JournalCheckpoints.take(work, actor.tenant(), work.now());
        checkpointDirectory.ifPresent(directory -> JournalCheckpoints.write(directory, checkpoint,
                codec.toJson(checkpoint)));
        return checkpoint;
    }

    @Override
    public List<ChainVerification> verifyAgainst(Actor actor, String checkpoint) {
        policy.require(actor, Permission.VERIFY_JOURNAL);
        return verifyAgainst(actor, JournalCheckpoints.read(checkpoint, codec));
    }

    @Override
    public List<ChainVerification> verifyAgainst(Actor actor, JournalCheckpoint checkpoint) {
        policy.require(actor, Permission.VERIFY_JOURNAL);
        if (!checkpoint.tenant().equals(actor.tenant())) {
            throw new ValidationException(List.of(new FieldError("checkpoint.tenant", "same-tenant",
                    "the checkpoint is of tenant '" + checkpoint.tenant() + "', not '" + actor.tenant() + "'")));
        }
        List<ChainVerification> problems = new ArrayList<>();
        for (JournalCheckpoint.Head head : checkpoint.heads()) {
            ChainVerification verdict = work.read(tx -> {
                Optional<Request> request = tx.findRequest(actor.tenant(), head.request());
                if (request.isEmpty()) {
                    return ChainVerification.broken(head.request(), 0, 1, "the request is gone; the checkpoint of "
                            + checkpoint.takenAt() + " had " + head.sequence() + " journal entries");
                }
                List<JournalRecord> records = tx.findJournal(actor.tenant(), head.request());
                long last = records.isEmpty() ? 0 : records.get(records.size() - 1).sequence();
                if (last < head.sequence()) {
                    return ChainVerification.broken(head.request(), records.size(), last + 1, "the journal ends at"
                            + " entry " + last + " but had " + head.sequence() + " entries at the checkpoint of "
                            + checkpoint.takenAt() + ": entries were removed");
                }
                Optional<JournalRecord> atHead = records.stream().filter(r -> r.sequence() == head.sequence())
                        .findFirst();
                if (atHead.isEmpty() || !head.hash().equals(atHead.get().hash())) {
                    return ChainVerification.broken(head.request(), records.size(), head.sequence(), "entry "
                            + head.sequence() + " is not the one the checkpoint of " + checkpoint.takenAt()
                            + " recorded: the journal was rewritten up to it");
                }
                return verify(request.get(), records, keys, codec);
            });
            if (!verdict.intact()) {
                problems.add(verdict);
            }
        }
        return List.copyOf(problems);
    }

    /**
     * Checks a chain against the anchor kept on the request snapshot, and the snapshot against the state its
     * latest entry recorded ({@link StateDigest}), and reports the first bad entry exactly:
     * missing, out of order, unreadable, altered (its seal does not hold), replaced or inserted (the next
     * entry links to another one), removed at the end or added after the anchor. A damaged row never makes
     * it throw.
     *
     * @param request the request snapshot (its journal head is the anchor)
     * @param records the stored records, by sequence
     * @param keys    checks the seals
     * @param codec   computes the request's state digest
     * @return the verdict
     */
    static ChainVerification verify(Request request, List<JournalRecord> records, JournalKeys keys,
                                    JacksonCodec codec) {
        String previous = HashChain.GENESIS;
        long expected = 1;
        boolean keyedSeen = false;
        for (JournalRecord r : records) {
            if (r.sequence() < expected) {
                return broken(request, records, r.sequence(), "entry " + r.sequence() + " appears again after entry "
                        + (expected - 1) + ": entries were inserted or renumbered");
            }
            if (r.sequence() > expected) {
                return broken(request, records, expected, "entry " + expected + " is missing (found " + r.sequence()
                        + " in its place)");
            }
            Optional<String> unreadable = unreadable(r);
            if (unreadable.isPresent()) {
                return broken(request, records, expected, "entry " + expected + " is unreadable: "
                        + unreadable.get());
            }
            Optional<String> seal = keys.problem(r, keyedSeen);
            if (seal.isPresent()) {
                if (expected > 1 && keys.problem(renumbered(r, expected - 1), keyedSeen).isEmpty()) {
                    // r is intact as the entry before: an entry was inserted ahead of it and the rest renumbered
                    return broken(request, records, expected - 1, "entry " + (expected - 1) + " was inserted: "
                            + "the entries after it were renumbered");
                }
                return broken(request, records, expected, "entry " + expected + " " + seal.get());
            }
            if (!r.previousHash().equals(previous)) {
                // r's own seal holds, so r is as written; what it links to is not the entry before it
                long replaced = expected - 1;
                return broken(request, records, replaced, "entry " + replaced + " was replaced or inserted: entry "
                        + expected + " does not link to it");
            }
            keyedSeen |= JournalKeys.isKeyed(r.hash());
            previous = r.hash();
            expected++;
        }
        long last = expected - 1;
        long anchored = request.journalSequence();
        if (anchored > last) {
            return broken(request, records, last + 1, "the journal ends at entry " + last + " but the request records "
                    + anchored + " entries: entries were removed or replaced");
        }
        if (anchored < last) {
            return broken(request, records, anchored + 1, "entry " + (anchored + 1) + " was added outside the "
                    + "engine: the request records " + anchored + " entries");
        }
        if (!previous.equals(request.journalHash())) {
            return broken(request, records, last, "entry " + last + " was replaced: the request's anchor names "
                    + "another entry " + last);
        }
        String recorded = records.isEmpty() ? null : records.get(records.size() - 1).stateDigest();
        // entries written before the engine recorded the state carry none: the row is then not checked
        if (recorded != null && !recorded.equals(StateDigest.of(request, codec))) {
            return broken(request, records, last, "the request as stored (status, subject, assignee, deadlines or "
                    + "another field) is not the state entry " + last + " recorded: the request row was changed "
                    + "outside the engine");
        }
        return ChainVerification.verified(request.id(), records.size());
    }

    private static ChainVerification broken(Request request, List<JournalRecord> records, long at, String problem) {
        return ChainVerification.broken(request.id(), records.size(), Math.max(1, at), problem);
    }

    private static JournalRecord renumbered(JournalRecord r, long sequence) {
        return r.withSequence(sequence);
    }

    /** Names the first missing part a sealed record must have, if any. */
    private static Optional<String> unreadable(JournalRecord r) {
        if (r.hash() == null || r.hash().isBlank()) {
            return Optional.of("it has no seal");
        }
        if (r.previousHash() == null) {
            return Optional.of("it has no link to the entry before it");
        }
        if (r.tenant() == null || r.request() == null || r.occurredAt() == null || r.actorId() == null) {
            return Optional.of("its tenant, request, time or actor is missing");
        }
        if (r.actorRole() == null || r.function() == null || r.visibility() == null) {
            return Optional.of("its actor role, labour function or visibility is missing or unknown");
        }
        if (r.eventType() == null) {
            return Optional.of("its event type is missing");
        }
        return Optional.empty();
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
