package dev.supportkit.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What an embedding application and a plugin may use: the examples (written as a vendor would write them)
 * reach the engine only through its public surface, never {@code dev.supportkit.core.internal}; the
 * plugins on this class path (JDBC storage, e-mail) reach no engine class at all, only the API and SPI.
 */
class PublicApiOnlyTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
            .importPackages("dev.supportkit.examples", "dev.supportkit.storage", "dev.supportkit.notify");

    @Test
    @DisplayName("the examples use only the engine's public surface")
    void examplesUseThePublicApi() {
        noClasses().that().resideInAPackage("dev.supportkit.examples..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportkit.core.internal..")
                .check(CLASSES);
    }

    @Test
    @DisplayName("plugins use the API and SPI, not the engine")
    void pluginsDoNotReachTheEngine() {
        noClasses().that().resideInAnyPackage("dev.supportkit.storage..", "dev.supportkit.notify..")
                .should().dependOnClassesThat().resideInAPackage("dev.supportkit.core..")
                .check(CLASSES);
    }
}
