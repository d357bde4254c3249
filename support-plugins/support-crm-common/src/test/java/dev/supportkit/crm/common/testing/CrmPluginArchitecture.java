package dev.supportkit.crm.common.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of a CRM plugin: its main classes use SupportKit's API and SPI only (never the engine's
 * internals, Guice or PF4J), and the shared CRM client never depends on a particular CRM.
 */
public final class CrmPluginArchitecture {
    private CrmPluginArchitecture() {
    }

    /**
     * Checks the rules on a plugin's main classes.
     *
     * @param pluginPackage the plugin's package, e.g. {@code dev.supportkit.crm.hubspot}
     */
    public static void check(String pluginPackage) {
        JavaClasses classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages(pluginPackage, "dev.supportkit.crm.common");
        noClasses().that().resideInAnyPackage(pluginPackage + "..", "dev.supportkit.crm.common..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.supportkit.core..", "com.google.inject..",
                        "org.pf4j..")
                .because("a CRM plugin is loaded with SupportKit's API and SPI only").check(classes);
        noClasses().that().resideInAPackage("dev.supportkit.crm.common..")
                .should().dependOnClassesThat().resideInAPackage(pluginPackage + "..")
                .because("the shared CRM client knows no particular CRM").check(classes);
    }
}
