package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.supportkit.core.internal.plugin.DiscoveredFactory;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every CRM plugin jar (classifier {@code plugin}) must do, checked after {@code package} by a CRM module's
 * Failsafe test that extends this class: its manifest declares the PF4J plugin; it bundles its client but not the
 * SupportKit API, SLF4J or PF4J; and loaded by the engine's own PF4J discovery from a plugins directory, its
 * factory (found by id, from the plugin's class loader) runs a round trip against a fake CRM. Failsafe passes the
 * jar as {@code supportkit.plugin.jar}. Shipped in support-core's test-jar.
 */
public abstract class CrmPluginJarContract {
    private static final String SERVICES = "META-INF/services/" + CrmAdapterFactory.class.getName();

    private Path jar;

    /** @return the PF4J plugin id, e.g. {@code supportkit-crm-hubspot} */
    protected abstract String pluginId();

    /** @return the factory id, e.g. {@code hubspot} */
    protected abstract String factoryId();

    /** @return jar entries that must be bundled (the plugin's classes, the shared CRM client, Jackson) */
    protected abstract List<String> bundledEntries();

    /**
     * Creates an adapter from the plugin's factory and checks it against a fake CRM.
     *
     * @param factory the factory loaded from the plugin
     * @throws Exception when the round trip fails
     */
    protected abstract void roundTrip(CrmAdapterFactory factory) throws Exception;

    @BeforeEach
    final void findJar() {
        jar = PluginJars.built();
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin; it bundles its client, not the API, SLF4J or PF4J")
    void manifestAndContents() throws IOException {
        PluginJars.assertContents(jar, pluginId(), bundledEntries(), SERVICES);
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory and its adapter works")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws Exception {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins),
                new NotificationPluginJarContract.EngineSide())) {
            List<DiscoveredFactory<CrmAdapterFactory>> factories = discovered.all(CrmAdapterFactory.class);
            assertEquals(1, factories.size(), factories.toString());
            assertEquals(factoryId(), factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            roundTrip(factories.get(0).factory());
        }
    }
}
