package dev.supportkit.notify.email;

import dev.supportkit.core.testing.SettingsTableCheck;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeSettingsTest {
    @Test
    void readmeDocumentsExactlyTheDeclaredSettings() throws IOException {
        SettingsTableCheck.assertDocumented(Path.of("README.md"), new EmailChannelFactory().settings());
    }
}
