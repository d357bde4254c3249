package dev.supportkit.storage.jdbc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile text thrown at registration, the busiest customer-facing call, on the memory store, H2 and
 * PostgreSQL: every call either succeeds, and the store then gives back exactly what the call returned, or
 * fails with a {@link ValidationException} naming the field and the rule; nothing else, on every store alike.
 * A first part of the property-based suite issue 11 asks for (bounded: 150 tries per store).
 */
class HostileRegistrationTest {
    private static EngineFixture memory;
    private static EngineFixture h2;
    private static EngineFixture postgres;
    private static TestDatabase.Fresh h2Database;
    private static TestDatabase.Fresh postgresDatabase;

    @BeforeContainer
    static void start() {
        memory = new EngineFixture();
        h2Database = TestDatabase.H2.create();
        h2 = jdbc(h2Database);
        postgresDatabase = TestDatabase.POSTGRES.create();
        postgres = jdbc(postgresDatabase);
    }

    private static EngineFixture jdbc(TestDatabase.Fresh database) {
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        return new EngineFixture(settings);
    }

    @AfterContainer
    static void stop() {
        memory.close();
        h2.close();
        postgres.close();
        h2Database.drop().run();
        postgresDatabase.drop().run();
    }

    /** Any text: every character class (controls, NUL, lone surrogates, bidi overrides, emoji), empty and huge. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Character> hostile = Arbitraries.of('\u0000', '\u0007', '\u001B', '\t', '\n', '\r', '\u007F',
                '\u0085', '\u202E', '\u2066', '\uD800', '\uDC00', '\uFEFF', 'я', 'A', ' ');
        Arbitrary<String> plausible = Arbitraries.strings().withCharRange('a', 'z').withCharRange('А', 'я')
                .withChars(" .,!?-:;()0123456789😀\u05D0\u202B\u202C").ofMinLength(1).ofMaxLength(80)
                .filter(t -> !t.isBlank());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, plausible),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().all().ofMaxLength(60)),
                net.jqwik.api.Tuple.of(2, hostile.list().ofMaxSize(12).map(HostileRegistrationTest::join)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('x').ofMinLength(195).ofMaxLength(205)),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().withChars('y').ofMinLength(9_990)
                        .ofMaxLength(10_010)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "   ")));
    }

    private static String join(java.util.List<Character> chars) {
        StringBuilder text = new StringBuilder();
        chars.forEach(text::append);
        return text.toString();
    }

    @Property(tries = 150)
    @StatisticsReport(format = Histogram.class)
    void onMemory(@ForAll("texts") String subject, @ForAll("texts") String text) {
        storedExactlyOrRefusedByField(memory, subject, text);
        checkCoverage();
    }

    @Property(tries = 150)
    @StatisticsReport(format = Histogram.class)
    void onH2(@ForAll("texts") String subject, @ForAll("texts") String text) {
        storedExactlyOrRefusedByField(h2, subject, text);
        checkCoverage();
    }

    @Property(tries = 150)
    @StatisticsReport(format = Histogram.class)
    void onPostgres(@ForAll("texts") String subject, @ForAll("texts") String text) {
        storedExactlyOrRefusedByField(postgres, subject, text);
        checkCoverage();
    }

    /** Both outcomes must occur often enough for the property to mean something. */
    private static void checkCoverage() {
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("stored").percentage(p -> p >= 10);
            coverage.check("refused").percentage(p -> p >= 10);
        });
    }

    private static void storedExactlyOrRefusedByField(EngineFixture fx, String subject, String text) {
        Request returned;
        try {
            returned = fx.registered(fx.draft().subject(subject).text(text));
        } catch (ValidationException e) {
            Statistics.label("outcome").collect("refused");
            for (FieldError error : e.errors()) {
                assertFalse(error.field().isBlank() || error.rule().isBlank() || error.message().isBlank(),
                        "every error names its field and rule: " + error);
            }
            return;
        } catch (SupportException e) {
            fail("a refused text must be a ValidationException naming the field, was " + e, e);
            return;
        } catch (RuntimeException e) {
            fail("only SupportExceptions may leave the engine, was " + e, e);
            return;
        }
        Statistics.label("outcome").collect("stored");
        assertEquals(returned, fx.engine.quality().request(fx.auditor, returned.id()),
                "the store gives back exactly what the call returned");
    }
}
