package dev.supportkit.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.spi.storage.JournalRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** journal().verify detects every kind of tampering with the stored journal. */
class JournalTamperTest {
    private final InterceptingStorageFactory storage = new InterceptingStorageFactory();
    private EngineFixture fx;
    private Request request;

    @BeforeEach
    void setUp() {
        SupportEngine engine = SupportEngine.builder().clock(new MutableClock(EngineFixture.START))
                .environment(Map.of()).storage(storage).build();
        fx = new EngineFixture(TenantId.of("acme"), engine);
        request = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private ChainVerification verifyWith(UnaryOperator<List<JournalRecord>> tampering) {
        storage.journalReads = tampering;
        return fx.engine.journal().verify(fx.auditor, request.id());
    }

    private static JournalRecord withDescription(JournalRecord r, String description) {
        return new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), description,
                r.previousHash(), r.hash(), r.stateDigest());
    }

    private static JournalRecord rehashed(JournalRecord r, String previousHash) {
        JournalRecord relinked = new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(),
                r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(),
                r.description(), previousHash, "", r.stateDigest());
        return new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), r.description(),
                previousHash, HashChain.hash(relinked), r.stateDigest());
    }

    private static List<JournalRecord> replace(List<JournalRecord> records, int index, JournalRecord replacement) {
        List<JournalRecord> copy = new ArrayList<>(records);
        copy.set(index, replacement);
        return copy;
    }

    @Test
    @DisplayName("an untouched journal verifies, with every entry counted")
    void intactChainVerifies() {
        ChainVerification result = verifyWith(UnaryOperator.identity());
        assertTrue(result.intact(), () -> result.problem().orElse(""));
        assertEquals(request.journalSequence(), result.entriesChecked());
    }

    @Test
    @DisplayName("an altered description is detected at that entry")
    void alteredDescription() {
        ChainVerification result = verifyWith(rs -> replace(rs, 2, withDescription(rs.get(2), "nothing happened")));
        assertFalse(result.intact());
        assertEquals(3L, result.brokenAt().orElseThrow());
        assertTrue(result.problem().orElseThrow().contains("altered"));
    }

    @Test
    @DisplayName("an altered event payload is detected")
    void alteredPayload() {
        ChainVerification result = verifyWith(rs -> {
            JournalRecord r = rs.get(1);
            return replace(rs, 1, new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(),
                    r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(),
                    r.payload().replace("spc-anna", "spc-mallory"), r.description(), r.previousHash(), r.hash(), r.stateDigest()));
        });
        assertFalse(result.intact());
        assertEquals(2L, result.brokenAt().orElseThrow());
    }

    @Test
    @DisplayName("a removed entry in the middle is detected")
    void removedMiddleEntry() {
        ChainVerification result = verifyWith(rs -> {
            List<JournalRecord> copy = new ArrayList<>(rs);
            copy.remove(3);
            return copy;
        });
        assertFalse(result.intact());
        assertEquals(4L, result.brokenAt().orElseThrow());
        assertTrue(result.problem().orElseThrow().contains("missing"));
    }

    @Test
    @DisplayName("a removed last entry is detected against the anchor on the request")
    void removedLastEntry() {
        ChainVerification result = verifyWith(rs -> rs.subList(0, rs.size() - 1));
        assertFalse(result.intact());
        assertTrue(result.problem().orElseThrow().contains("removed"));
    }

    @Test
    @DisplayName("swapped entries are detected")
    void reordered() {
        ChainVerification result = verifyWith(rs -> {
            List<JournalRecord> copy = new ArrayList<>(rs);
            Collections.swap(copy, 1, 2);
            return copy;
        });
        assertFalse(result.intact());
        assertEquals(2L, result.brokenAt().orElseThrow());
    }

    @Test
    @DisplayName("a forged entry with a recomputed hash is reported at itself: the next entry does not link to it")
    void forgedEntryWithRecomputedHash() {
        ChainVerification result = verifyWith(rs -> {
            JournalRecord forged = withDescription(rs.get(2), "forged");
            return replace(rs, 2, rehashed(forged, forged.previousHash()));
        });
        assertFalse(result.intact());
        assertEquals(3L, result.brokenAt().orElseThrow(), result.toString());
        assertTrue(result.problem().orElseThrow().contains("entry 3 was replaced"), result.toString());
    }

    @Test
    @DisplayName("a completely re-chained forgery still fails against the request's anchor")
    void fullyRechainedForgery() {
        ChainVerification result = verifyWith(rs -> {
            List<JournalRecord> forged = new ArrayList<>();
            String previous = HashChain.GENESIS;
            for (JournalRecord r : rs) {
                JournalRecord f = rehashed(r.sequence() == 2 ? withDescription(r, "forged") : r, previous);
                forged.add(f);
                previous = f.hash();
            }
            return forged;
        });
        assertFalse(result.intact());
        assertEquals(request.journalSequence(), result.brokenAt().orElseThrow(), result.toString());
        assertTrue(result.problem().orElseThrow().contains("the request's anchor names another entry"),
                result.toString());
    }

    @Test
    @DisplayName("an entry inserted in the middle, the rest renumbered, is reported at the inserted entry")
    void insertedEntry() {
        ChainVerification result = verifyWith(rs -> {
            List<JournalRecord> copy = new ArrayList<>(rs.subList(0, 2));
            copy.add(rehashed(withDescription(rs.get(2), "inserted"), rs.get(1).hash()));
            for (JournalRecord r : rs.subList(2, rs.size())) {
                copy.add(new JournalRecord(r.tenant(), r.request(), r.sequence() + 1, r.occurredAt(), r.actorId(),
                        r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(),
                        r.payload(), r.description(), r.previousHash(), r.hash(), r.stateDigest()));
            }
            return copy;
        });
        assertFalse(result.intact());
        assertEquals(3L, result.brokenAt().orElseThrow(), result.toString());
        assertTrue(result.problem().orElseThrow().contains("inserted"), result.toString());
    }

    @Test
    @DisplayName("damaged rows (no description, no link, no role, no seal) are reported at that entry, never thrown")
    void damagedRows() {
        ChainVerification noDescription = verifyWith(rs -> replace(rs, 1, withDescription(rs.get(1), null)));
        assertEquals(2L, noDescription.brokenAt().orElseThrow(), noDescription.toString());
        assertTrue(noDescription.problem().orElseThrow().contains("altered"), noDescription.toString());

        ChainVerification noLink = verifyWith(rs -> {
            JournalRecord r = rs.get(2);
            return replace(rs, 2, new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(),
                    r.actorId(), r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(),
                    r.eventType(), r.payload(), r.description(), null, r.hash(), r.stateDigest()));
        });
        assertEquals(3L, noLink.brokenAt().orElseThrow(), noLink.toString());
        assertTrue(noLink.problem().orElseThrow().contains("unreadable"), noLink.toString());

        ChainVerification noRole = verifyWith(rs -> {
            JournalRecord r = rs.get(3);
            return replace(rs, 3, new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(),
                    r.actorId(), r.actorName(), null, r.channel(), r.function(), r.visibility(), r.eventType(),
                    r.payload(), r.description(), r.previousHash(), r.hash(), r.stateDigest()));
        });
        assertEquals(4L, noRole.brokenAt().orElseThrow(), noRole.toString());
        assertTrue(noRole.problem().orElseThrow().contains("unreadable"), noRole.toString());

        ChainVerification noSeal = verifyWith(rs -> {
            JournalRecord r = rs.get(0);
            return replace(rs, 0, new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(),
                    r.actorId(), r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(),
                    r.eventType(), r.payload(), r.description(), r.previousHash(), null, r.stateDigest()));
        });
        assertEquals(1L, noSeal.brokenAt().orElseThrow(), noSeal.toString());
        assertTrue(noSeal.problem().orElseThrow().contains("no seal"), noSeal.toString());
    }
}
