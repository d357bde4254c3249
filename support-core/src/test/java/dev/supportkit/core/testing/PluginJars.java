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

    /**
     * Checks a plugin jar's manifest and contents: it declares the plugin, bundles the given entries, bundles none
     * of the SupportKit API, SLF4J or PF4J, and lists its factories in a non-empty services file.
     *
     * @param jar      the plugin jar
     * @param pluginId the PF4J plugin id
     * @param bundled  entries that must be present
     * @param services the services file, e.g. {@code META-INF/services/dev.supportkit.spi.crm.CrmAdapterFactory}
     * @throws IOException when the jar cannot be read
     */
    public static void assertContents(Path jar, String pluginId, java.util.List<String> bundled, String services)
            throws IOException {
        assertDeclares(jar, pluginId);
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : bundled) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            for (String prefix : java.util.List.of("dev/supportkit/api/", "dev/supportkit/spi/", "org/slf4j/",
                    "org/pf4j/")) {
                assertTrue(file.stream().noneMatch(e -> e.getName().startsWith(prefix)), "must not bundle " + prefix);
            }
            assertNotNull(file.getEntry(services), "missing " + services);
            try (java.io.InputStream in = file.getInputStream(file.getEntry(services))) {
                assertTrue(!new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).isBlank(),
                        services + " is empty");
            }
        }
    }
}
