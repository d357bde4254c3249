package dev.supportkit.reports.export;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The export module is a library on top of support-api: no engine, no SPI, no framework in the table API. */
@AnalyzeClasses(packages = {"dev.supportkit.reports.export", "dev.supportkit.api.reports.table"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule exportUsesOnlyTheApi = noClasses().that().resideInAPackage("dev.supportkit.reports.export..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.supportkit.core..", "dev.supportkit.spi..");

    @ArchTest
    static final ArchRule tableApiIsPlainJava = noClasses().that().resideInAPackage("dev.supportkit.api.reports.table..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "com.google.inject..", "org.pf4j..",
                    "org.apache..", "org.dhatim..", "org.knowm..", "dev.supportkit.reports..");
}
