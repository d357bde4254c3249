package dev.supportkit.storage.jdbc.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import dev.supportkit.api.directory.SpecialistId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.SupportException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.work.FileUpload;
import dev.supportkit.api.work.Note;
import dev.supportkit.api.work.TaskDraft;
import dev.supportkit.api.work.TimeEntry;
import dev.supportkit.api.work.Triage;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
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
 * Hostile text thrown at the day-to-day calls (notes, replies, triage, work plans, time records, attachment
 * names) on the memory store and PostgreSQL: every call either succeeds, and the store then gives back exactly
 * what it returned, or fails with a {@link ValidationException} naming the field and the rule and leaves the
 * request as it was; nothing else. The second part of the property-based suite issue 11 asks for.
 */
class HostileWorkCallsTest {
    private static EngineFixture memory;
    private static EngineFixture postgres;
    private static TestDatabase.Fresh postgresDatabase;
    private static final Map<EngineFixture, Request> REQUESTS = new HashMap<>();

    /** The calls, each taking a request and a text and returning the new snapshot. */
    private static final Map<String, BiFunction<EngineFixture, Request, java.util.function.Function<String, Request>>>
            CALLS = Map.of(
            "note", (fx, r) -> text -> fx.engine.work().addNote(fx.engineer, r.ref(), Note.of(text)),
            "reply", (fx, r) -> text -> fx.engine.work().reply(fx.engineer, r.ref(), text),
            "triage", (fx, r) -> text -> fx.engine.work().triage(fx.engineer, r.ref(),
                    Triage.builder(text).findings(text).build()),
            "plan", (fx, r) -> text -> fx.engine.work().planWork(fx.engineer, r.ref(), List.of(TaskDraft
                    .builder(text.length() > 40 ? "k" + Integer.toHexString(text.hashCode()) : text)
                    .executor(SpecialistId.of("spc-viktor")).description(text).within(Duration.ofHours(1)).build())),
            "time", (fx, r) -> text -> fx.engine.work().recordTime(fx.engineer, r.ref(),
                    TimeEntry.of(Duration.ofMinutes(5), LaborFunction.C_03_6, text)),
            "attach", (fx, r) -> text -> fx.engine.work().attach(fx.engineer, r.ref(), 1, FileUpload.of(text,
                    "text/plain", new ByteArrayInputStream(new byte[] {1}))));

    @BeforeContainer
    static void start() {
        memory = new EngineFixture();
        postgresDatabase = TestDatabase.POSTGRES.create();
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        postgresDatabase.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        postgres = new EngineFixture(settings);
    }

    @AfterContainer
    static void stop() {
        memory.close();
        postgres.close();
        postgresDatabase.drop().run();
    }

    @Provide
    Arbitrary<String> texts() {
        return new HostileRegistrationTest().texts();
    }

    @Provide
    Arbitrary<String> calls() {
        return Arbitraries.of(List.copyOf(new java.util.TreeSet<>(CALLS.keySet())));
    }

    @Property(tries = 120)
    @StatisticsReport(format = Histogram.class)
    void onMemory(@ForAll("calls") String call, @ForAll("texts") String text) {
        storedExactlyOrRefusedByField(memory, call, text);
        checkCoverage();
    }

    @Property(tries = 120)
    @StatisticsReport(format = Histogram.class)
    void onPostgres(@ForAll("calls") String call, @ForAll("texts") String text) {
        storedExactlyOrRefusedByField(postgres, call, text);
        checkCoverage();
    }

    /** Both outcomes must occur often enough for the property to mean something. */
    private static void checkCoverage() {
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("stored").percentage(p -> p >= 30);
            coverage.check("refused").percentage(p -> p >= 5);
        });
    }

    private static void storedExactlyOrRefusedByField(EngineFixture fx, String call, String text) {
        Request before = REQUESTS.computeIfAbsent(fx, f -> f.requestIn(RequestStatus.AT_SECOND_LINE,
                SupportLine.SECOND_LINE));
        before = fx.engine.quality().request(fx.auditor, before.id());
        Request returned;
        try {
            returned = CALLS.get(call).apply(fx, before).apply(text);
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                assertFalse(error.field().isBlank() || error.rule().isBlank() || error.message().isBlank(),
                        "every error names its field and rule: " + error);
            }
            assertEquals(before, fx.engine.quality().request(fx.auditor, before.id()), call + " refused: unchanged");
            Statistics.label("outcome").collect("refused");
            return;
        } catch (SupportException e) {
            fail(call + ": a refused text must be a ValidationException naming the field, was " + e, e);
            return;
        } catch (RuntimeException e) {
            fail(call + ": only SupportExceptions may leave the engine, was " + e, e);
            return;
        }
        assertEquals(returned, fx.engine.quality().request(fx.auditor, returned.id()),
                call + ": the store gives back exactly what the call returned");
        REQUESTS.put(fx, returned);
        Statistics.label("outcome").collect("stored");
    }
}
