package dev.supportkit.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.config.JournalSettings;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.InterceptingStorageFactory;
import dev.supportkit.core.testing.MutableClock;
import dev.supportkit.spi.storage.JournalRecord;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A journal sealed with a tenant's key (HMAC-SHA-256): whoever can write the store but lacks the key cannot
 * re-chain a forgery, and every verdict names the exact entry.
 */
class KeyedJournalTest {
    private static final String SECRET_1 = "s3cret-one-0123456789abcdefghijklmnop";
    private static final String SECRET_2 = "s3cret-two-0123456789abcdefghijklmnop";

    private final InterceptingStorageFactory storage = new InterceptingStorageFactory();
    private final MutableClock clock = new MutableClock(EngineFixture.START);
    private final List<EngineFixture> fixtures = new ArrayList<>();

    @AfterEach
    void tearDown() {
        fixtures.forEach(EngineFixture::close);
    }

    private EngineFixture engine(Map<String, String> settings) {
        SupportEngine.Builder builder = SupportEngine.builder().clock(clock).environment(Map.of()).storage(storage);
        settings.forEach(builder::set);
        EngineFixture fx = new EngineFixture(TenantId.of("acme"), builder.build());
        fixtures.add(fx);
        return fx;
    }

    private static Map<String, String> oneKey() {
        return Map.of("supportkit.journal.keys.k1.secret", SECRET_1);
    }

    private ChainVerification verifyWith(EngineFixture fx, Request request,
                                         UnaryOperator<List<JournalRecord>> tampering) {
        storage.journalReads = tampering;
        try {
            return fx.engine.journal().verify(fx.auditor, request.id());
        } finally {
            storage.journalReads = UnaryOperator.identity();
        }
    }

