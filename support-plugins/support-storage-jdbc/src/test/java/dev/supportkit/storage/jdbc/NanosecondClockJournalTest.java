package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.ChainVerification;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default system clock gives nanoseconds on Linux; the stores keep microseconds. With a clock that ticks
 * in odd nanoseconds the journal of a request that went through its whole life still verifies on every
 * database, and what a command returned is what the store gives back.
 */
class NanosecondClockJournalTest {
    private TestDatabase.Fresh database;

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop().run();
        }
    }

    /** Each reading is 1,234,567 ns after the one before: never a whole microsecond. */
    private static final class NanosecondClock extends Clock {
        private final AtomicLong nanos = new AtomicLong(123_456_789);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return EngineFixture.START.plusNanos(nanos.addAndGet(1_234_567));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("a journal written with a nanosecond clock verifies, and stored times read back as returned")
    void nanosecondClockJournalVerifies(TestDatabase server) {
        database = server.create();
        try (EngineFixture fx = new EngineFixture(database.engineSettings(),
                builder -> builder.clock(new NanosecondClock()))) {
            Request inWork = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
            Request resolved = fx.engine.resolution().resolve(fx.operator, inWork.ref(),
                    ResolutionReport.of("Restarted the trunk", "Trunk hung"));
            Request signedOff = fx.engine.resolution().signOff(fx.customer, resolved.ref(), "ok");
            Request closed = fx.engine.quality().close(fx.intakeLead, signedOff.ref(), "done");

            assertEquals(closed, fx.engine.quality().request(fx.auditor, closed.id()),
                    "the request reads back exactly as the command returned it");
            ChainVerification verdict = fx.engine.journal().verify(fx.auditor, closed.id());
            assertTrue(verdict.intact(), verdict.toString());
            List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, closed.id());
            assertTrue(entries.size() >= 5, entries.toString());
            assertTrue(entries.stream().allMatch(e -> e.occurredAt().getNano() % 1_000 == 0), entries.toString());
            Instant now = fx.engine.clock().instant();
            assertEquals(0, now.getNano() % 1_000, "the engine's clock gives whole microseconds: " + now);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestDatabase.class)
    @DisplayName("requests imported with nanosecond times read back as stored, and their journals verify")
    void importedNanosecondTimesVerify(TestDatabase server) {
        database = server.create();
        try (EngineFixture fx = new EngineFixture(database.engineSettings())) {
            Instant registered = fx.clock.instant().minus(java.time.Duration.ofDays(30)).plusNanos(123_456_789);
            dev.supportkit.api.intake.ImportedRequest item = new dev.supportkit.api.intake.ImportedRequest("OTRS-1",
                    fx.org, fx.rep, fx.system, dev.supportkit.api.request.Channel.EMAIL, "Old ticket",
                    "Imported description", null, RequestStatus.CLOSED, null, registered,
                    registered.plusNanos(987_654_321), ResolutionReport.of("Fixed then", "Cause then"));
            dev.supportkit.api.request.RequestId id = fx.engine.intake().importRequests(fx.admin, "OTRS",
                    List.of(item)).requests().get(0);
            Request stored = fx.engine.quality().request(fx.auditor, id);
            assertEquals(registered.truncatedTo(java.time.temporal.ChronoUnit.MICROS), stored.registeredAt());
            ChainVerification verdict = fx.engine.journal().verify(fx.auditor, id);
            assertTrue(verdict.intact(), verdict.toString());
        }
    }
}
