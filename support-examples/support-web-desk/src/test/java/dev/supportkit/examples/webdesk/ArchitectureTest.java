package dev.supportkit.examples.webdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The desk is written as a vendor would write it: the public API and the engine builder, nothing else. */
class ArchitectureTest {
    private static final JavaClasses DESK = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.supportkit.examples.webdesk");

    @Test
    @DisplayName("the web desk never reaches the engine's internals or the plugin SPI")
    void onlyThePublicApi() {
        noClasses().that().resideInAPackage("dev.supportkit.examples.webdesk..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.supportkit.core.internal..",
                        "dev.supportkit.spi..", "dev.supportkit.storage..")
                .check(DESK);
    }
}
