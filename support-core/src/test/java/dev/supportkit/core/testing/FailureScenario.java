package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Actor;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.api.resolution.FailureCauseCatalogue;
import dev.supportkit.api.resolution.FailureCount;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.resolution.FailureStatistics;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.resolution.Mtbf;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * The failure register's counting scenario, the same on every store: a catalogue of four causes, an installed
 * base of three models, twenty failures generated from a fixed seed and recorded through the public API on
 * requests at second line (every fifth on a resolved one), then the statistics checked against a hand count made
 * here from the same generated data.
 */
public final class FailureScenario {
    /** The catalogue: two top-level causes with two children under one of them, four leaves recorded. */
    public static final String CATALOGUE = """
            causes:
              - code: power
                title: Power supply
                causes:
                  - code: power.psu
                    title: PSU failure
                  - code: power.mains
                    title: Mains outage
              - code: firmware
                title: Firmware fault
              - code: cabling
                title: Cabling
            """;
    /** The causes failures are recorded under. */
    public static final List<String> CAUSES = List.of("power.psu", "power.mains", "firmware", "cabling");
    /** The equipment models of the installed base. */
    public static final List<String> MODELS = List.of("NT-PBX 300", "PSU-300", "SW-24");
    /** The statistics' period starts this long before the fixture's start; some failures are older. */
    public static final Duration LOOK_BACK = Duration.ofDays(30);

    /** One generated failure and the request it went on. */
    public record Recorded(FailureReport report, Request request) {
    }

    /** What the scenario did, for further checks. */
    public record Outcome(List<InstalledUnit> units, List<Recorded> failures, FailureStatistics statistics) {
    }

    private FailureScenario() {
    }

