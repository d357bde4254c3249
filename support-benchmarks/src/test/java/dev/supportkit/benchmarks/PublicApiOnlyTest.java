package dev.supportkit.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The benchmarks measure what a user gets: they reach the engine only through its public surface. */
class PublicApiOnlyTest {
    @Test
    @DisplayName("the benchmarks use nothing under dev.supportkit.core.internal")
    void benchmarksUseThePublicApi() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.supportkit.benchmarks");
        noClasses().that().resideInAPackage("dev.supportkit.benchmarks..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportkit.core.internal..")
                .check(classes);
    }
}
