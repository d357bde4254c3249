package dev.supportkit.inbound.email;

import dev.supportkit.core.testing.SettingsTableCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings table documents exactly the settings the factory declares. */
class ReadmeSettingsTest {
    @Test
    void readmeDocumentsExactlyTheDeclaredSettings() throws IOException {
        SettingsTableCheck.assertDocumented(Path.of("README.md"), new InboundEmailSourceFactory().settings());
    }

    @Test
    void projectReadmeDocumentsExactlyTheDeclaredSettings() throws IOException {
        // the project README's only settings table is this source's, in "Inbound e-mail and fax"
        SettingsTableCheck.assertDocumented(Path.of("..", "..", "README.md"), new InboundEmailSourceFactory().settings());
    }
}
