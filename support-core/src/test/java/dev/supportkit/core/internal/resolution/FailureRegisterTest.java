package dev.supportkit.core.internal.resolution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.AccessDeniedException;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.InvalidTransitionException;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.FailureCause;
import dev.supportkit.api.resolution.FailureCauseCatalogue;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.resolution.FailureStatistics;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.FailureScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The failure register of 06.024, C/03.6, through the public API on the in-memory store. */
class FailureRegisterTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private static List<String> fieldsAndRules(Runnable call) {
        ValidationException e = assertThrows(ValidationException.class, call::run);
        return e.errors().stream().map(err -> err.field() + ":" + err.rule()).toList();
    }

    private Instant now() {
        return fx.clock.instant();
    }

    private FailureReport.Builder psuFailure() {
        return FailureReport.builder().model("PSU-300").component(fx.psu).serial("SN-001").causeCode("power.psu")
                .failedAt(now().minus(Duration.ofHours(3))).restoredAt(now().minus(Duration.ofHours(1)))
                .note("PSU over-temperature");
    }

    @Test
    @DisplayName("twenty failures over three models and four causes: counts per model, component and cause and MTBF"
            + " per model match a hand count")
    void countsAndMtbfMatchAHandCount() {
        FailureScenario.Outcome outcome = FailureScenario.runAndCheck(fx);
        assertEquals(20, outcome.failures().size());
        FailureStatistics later = fx.engine.resolution().failureStatistics(fx.intakeLead,
                now().plus(Duration.ofDays(1)), now().plus(Duration.ofDays(2)));
        assertEquals(0, later.total(), "no failure in a later period");
        assertTrue(later.mtbf().stream().allMatch(m -> m.failures() == 0 && m.hoursBetweenFailures().isEmpty()
                && m.operatingHours() > 0), "units in use, no failures: operating hours without a mean: "
                + later.mtbf());
    }

    @Test
    @DisplayName("a recorded failure is journalled internal under C/03.6 with its cause and the catalogue version")
    void failureIsJournalledInternal() {
        fx.engine.resolution().defineFailureCauses(fx.admin, FailureScenario.CATALOGUE);
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        FailureReport report = psuFailure().build();
        Request after = fx.engine.resolution().recordFailure(fx.engineer, request.ref(), report);

        assertEquals(RequestStatus.AT_SECOND_LINE, after.status());
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, request.id());
        JournalEntry last = entries.get(entries.size() - 1);
        assertEquals(Visibility.INTERNAL, last.visibility());
        assertEquals(LaborFunction.C_03_6, last.function());
        RequestEvent.FailureRecorded event = (RequestEvent.FailureRecorded) last.event();
        assertEquals("PSU-300", event.model());
        assertEquals(fx.psu, event.component());
        assertEquals("power.psu", event.causeCode());
        assertEquals(1, event.catalogue());
        assertEquals(report.failedAt(), event.failedAt());
        assertEquals(report.restoredAt(), event.restoredAt());
        assertTrue(fx.engine.journal().entries(fx.customer, request.id()).stream()
                .noneMatch(e -> e.event() instanceof RequestEvent.FailureRecorded), "customers do not see it");
        assertTrue(fx.engine.journal().verify(fx.auditor, request.id()).intact());
        assertEquals(1, fx.engine.resolution().failureStatistics(fx.groupLead, now().minus(Duration.ofDays(1)),
                now().plusSeconds(1)).byComponent().get(fx.psu));
    }

    @Test
    @DisplayName("bad failures are refused naming the field: unknown cause, restore before failure, future, no model")
    void badFailuresAreRefused() {
        fx.engine.resolution().defineFailureCauses(fx.admin, FailureScenario.CATALOGUE);
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        Supplier<Request> stored = () -> fx.engine.quality().request(fx.auditor, request.id());

        assertEquals(List.of("failure.causeCode:exists"), fieldsAndRules(() -> fx.engine.resolution()
                .recordFailure(fx.engineer, request.ref(), psuFailure().causeCode("gremlins").build())));
        assertEquals(List.of("failure.restoredAt:after-failure"), fieldsAndRules(() -> fx.engine.resolution()
                .recordFailure(fx.engineer, request.ref(), psuFailure().restoredAt(now().minus(Duration.ofHours(4)))
                        .build())));
        assertEquals(List.of("failure.failedAt:not-in-future", "failure.restoredAt:not-in-future"),
                fieldsAndRules(() -> fx.engine.resolution().recordFailure(fx.engineer, request.ref(), psuFailure()
                        .failedAt(now().plusSeconds(60)).restoredAt(now().plusSeconds(120)).build())));
        assertEquals(List.of("failure.model:required"), fieldsAndRules(() -> fx.engine.resolution()
                .recordFailure(fx.engineer, request.ref(), psuFailure().model(" ").build())));
        assertEquals(List.of("failure.causeCode:required", "failure.failedAt:required"),
                fieldsAndRules(() -> fx.engine.resolution().recordFailure(fx.engineer, request.ref(),
                        psuFailure().causeCode(null).failedAt(null).build())));

        assertEquals(request, stored.get(), "a refused failure changes nothing");
        assertEquals(0, fx.engine.resolution().failureStatistics(fx.auditor, now().minus(Duration.ofDays(1)),
                now().plusSeconds(1)).total(), "and stores nothing");
    }

    @Test
    @DisplayName("only second line records failures, only at second line or resolved")
    void whoAndWhen() {
        fx.engine.resolution().defineFailureCauses(fx.admin, FailureScenario.CATALOGUE);
        Request atSecond = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().recordFailure(fx.operator,
                atSecond.ref(), psuFailure().build()));
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().recordFailure(fx.intakeLead,
                atSecond.ref(), psuFailure().build()));
        Request atFirst = fx.requestIn(RequestStatus.IN_PROGRESS_FIRST_LINE, SupportLine.FIRST_LINE);
        assertThrows(InvalidTransitionException.class, () -> fx.engine.resolution().recordFailure(fx.engineer,
                atFirst.ref(), psuFailure().build()));
        Request signedOff = fx.requestIn(RequestStatus.SIGNED_OFF, SupportLine.SECOND_LINE);
        assertThrows(InvalidTransitionException.class, () -> fx.engine.resolution().recordFailure(fx.groupLead,
                signedOff.ref(), psuFailure().build()));
        Request resolved = fx.requestIn(RequestStatus.RESOLVED, SupportLine.SECOND_LINE);
        assertEquals(RequestStatus.RESOLVED, fx.engine.resolution().recordFailure(fx.groupLead, resolved.ref(),
                psuFailure().build()).status());
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().failureStatistics(fx.engineer,
                now().minus(Duration.ofDays(1)), now()));
    }

    @Test
    @DisplayName("a catalogue defined twice is version 2, and a cause removed from it is no longer accepted")
    void catalogueVersions() {
        assertEquals(new FailureCauseCatalogue(0, List.of()), fx.engine.resolution().failureCauses(fx.engineer));
        FailureCauseCatalogue first = fx.engine.resolution().defineFailureCauses(fx.admin, FailureScenario.CATALOGUE);
        assertEquals(1, first.version());
        assertEquals(List.of(new FailureCause("power", "Power supply", Optional.empty()),
                new FailureCause("power.psu", "PSU failure", Optional.of("power")),
                new FailureCause("power.mains", "Mains outage", Optional.of("power")),
                new FailureCause("firmware", "Firmware fault", Optional.empty()),
                new FailureCause("cabling", "Cabling", Optional.empty())), first.causes());
        assertEquals(List.of("power.psu", "power.mains"), first.children("power").stream().map(FailureCause::code)
                .toList());
        Request request = fx.requestIn(RequestStatus.AT_SECOND_LINE, SupportLine.SECOND_LINE);
        request = fx.engine.resolution().recordFailure(fx.engineer, request.ref(), psuFailure()
                .causeCode("cabling").build());

        FailureCauseCatalogue second = fx.engine.resolution().defineFailureCauses(fx.admin,
                "causes: [{code: firmware, title: Firmware}, {code: power, title: Power}]");
        assertEquals(2, second.version());
        assertEquals(second, fx.engine.resolution().failureCauses(fx.auditor));
        Request current = request;
        assertEquals(List.of("failure.causeCode:exists"), fieldsAndRules(() -> fx.engine.resolution()
                .recordFailure(fx.engineer, current.ref(), psuFailure().causeCode("cabling").build())));
        Request after = fx.engine.resolution().recordFailure(fx.engineer, current.ref(), psuFailure()
                .causeCode("firmware").build());
        List<JournalEntry> entries = fx.engine.journal().entries(fx.auditor, after.id());
        assertEquals(2, ((RequestEvent.FailureRecorded) entries.get(entries.size() - 1).event()).catalogue());
        assertEquals(java.util.Map.of("cabling", 1L, "firmware", 1L), fx.engine.resolution().failureStatistics(
                fx.admin, now().minus(Duration.ofDays(1)), now().plusSeconds(1)).byCause(),
                "failures recorded under v1 keep their cause");
    }

    @Test
    @DisplayName("bad catalogues are refused naming the nested field, and keep the current one")
    void badCataloguesAreRefused() {
        assertEquals(List.of("causes[0].causes[1].code:pattern", "causes[1].title:required"),
                fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(fx.admin, FailureScenario.CATALOGUE
                        .replace("code: power.mains", "code: Power Mains").replace("title: Firmware fault", ""))));
        assertEquals(List.of("causes[1].causes[0].code:unique"),
                fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(fx.admin, """
                        causes:
                          - code: power
                            title: Power supply
                          - code: network
                            title: Network
                            causes:
                              - code: power
                                title: PoE power
                        """)));
        assertEquals(List.of("causes[0].code:required", "causes[0].colour:yaml"),
                fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(fx.admin, """
                        causes:
                          - title: Power supply
                            colour: red
                        """)).stream().sorted().toList());
        ValidationException notYaml = assertThrows(ValidationException.class, () -> fx.engine.resolution()
                .defineFailureCauses(fx.admin, "causes: [ {code: power, title: Power"));
        FieldError error = notYaml.errors().get(0);
        assertEquals("yaml:yaml", error.field() + ":" + error.rule());
        assertTrue(error.message().contains("not valid YAML"), error.message());
        assertEquals(List.of("causes:yaml"), fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(
                fx.admin, "causes: power")));
        assertEquals(List.of("causes:required"), fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(
                fx.admin, "causes: []")));
        assertEquals(List.of("yaml:required"), fieldsAndRules(() -> fx.engine.resolution().defineFailureCauses(
                fx.admin, " ")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().defineFailureCauses(fx.groupLead,
                FailureScenario.CATALOGUE));
        assertEquals(0, fx.engine.resolution().failureCauses(fx.admin).version(), "nothing was stored");
    }

    @Test
    @DisplayName("installed units: the system must exist, the component belong to it; the same pair is replaced")
    void installedUnits() {
        Instant commissioned = now().minus(Duration.ofDays(100));
        assertEquals(List.of("unit.system:exists"), fieldsAndRules(() -> fx.engine.resolution().registerInstalledUnit(
                fx.admin, InstalledUnit.of(SystemId.of("sys-nowhere"), null, "NT-PBX 300", commissioned))));
        assertEquals(List.of("unit.component:component-of-system"), fieldsAndRules(() -> fx.engine.resolution()
                .registerInstalledUnit(fx.admin, InstalledUnit.of(fx.system, ComponentId.of("cmp-fan"), "FAN-1",
                        commissioned))));
        assertEquals(List.of("unit.model:required", "unit.decommissionedAt:after-commissioning"),
                fieldsAndRules(() -> fx.engine.resolution().registerInstalledUnit(fx.admin, InstalledUnit.of(
                        fx.system, null, "", commissioned).withDecommissionedAt(commissioned))));
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().registerInstalledUnit(fx.groupLead,
                InstalledUnit.of(fx.system, null, "NT-PBX 300", commissioned)));

        InstalledUnit pbx = fx.engine.resolution().registerInstalledUnit(fx.admin, InstalledUnit.of(fx.system, null,
                " NT-PBX 300 ", commissioned));
        assertEquals("NT-PBX 300", pbx.model(), "the model is stored stripped");
        InstalledUnit psu = fx.engine.resolution().registerInstalledUnit(fx.admin, InstalledUnit.of(fx.system, fx.psu,
                "PSU-300", commissioned).withSerial("SN-001"));
        InstalledUnit replaced = fx.engine.resolution().registerInstalledUnit(fx.admin, psu.withSerial("SN-002")
                .withDecommissionedAt(now()));
        assertEquals(List.of(pbx, replaced), fx.engine.resolution().installedUnits(fx.operator, Optional.empty()));
        assertEquals(List.of(replaced), fx.engine.resolution().installedUnits(fx.auditor, Optional.of("PSU-300")));
        assertThrows(AccessDeniedException.class, () -> fx.engine.resolution().installedUnits(fx.customer,
                Optional.empty()));
    }

    @Test
    @DisplayName("the README's catalogue is accepted as written, its children under their parent")
    void readmeCatalogue() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### Failure register (C/03.6)"));
        int open = section.indexOf("```yaml\n") + 8;
        String yaml = section.substring(open, section.indexOf("```\n", open));
        FailureCauseCatalogue catalogue = fx.engine.resolution().defineFailureCauses(fx.admin, yaml);
        assertEquals(List.of("power", "power.psu", "power.mains", "firmware"), catalogue.causes().stream()
                .map(FailureCause::code).toList());
        assertEquals(Optional.of("power"), catalogue.cause("power.mains").orElseThrow().parent());
    }

    @Test
    @DisplayName("statistics need a period whose end comes after its start")
    void statisticsPeriod() {
        assertEquals(List.of("until:range"), fieldsAndRules(() -> fx.engine.resolution().failureStatistics(
                fx.auditor, now(), now())));
    }
}