    private static JournalRecord withDescription(JournalRecord r, String description) {
        return new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), description,
                r.previousHash(), r.hash(), r.stateDigest());
    }

    private static JournalRecord sealed(JournalRecord r, String previous, JournalKeys keys) {
        JournalRecord linked = new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(),
                r.actorName(), r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(),
                r.description(), previous, "", r.stateDigest());
        return new JournalRecord(r.tenant(), r.request(), r.sequence(), r.occurredAt(), r.actorId(), r.actorName(),
                r.actorRole(), r.channel(), r.function(), r.visibility(), r.eventType(), r.payload(), r.description(),
                previous, keys.seal(linked), r.stateDigest());
    }

    /** Rewrites entry {@code index} and re-chains every following entry with the given sealer. */
    private static List<JournalRecord> forgeFrom(List<JournalRecord> records, int index, JournalKeys sealer) {
        List<JournalRecord> forged = new ArrayList<>(records.subList(0, index));
        String previous = index == 0 ? HashChain.GENESIS : records.get(index - 1).hash();
        for (int i = index; i < records.size(); i++) {
            JournalRecord r = i == index ? withDescription(records.get(i), "forged") : records.get(i);
            JournalRecord f = sealed(r, previous, sealer);
            forged.add(f);
            previous = f.hash();
        }
        return forged;
    }

    private static JournalKeys keysWith(String id, String secret) {
        return new JournalKeys(new JournalSettings(Map.of(id, new JournalSettings.Key(id, "*",
                secret.getBytes(StandardCharsets.UTF_8), true)), Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    @DisplayName("every entry carries a keyed seal naming its key, and an untouched journal verifies")
    void sealedAndIntact() {
        EngineFixture fx = engine(oneKey());
        Request request = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        assertTrue(entries.size() >= 5, entries.toString());
        assertTrue(entries.stream().allMatch(e -> e.hash().startsWith("hmac-sha256:k1:")), entries.toString());
        ChainVerification verdict = fx.engine.journal().verify(fx.auditor, request.id());
        assertTrue(verdict.intact(), verdict.toString());
    }

    @Test
    @DisplayName("an entry rewritten and re-chained with plain SHA-256 is reported at that entry")
    void rechainedWithoutTheKey() {
        EngineFixture fx = engine(oneKey());
        Request request = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        JournalKeys plain = new JournalKeys(JournalSettings.NONE);
        ChainVerification verdict = verifyWith(fx, request, rs -> forgeFrom(rs, 2, plain));
        assertFalse(verdict.intact());
        assertEquals(3L, verdict.brokenAt().orElseThrow(), verdict.toString());
        assertTrue(verdict.problem().orElseThrow().contains("not sealed with the tenant's key"), verdict.toString());
    }

    @Test
    @DisplayName("an entry re-chained with a guessed key under the right key id is reported as altered")
    void rechainedWithAWrongKey() {
        EngineFixture fx = engine(oneKey());
        Request request = fx.requestIn(RequestStatus.CLOSED, SupportLine.SECOND_LINE);
        ChainVerification verdict = verifyWith(fx, request, rs -> forgeFrom(rs, 1, keysWith("k1", SECRET_2)));
        assertEquals(2L, verdict.brokenAt().orElseThrow(), verdict.toString());
        assertTrue(verdict.problem().orElseThrow().contains("altered"), verdict.toString());

        ChainVerification unknownKey = verifyWith(fx, request, rs -> forgeFrom(rs, 1, keysWith("k9", SECRET_2)));
        assertEquals(2L, unknownKey.brokenAt().orElseThrow(), unknownKey.toString());
        assertTrue(unknownKey.problem().orElseThrow().contains("'k9', which is not configured"), unknownKey.toString());
    }

    @Test
    @DisplayName("keys rotate: a retired key still verifies old entries, the active key seals new ones")
    void rotation() {
        EngineFixture before = engine(oneKey());
        Request request = before.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);
        clock.advance(Duration.ofMinutes(5));
        EngineFixture after = engine(Map.of("supportkit.journal.keys.k1.secret", SECRET_1,
                "supportkit.journal.keys.k1.active", "false", "supportkit.journal.keys.k2.secret", SECRET_2));
        Request signedOff = after.engine.resolution().signOff(after.customer, request.ref(), "ok");
        List<JournalEntry> entries = after.engine.journal().entries(after.auditor, signedOff.id());
        assertTrue(entries.get(0).hash().startsWith("hmac-sha256:k1:"));
        assertTrue(entries.get(entries.size() - 1).hash().startsWith("hmac-sha256:k2:"));
        ChainVerification verdict = after.engine.journal().verify(after.auditor, signedOff.id());
        assertTrue(verdict.intact(), verdict.toString());

        EngineFixture forgotten = engine(Map.of("supportkit.journal.keys.k2.secret", SECRET_2));
        ChainVerification withoutK1 = forgotten.engine.journal().verify(forgotten.auditor, signedOff.id());
        assertEquals(1L, withoutK1.brokenAt().orElseThrow(), withoutK1.toString());
        assertTrue(withoutK1.problem().orElseThrow().contains("must stay configured"), withoutK1.toString());
    }

    @Test
    @DisplayName("entries written before keys existed verify when older than accept-unkeyed-before, and only then")
    void legacyEntries() {
        EngineFixture plain = engine(Map.of());
        Request request = plain.requestIn(RequestStatus.RESOLVED, SupportLine.FIRST_LINE);
        clock.advance(Duration.ofHours(1));
        EngineFixture keyed = engine(Map.of("supportkit.journal.keys.k1.secret", SECRET_1,
                "supportkit.journal.accept-unkeyed-before", clock.instant().toString()));
        Request signedOff = keyed.engine.resolution().signOff(keyed.customer, request.ref(), "ok");
        ChainVerification verdict = keyed.engine.journal().verify(keyed.auditor, signedOff.id());
        assertTrue(verdict.intact(), verdict.toString());

        EngineFixture strict = engine(oneKey());
        ChainVerification strictVerdict = strict.engine.journal().verify(strict.auditor, signedOff.id());
        assertEquals(1L, strictVerdict.brokenAt().orElseThrow(), strictVerdict.toString());
    }

    @Test
    @DisplayName("bad key settings are refused naming the key and the rule, never quoting a secret")
    void badSettings() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> engine(Map.of(
                "supportkit.journal.keys.k1.secret", "short-secret-value",
                "supportkit.journal.keys.k2.secret", SECRET_1, "supportkit.journal.keys.k3.secret", SECRET_2,
                "supportkit.journal.keys.k4.tenant", "acme", "supportkit.journal.accept-unkeyed-before", "soon",
                "supportkit.journal.keys.k5.active", "maybe")));
        String message = String.join("\n", e.problems());
        assertTrue(message.contains("supportkit.journal.keys.k1.secret: must be at least 32 characters, was 18"),
                message);
        assertTrue(message.contains("supportkit.journal.keys.k3.active: tenant '*' already seals with key 'k2'")
                || message.contains("supportkit.journal.keys.k2.active: tenant '*' already seals with key 'k1'"),
                message);
        assertTrue(message.contains("supportkit.journal.keys.k4.secret: is required"), message);
        assertTrue(message.contains("supportkit.journal.accept-unkeyed-before: must be an instant"), message);
        assertTrue(message.contains("supportkit.journal.keys.k5.active: must be true or false"), message);
        assertFalse(message.contains("short-secret-value") || message.contains(SECRET_1), message);
    }
}
