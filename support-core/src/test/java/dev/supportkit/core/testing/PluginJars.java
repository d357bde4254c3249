package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

/**
 * The checks every plugin-jar contract shares: finding the jar Failsafe passes, and its PF4J manifest.
 * Shipped in support-core's test-jar.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /**
     * @return the plugin jar Failsafe passes as {@code supportkit.plugin.jar}, which must exist
     */
    public static Path built() {
        String property = System.getProperty("supportkit.plugin.jar");
        assertNotNull(property, "Failsafe must pass supportkit.plugin.jar");
        Path jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "the plugin jar was not built: " + jar);
        return jar;
    }

    /**
     * Asserts the manifest declares the PF4J plugin: id, the version Failsafe passes as
     * {@code supportkit.plugin.version}, the SPI range and the provider.
     *
     * @param jar      the plugin jar
     * @param pluginId its expected plugin id
     * @throws IOException when the jar cannot be read
     */
    public static void assertDeclares(Path jar, String pluginId) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals(pluginId, main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("supportkit.plugin.version"), main.getValue("Plugin-Version"));
            assertEquals(">=1.0.0 & <2.0.0", main.getValue("Plugin-Requires"));
            assertEquals("SupportKit", main.getValue("Plugin-Provider"));
        }
    }
}
