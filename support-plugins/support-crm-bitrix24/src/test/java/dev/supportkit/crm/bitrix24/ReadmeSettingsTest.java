package dev.supportkit.crm.bitrix24;

import dev.supportkit.core.testing.SettingsTableCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The module README's settings table lists exactly the settings the factory declares. */
class ReadmeSettingsTest {
    @Test
    void readmeDocumentsExactlyTheDeclaredSettings() throws IOException {
        SettingsTableCheck.assertDocumented(Path.of("README.md"), new Bitrix24CrmFactory().settings());
    }
}
