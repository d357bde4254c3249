package dev.supportkit.inbound.email;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The plugin speaks to the engine only through the public API and SPI: never the engine's internals, Guice,
 * Jackson or PF4J, so it runs as a plain dependency and inside its own plugin class loader alike.
 */
@AnalyzeClasses(packages = "dev.supportkit.inbound", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    @ArchTest
    static final ArchRule onlyPublicApiAndSpi = noClasses().that().resideInAPackage("dev.supportkit.inbound..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.supportkit.core..", "com.google.inject..",
                    "com.fasterxml.jackson..", "org.pf4j..");
}
