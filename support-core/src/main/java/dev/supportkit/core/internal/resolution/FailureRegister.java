package dev.supportkit.core.internal.resolution;

import dev.supportkit.api.Actor;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestRef;
import dev.supportkit.api.resolution.FailureCause;
import dev.supportkit.api.resolution.FailureCauseCatalogue;
import dev.supportkit.api.resolution.FailureCount;
import dev.supportkit.api.resolution.FailureReport;
import dev.supportkit.api.resolution.FailureStatistics;
import dev.supportkit.api.resolution.InstalledUnit;
import dev.supportkit.api.resolution.Mtbf;
import dev.supportkit.core.internal.journal.JournalDraft;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.request.FieldErrors;
import dev.supportkit.core.internal.request.RequestAction;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.request.RequestCommands.Change;
import dev.supportkit.core.internal.security.Permission;
import dev.supportkit.spi.storage.CatalogRecord;
import dev.supportkit.spi.storage.FailureRow;
import dev.supportkit.spi.storage.FailureTotal;
import dev.supportkit.spi.storage.StorageTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The failure register (06.024, C/03.6): the tenant's versioned catalogue of failure causes (a catalogue document
 * of kind {@value #KIND}), the installed base, failures recorded on requests, and their counts and mean time
 * between failures. Failures are counted in the store; operating hours are summed over the installed units.
 */
final class FailureRegister {
    /** Catalogue kind of the cause catalogue. */
    static final String KIND = "failure-causes";
    /** The one catalogue document of a tenant. */
    private static final String DOCUMENT = "catalogue";
    private static final int TEXT_MAX = 200;
    private static final int NOTE_MAX = 2_000;
    private static final double SECONDS_PER_HOUR = 3_600d;

    private final RequestCommands commands;
    private final JacksonCodec codec;

    FailureRegister(RequestCommands commands, JacksonCodec codec) {
        this.commands = commands;
        this.codec = codec;
    }

    FailureCauseCatalogue define(Actor admin, String yaml) {
        commands.policy().require(admin, Permission.MANAGE_FAILURE_REGISTER);
        FieldErrors errors = new FieldErrors();
        List<FailureCause> causes = FailureCauseYaml.read(yaml, errors);
        errors.throwIfAny();
        return commands.write(tx -> {
            int version = current(tx, admin.tenant()).version() + 1;
            FailureCauseCatalogue catalogue = new FailureCauseCatalogue(version, causes);
            tx.insertCatalogRecord(new CatalogRecord(admin.tenant(), KIND, DOCUMENT, version, Optional.empty(),
                    commands.now(), codec.toJson(catalogue)));
            return catalogue;
        });
    }

    FailureCauseCatalogue causes(Actor actor) {
        commands.policy().require(actor, Permission.READ_FAILURE_CATALOGUE);
        return commands.read(tx -> current(tx, actor.tenant()));
    }

    private FailureCauseCatalogue current(StorageTransaction tx, TenantId tenant) {
        return tx.findCatalogRecord(tenant, KIND, DOCUMENT)
                .map(r -> codec.fromJson(r.data(), FailureCauseCatalogue.class))
                .orElseGet(() -> new FailureCauseCatalogue(0, List.of()));
    }

    InstalledUnit register(Actor admin, InstalledUnit unit) {
        commands.policy().require(admin, Permission.MANAGE_FAILURE_REGISTER);
        FieldErrors input = new FieldErrors();
        if (input.required("unit", unit)) {
            input.required("unit.system", unit.system());
            input.requiredText("unit.model", unit.model(), TEXT_MAX);
            unit.serial().ifPresent(s -> input.requiredText("unit.serial", s, TEXT_MAX));
            if (input.required("unit.commissionedAt", unit.commissionedAt())) {
                input.inRange("unit.commissionedAt", unit.commissionedAt());
            }
            unit.decommissionedAt().filter(d -> input.inRange("unit.decommissionedAt", d))
                    .filter(d -> unit.commissionedAt() != null && !d.isAfter(unit.commissionedAt()))
                    .ifPresent(d -> input.add("unit.decommissionedAt", "after-commissioning", "must be after the"
                            + " commissioning (" + unit.commissionedAt() + "), was " + d));
        }
        input.throwIfAny();
        InstalledUnit stored = new InstalledUnit(unit.system(), unit.component(), unit.model().strip(),
                unit.serial().map(String::strip), micros(unit.commissionedAt()), unit.decommissionedAt()
                .map(FailureRegister::micros));
        return commands.write(tx -> {
            FieldErrors errors = new FieldErrors();
            Optional<SupportedSystem> system = tx.findDirectoryEntry(admin.tenant(), SupportedSystem.class,
                    unit.system().value());
            if (system.isEmpty()) {
                errors.add("unit.system", "exists", "no system '" + unit.system() + "'");
            } else if (unit.component().isPresent() && system.get().components().stream()
                    .noneMatch(c -> c.id().equals(unit.component().get()))) {
                errors.add("unit.component", "component-of-system", "'" + unit.component().get()
                        + "' is not a component of system '" + unit.system() + "'");
            }
            errors.throwIfAny();
            tx.saveInstalledUnit(admin.tenant(), stored);
            return stored;
        });
    }

    List<InstalledUnit> units(Actor actor, Optional<String> model) {
        commands.policy().require(actor, Permission.READ_FAILURE_CATALOGUE);
        return commands.read(tx -> tx.listInstalledUnits(actor.tenant(), model));
    }

    Request record(Actor actor, RequestRef ref, FailureReport report) {
        FieldErrors input = new FieldErrors();
        if (input.required("failure", report)) {
            input.requiredText("failure.model", report.model(), TEXT_MAX);
            report.serial().ifPresent(s -> input.requiredText("failure.serial", s, TEXT_MAX));
            input.requiredText("failure.causeCode", report.causeCode(), TEXT_MAX);
            input.maxLength("failure.note", report.note(), NOTE_MAX);
            boolean failed = input.required("failure.failedAt", report.failedAt())
                    && input.inRange("failure.failedAt", report.failedAt());
            boolean restored = input.required("failure.restoredAt", report.restoredAt())
                    && input.inRange("failure.restoredAt", report.restoredAt());
            if (failed && restored && report.restoredAt().isBefore(report.failedAt())) {
                input.add("failure.restoredAt", "after-failure", "must not be before the failure ("
                        + report.failedAt() + "), was " + report.restoredAt());
            }
        }
        input.throwIfAny();
        return commands.execute(actor, ref, Permission.RECORD_FAILURE, RequestAction.RECORD_FAILURE, false, step -> {
            commands.policy().requireWorksGroup(step.tx(), actor, step.current(), RequestAction.RECORD_FAILURE.verb());
            step.errors().notInFuture("failure.failedAt", report.failedAt(), step.now());
            step.errors().notInFuture("failure.restoredAt", report.restoredAt(), step.now());
            FailureCauseCatalogue catalogue = current(step.tx(), actor.tenant());
            if (catalogue.cause(report.causeCode()).isEmpty()) {
                step.errors().add("failure.causeCode", "exists", "'" + report.causeCode() + "' is not a cause of"
                        + " failure catalogue version " + catalogue.version());
            }
            if (!step.errors().isEmpty()) {
                return null;
            }
            String id = UUID.randomUUID().toString();
            FailureRow row = new FailureRow(actor.tenant(), id, step.current().id(), report.model().strip(),
                    report.component().orElse(null), report.serial().map(String::strip).orElse(null),
                    report.causeCode(), micros(report.failedAt()), micros(report.restoredAt()), report.note(),
                    actor.id(), step.now());
            step.tx().insertFailure(row);
            RequestEvent.FailureRecorded event = new RequestEvent.FailureRecorded(id, row.model(), row.component(),
                    row.serial(), row.causeCode(), catalogue.version(), row.failedAt(), row.restoredAt(), row.note());
            return Change.of(step.advance(), new JournalDraft(LaborFunction.C_03_6, Visibility.INTERNAL, null, event,
                    "Equipment failure recorded: " + row.model()
                            + (row.component() == null ? "" : " (" + row.component() + ")")
                            + ", cause " + row.causeCode() + ", down "
                            + Duration.between(row.failedAt(), row.restoredAt()).toMinutes() + " min"));
        });
    }

    FailureStatistics statistics(Actor actor, Instant from, Instant until) {
        commands.policy().require(actor, Permission.READ_FAILURES);
        FieldErrors input = new FieldErrors();
        boolean hasFrom = input.required("from", from) && input.inRange("from", from);
        boolean hasUntil = input.required("until", until) && input.inRange("until", until);
        if (hasFrom && hasUntil && !from.isBefore(until)) {
            input.add("until", "range", "must be after from (" + from + "), was " + until);
        }
        input.throwIfAny();
        Instant start = micros(from);
        Instant end = micros(until);
        record Read(List<FailureTotal> totals, List<InstalledUnit> units) {
        }
        Read read = commands.read(tx -> new Read(tx.countFailures(actor.tenant(), start, end),
                tx.listInstalledUnits(actor.tenant(), Optional.empty())));
        long total = 0;
        Map<String, Long> byModel = new TreeMap<>();
        Map<ComponentId, Long> byComponent = new HashMap<>();
        Map<String, Long> byCause = new TreeMap<>();
        List<FailureCount> counts = new ArrayList<>();
        for (FailureTotal t : read.totals()) {
            total += t.failures();
            byModel.merge(t.model(), t.failures(), Long::sum);
            if (t.component() != null) {
                byComponent.merge(t.component(), t.failures(), Long::sum);
            }
            byCause.merge(t.causeCode(), t.failures(), Long::sum);
            counts.add(new FailureCount(t.model(), Optional.ofNullable(t.component()), t.causeCode(), t.failures()));
        }
        counts.sort(Comparator.comparing(FailureCount::model)
                .thenComparing(c -> c.component().map(ComponentId::value).orElse(""))
                .thenComparing(FailureCount::causeCode));
        Map<String, Duration> operating = new TreeMap<>();
        for (InstalledUnit unit : read.units()) {
            Instant on = max(unit.commissionedAt(), start);
            Instant off = min(unit.decommissionedAt().orElse(end), end);
            if (off.isAfter(on)) {
                operating.merge(unit.model(), Duration.between(on, off), Duration::plus);
            }
        }
        TreeMap<String, Long> failuresByModel = new TreeMap<>(byModel);
        operating.keySet().forEach(model -> failuresByModel.putIfAbsent(model, 0L));
        List<Mtbf> mtbf = new ArrayList<>();
        failuresByModel.forEach((model, failures) -> {
            Duration time = operating.getOrDefault(model, Duration.ZERO);
            double hours = time.getSeconds() / SECONDS_PER_HOUR + time.getNano() / (SECONDS_PER_HOUR * 1e9);
            mtbf.add(new Mtbf(model, hours, failures, failures > 0 && hours > 0
                    ? OptionalDouble.of(hours / failures) : OptionalDouble.empty()));
        });
        return new FailureStatistics(from, until, total, byModel, byComponent, byCause, counts, mtbf);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Every store keeps microseconds: what is stored is what is read back. */
    private static Instant micros(Instant value) {
        return value.truncatedTo(ChronoUnit.MICROS);
    }
}
