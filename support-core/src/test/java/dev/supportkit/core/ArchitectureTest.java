package dev.supportkit.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.supportkit.core.internal.intake.RequestImporter;
import dev.supportkit.core.internal.journal.TenantLogs;
import dev.supportkit.core.internal.request.RequestCommands;
import dev.supportkit.core.internal.sla.SlaLifecycle;
import dev.supportkit.core.internal.work.UnitOfWork;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageTransaction;
import java.util.Set;

/**
 * The package rules of the engine, checked on the compiled main classes of support-api and support-core.
 * Every package pattern lives in {@link Packages}, so a new rule (internals, benchmarks, examples) names the
 * patterns it needs there.
 */
@AnalyzeClasses(packages = "dev.supportkit", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /** Main classes only: no test classes, whether from a test-classes folder or a test-jar (the storage kit). */
    static final class MainClassesOnly implements ImportOption {
        private final ImportOption notTestFolders = new ImportOption.DoNotIncludeTests();

        @Override
        public boolean includes(Location location) {
            return notTestFolders.includes(location) && !location.contains("-tests.jar");
        }
    }

    /** The package patterns the rules speak of, in one place. */
    static final class Packages {
        static final String API = "dev.supportkit.api..";
        static final String SPI = "dev.supportkit.spi..";
        static final String CORE = "dev.supportkit.core..";
        /** One slice per top-level core package, e.g. request, sla, jobs. */
        static final String CORE_SLICES = "dev.supportkit.core.internal.(*)..";
        static final String REQUEST = "dev.supportkit.core.internal.request..";
        static final String SLA = "dev.supportkit.core.internal.sla..";
        /** Guice wiring: binds every implementation, so it may name any of them. */
        static final String WIRING = "dev.supportkit.core.internal.engine..";
        /** Storage implementations (and the guard around plugins' storage) write whatever they are asked to. */
        static final String STORAGE_IMPLEMENTATIONS = "dev.supportkit.core.internal.storage..";

        private Packages() {
        }
    }

    /** The storage calls that write a request snapshot or its journal. */
    private static final Set<String> REQUEST_WRITES = Set.of("insertRequest", "insertRequests", "updateRequest",
            "appendJournal");

    @ArchTest
    static final ArchRule coreHasNoPackageCycles = slices().matching(Packages.CORE_SLICES)
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule requestDoesNotDependOnSla = noClasses().that().resideInAPackage(Packages.REQUEST)
            .should().dependOnClassesThat().resideInAPackage(Packages.SLA)
            .because("deadlines follow commands through a CommandHook, the arrow points from sla to request");

    @ArchTest
    static final ArchRule apiDoesNotDependOnSpi = noClasses().that().resideInAPackage(Packages.API)
            .should().dependOnClassesThat().resideInAPackage(Packages.SPI);

    @ArchTest
    static final ArchRule spiDoesNotDependOnCore = noClasses().that().resideInAPackage(Packages.SPI)
            .should().dependOnClassesThat().resideInAPackage(Packages.CORE);

    @ArchTest
    static final ArchRule onlyThePipelineWritesRequestsAndJournals = noClasses()
            .that().resideOutsideOfPackages(Packages.STORAGE_IMPLEMENTATIONS)
            .and().doNotImplement(StorageTransaction.class)
            .and().doNotBelongToAnyOf(RequestCommands.class, RequestImporter.class, TenantLogs.class)
            .should().callMethodWhere(writesRequestOrJournal())
            .because("every change of a request goes through the command pipeline (RequestCommands), so its "
                    + "journal is chained and its hooks run; only the bulk import of history stores requests "
                    + "with their first journal entry itself, and TenantLogs appends to the tenant's digest and "
                    + "checkpoint logs, which belong to no request");

    @ArchTest
    static final ArchRule commandsDoNotCallTheSla = noClasses()
            .that().resideOutsideOfPackages(Packages.SLA, Packages.WIRING)
            .should().dependOnClassesThat().areAssignableTo(SlaLifecycle.class)
            .because("deadlines move in the SLA's CommandHook, not inside commands");

    @ArchTest
    static final ArchRule onlyTheUnitOfWorkOpensTransactions = noClasses()
            .that().resideOutsideOfPackages(Packages.STORAGE_IMPLEMENTATIONS)
            .and().doNotImplement(StorageProvider.class)
            .and().doNotBelongToAnyOf(UnitOfWork.class, StorageProvider.class)
            .should().callMethodWhere(DescribedPredicate.describe("StorageProvider.inTransaction or read",
                    call -> call.getTargetOwner().isAssignableTo(StorageProvider.class)
                            && (call.getName().equals("inTransaction") || call.getName().equals("read"))))
            .because("storage work runs through the UnitOfWork, the one place that knows transactions, the "
                    + "engine clock and conflict retries");

    private static DescribedPredicate<JavaMethodCall> writesRequestOrJournal() {
        return DescribedPredicate.describe("a StorageTransaction method writing a request or journal",
                call -> call.getTargetOwner().isAssignableTo(StorageTransaction.class)
                        && REQUEST_WRITES.contains(call.getName()));
    }
}