    /**
     * Runs the scenario on the fixture's engine and checks the statistics against the hand count.
     *
     * @param fx a fresh fixture
     * @return what was recorded and read back
     */
    public static Outcome runAndCheck(EngineFixture fx) {
        FailureCauseCatalogue catalogue = fx.engine.resolution().defineFailureCauses(fx.admin, CATALOGUE);
        assertEquals(5, catalogue.causes().size(), catalogue.toString());
        List<InstalledUnit> units = installedBase(fx);
        Map<String, List<ComponentId>> components = new HashMap<>();
        components.put("NT-PBX 300", Arrays.asList(null, null));
        components.put("PSU-300", List.of(fx.psu, ComponentId.of("cmp-psu-b")));
        components.put("SW-24", Arrays.asList(ComponentId.of("cmp-sw-1"), ComponentId.of("cmp-sw-2"), null));
        Random random = new Random(6_024);
        List<Recorded> recorded = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String model = MODELS.get(i % MODELS.size());
            List<ComponentId> choices = components.get(model);
            ComponentId component = choices.get(random.nextInt(choices.size()));
            int hoursBack = 1 + random.nextInt(40 * 24);
            Instant failedAt = EngineFixture.START.minus(Duration.ofHours(hoursBack));
            Instant restoredAt = failedAt.plus(Duration.ofHours(random.nextInt(hoursBack)))
                    .plus(Duration.ofMinutes(random.nextInt(60)));
            FailureReport report = FailureReport.builder().model(model).component(component)
                    .serial(component == null ? null : "SN-" + i).causeCode(CAUSES.get(i % CAUSES.size()))
                    .failedAt(failedAt).restoredAt(restoredAt).note("failure " + i).build();
            Request request = fx.requestIn(i % 5 == 4 ? RequestStatus.RESOLVED : RequestStatus.AT_SECOND_LINE,
                    SupportLine.SECOND_LINE);
            Actor who = i % 2 == 0 ? fx.engineer : fx.groupLead;
            Request after = fx.engine.resolution().recordFailure(who, request.ref(), report);
            assertEquals(request.status(), after.status(), "recording a failure leaves the status as it is");
            assertEquals(request.version() + 1, after.version());
            recorded.add(new Recorded(report, after));
        }
        Instant from = EngineFixture.START.minus(LOOK_BACK);
        Instant until = fx.clock.instant();
        FailureStatistics statistics = fx.engine.resolution().failureStatistics(fx.auditor, from, until);
        checkAgainstHandCount(statistics, units, recorded, from, until);
        return new Outcome(units, recorded, statistics);
    }

    /**
     * Two more systems, and six units of the three models: in use all along, commissioned or decommissioned
     * within the period, or decommissioned within it after being commissioned before it.
     */
    private static List<InstalledUnit> installedBase(EngineFixture fx) {
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-branch"), fx.org,
                "Branch PBX", "Nordtel", "NT-PBX 300", false, List.of(new SystemComponent(ComponentId.of("cmp-psu-b"),
                ComponentKind.HARDWARE, "PSU-300", "SN-B", fx.site))));
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(SystemId.of("sys-lan"), fx.org, "Office LAN",
                "Netgear", "LAN", false, List.of(
                new SystemComponent(ComponentId.of("cmp-sw-1"), ComponentKind.HARDWARE, "SW-24", "SN-S1", fx.site),
                new SystemComponent(ComponentId.of("cmp-sw-2"), ComponentKind.HARDWARE, "SW-24", "SN-S2", fx.site))));
        Instant start = EngineFixture.START;
        List<InstalledUnit> units = List.of(
                InstalledUnit.of(fx.system, null, "NT-PBX 300", start.minus(Duration.ofDays(400))),
                InstalledUnit.of(SystemId.of("sys-branch"), null, "NT-PBX 300", start.minus(Duration.ofDays(10)))
                        .withDecommissionedAt(start.minus(Duration.ofDays(2))),
                InstalledUnit.of(fx.system, fx.psu, "PSU-300", start.minus(Duration.ofDays(50))).withSerial("SN-001"),
                InstalledUnit.of(SystemId.of("sys-branch"), ComponentId.of("cmp-psu-b"), "PSU-300",
                        start.minus(Duration.ofDays(60))).withDecommissionedAt(start.minus(Duration.ofDays(20))),
                InstalledUnit.of(SystemId.of("sys-lan"), ComponentId.of("cmp-sw-1"), "SW-24",
                        start.minus(Duration.ofDays(20))),
                InstalledUnit.of(SystemId.of("sys-lan"), ComponentId.of("cmp-sw-2"), "SW-24",
                        start.minus(Duration.ofDays(5)).plusSeconds(1_234)));
        for (InstalledUnit unit : units) {
            assertEquals(unit, fx.engine.resolution().registerInstalledUnit(fx.admin, unit));
        }
        return units;
    }

    /** Counts by hand what the register must say, and compares. */
    private static void checkAgainstHandCount(FailureStatistics statistics, List<InstalledUnit> units,
                                              List<Recorded> recorded, Instant from, Instant until) {
        long total = 0;
        Map<String, Long> byModel = new TreeMap<>();
        Map<ComponentId, Long> byComponent = new HashMap<>();
        Map<String, Long> byCause = new TreeMap<>();
        Map<List<Object>, Long> byAll = new HashMap<>();
        for (Recorded r : recorded) {
            FailureReport f = r.report();
            if (f.failedAt().isBefore(from) || !f.failedAt().isBefore(until)) {
                continue;
            }
            total++;
            byModel.merge(f.model(), 1L, Long::sum);
            f.component().ifPresent(c -> byComponent.merge(c, 1L, Long::sum));
            byCause.merge(f.causeCode(), 1L, Long::sum);
            byAll.merge(Arrays.asList(f.model(), f.component().orElse(null), f.causeCode()), 1L, Long::sum);
        }
        assertTrue(total > 0 && total < recorded.size(), "some failures are in the period, some before it: " + total);
        assertEquals(MODELS.size(), byModel.size(), "every model failed in the period: " + byModel);
        assertEquals(CAUSES.size(), byCause.size(), "every cause is in the period: " + byCause);
        assertEquals(total, statistics.total());
        assertEquals(byModel, statistics.byModel());
        assertEquals(byComponent, statistics.byComponent());
        assertEquals(byCause, statistics.byCause());
        Set<List<Object>> seen = new HashSet<>();
        for (FailureCount count : statistics.counts()) {
            List<Object> key = Arrays.asList(count.model(), count.component().orElse(null), count.causeCode());
            assertTrue(seen.add(key), "one count per model, component and cause: " + key);
            assertEquals(byAll.get(key), count.failures(), key.toString());
        }
        assertEquals(byAll.keySet(), seen);

        // operating seconds per model: each unit's [commissioned, decommissioned or until) within [from, until)
        Map<String, Long> seconds = new TreeMap<>();
        for (InstalledUnit unit : units) {
            long on = Math.max(unit.commissionedAt().getEpochSecond(), from.getEpochSecond());
            long off = Math.min(unit.decommissionedAt().orElse(until).getEpochSecond(), until.getEpochSecond());
            seconds.merge(unit.model(), Math.max(0, off - on), Long::sum);
        }
        assertEquals(MODELS, statistics.mtbf().stream().map(Mtbf::model).toList());
        for (Mtbf m : statistics.mtbf()) {
            double hours = seconds.get(m.model()) / 3_600d;
            long failures = byModel.getOrDefault(m.model(), 0L);
            assertEquals(hours, m.operatingHours(), 1e-9, m.model());
            assertEquals(failures, m.failures(), m.model());
            assertTrue(m.hoursBetweenFailures().isPresent(), m.toString());
            assertEquals(hours / failures, m.hoursBetweenFailures().getAsDouble(), 1e-9, m.model());
        }
    }
}
