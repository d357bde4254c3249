package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.OrganizationId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.error.ConcurrencyConflictException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.intake.ImportResult;
import dev.supportkit.api.intake.ImportedRequest;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.request.ResolutionReport;
import dev.supportkit.core.testing.EngineFixture;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Bulk import of historical requests: all or nothing, journalled, with every error named. */
class RequestImportTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private ImportedRequest item(String externalId, RequestStatus status) {
        Instant registered = fx.clock.instant().minus(Duration.ofDays(90));
        return new ImportedRequest(externalId, fx.org, fx.rep, fx.system, Channel.EMAIL, "Old ticket " + externalId,
                "Imported description", null, status, status == RequestStatus.AT_SECOND_LINE ? SupportLine.SECOND_LINE
                : null, registered, registered.plus(Duration.ofDays(2)),
                status == RequestStatus.CLOSED ? ResolutionReport.of("Fixed then", "Cause then") : null);
    }

    private int stored() {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(1000).build()).size();
    }

    @Test
    @DisplayName("imported requests keep their status and times and start a verified journal")
    void importsRequests() {
        List<ImportedRequest> items = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            items.add(item("OTRS-" + i, i % 2 == 0 ? RequestStatus.CLOSED : RequestStatus.AT_SECOND_LINE));
        }
        ImportResult result = fx.engine.intake().importRequests(fx.admin, "OTRS", items);
        assertEquals(50, result.requests().size());
        assertEquals(50, stored());

        Request closed = fx.engine.quality().request(fx.auditor, result.requests().get(0));
        assertEquals(RequestStatus.CLOSED, closed.status());
        assertEquals(items.get(0).registeredAt(), closed.registeredAt());
        assertEquals(items.get(0).updatedAt(), closed.updatedAt());
        assertEquals("Fixed then", closed.resolution().orElseThrow().summary());
        Request open = fx.engine.quality().request(fx.auditor, result.requests().get(1));
        assertEquals(SupportLine.SECOND_LINE, open.line());

        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, closed.id());
        assertEquals(1, journal.size());
        assertEquals(LaborFunction.A_01_3, journal.get(0).function());
        assertEquals(Visibility.INTERNAL, journal.get(0).visibility());
        assertEquals(new RequestEvent.Imported("OTRS", "OTRS-0", RequestStatus.CLOSED), journal.get(0).event());
        assertTrue(fx.engine.journal().verify(fx.auditor, closed.id()).intact());
        assertEquals(List.of(), fx.engine.journal().entries(fx.customer, closed.id()),
                "the import entry is internal");

        Request worked = fx.engine.resolution().resolve(fx.engineer, open.ref(), ResolutionReport.of("Done", "X"));
        assertEquals(RequestStatus.RESOLVED, worked.status(), "an imported open request is worked on as usual");
    }

    @Test
    @DisplayName("an imported resolution and times follow the limits of the engine's own commands")
    void importLimits() {
        Instant registered = fx.clock.instant().minus(Duration.ofDays(90));
        ImportedRequest huge = new ImportedRequest("L-1", fx.org, fx.rep, fx.system, Channel.EMAIL, "Old",
                "Imported description", null, RequestStatus.CLOSED, null, registered, null,
                ResolutionReport.of("x".repeat(1_000_000), "y".repeat(1001)));
        ImportedRequest ancient = new ImportedRequest("L-2", fx.org, fx.rep, fx.system, Channel.EMAIL, "Old",
                "Imported description", null, RequestStatus.CLOSED, null, Instant.MIN, null,
                ResolutionReport.of("Fixed", "Cause"));
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.intake()
                .importRequests(fx.admin, "OTRS", List.of(huge, ancient)));
        assertEquals(Set.of("requests[0].resolution.summary max-length", "requests[0].resolution.cause max-length",
                "requests[1].registeredAt range"), error.errors().stream().map(e -> e.field() + " " + e.rule())
                .collect(Collectors.toSet()));
        assertEquals(0, stored());
    }

    @Test
    @DisplayName("every bad field of every item is reported with its position, and nothing is stored")
    void reportsEveryError() {
        Instant future = fx.clock.instant().plus(Duration.ofDays(1));
        ImportedRequest good = item("A-1", RequestStatus.CLOSED);
        ImportedRequest empty = new ImportedRequest(null, null, null, null, null, null, null, null, null, null, null,
                null, null);
        ImportedRequest wrongOrg = new ImportedRequest("A-2", OrganizationId.of("nobody"), fx.rep, null, Channel.PHONE,
                "s", "d", null, RequestStatus.CLOSED, null, fx.clock.instant(), null, null);
        ImportedRequest badTimes = new ImportedRequest("A-1", fx.org, fx.otherOrgRep, null, Channel.PHONE, "s", "d",
                null, RequestStatus.CLOSED, null, future, fx.clock.instant(), null);

        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.intake()
                .importRequests(fx.admin, "OTRS", List.of(good, empty, wrongOrg, badTimes)));
        Set<String> reported = error.errors().stream().map(e -> e.field() + " " + e.rule())
                .collect(Collectors.toSet());
        assertEquals(Set.of(
                "requests[1].externalId required", "requests[1].channel required", "requests[1].subject required",
                "requests[1].description required", "requests[1].status required",
                "requests[1].registeredAt required", "requests[1].organization required",
                "requests[1].representative required",
                "requests[2].organization exists",
                "requests[3].externalId unique", "requests[3].registeredAt not-in-future",
                "requests[3].updatedAt not-before-registration", "requests[3].representative belongs-to-organization"),
                reported);
        for (FieldError e : error.errors()) {
            assertTrue(error.getMessage().contains(e.field()), e::field);
        }
        assertEquals(0, stored());
    }

    @Test
    @DisplayName("importing the same external id again conflicts and stores nothing of the second batch")
    void reimportConflicts() {
        fx.engine.intake().importRequests(fx.admin, "OTRS", List.of(item("X-1", RequestStatus.CLOSED)));
        assertThrows(ConcurrencyConflictException.class, () -> fx.engine.intake().importRequests(fx.admin, "OTRS",
                List.of(item("X-2", RequestStatus.CLOSED), item("X-1", RequestStatus.CLOSED))));
        assertEquals(1, stored());
    }

    @Test
    @DisplayName("the source is required and a batch is limited in size")
    void batchRules() {
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.intake()
                .importRequests(fx.admin, " ", java.util.Collections.nCopies(10_001, item("Y", RequestStatus.CLOSED))));
        assertEquals(Set.of("import.source required", "import.requests max-size"), error.errors().stream()
                .map(e -> e.field() + " " + e.rule()).collect(Collectors.toSet()));
    }
}
