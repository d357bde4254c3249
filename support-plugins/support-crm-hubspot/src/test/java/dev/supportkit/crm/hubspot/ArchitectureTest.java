package dev.supportkit.crm.hubspot;

import dev.supportkit.crm.common.testing.CrmPluginArchitecture;
import org.junit.jupiter.api.Test;

/** The plugin's main classes keep the CRM plugins' package rules. */
class ArchitectureTest {
    @Test
    void usesOnlyTheApiAndSpi() {
        CrmPluginArchitecture.check("dev.supportkit.crm.hubspot");
    }
}
