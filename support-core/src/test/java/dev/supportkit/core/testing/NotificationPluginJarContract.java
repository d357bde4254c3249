package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.core.internal.plugin.DiscoveredFactory;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.LoadedPlugin;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;

import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every notification-channel plugin jar (classifier {@code plugin}) must do, checked after
 * {@code package} by a channel module's Failsafe test that extends this class: its manifest declares the
 * PF4J plugin; it bundles its dependencies but not the SupportKit API, SLF4J or PF4J; it delivers when
 * loaded the way the engine loads plugins (plugin first, only the API/SPI and SLF4J from the application)
 * and through the engine's own PF4J discovery; and the plain jar lists its factory for the class path.
 * Failsafe passes the jar as {@code supportkit.plugin.jar} and the version as
 * {@code supportkit.plugin.version}. Shipped in support-core's test-jar.
 */
public abstract class NotificationPluginJarContract {
    private static final String SERVICES = "META-INF/services/" + NotificationChannelFactory.class.getName();

    private Path jar;

    /** @return the PF4J plugin id, e.g. {@code supportkit-notify-sms} */
    protected abstract String pluginId();

    /** @return the factory id, e.g. {@code sms} */
    protected abstract String factoryId();

    /** @return the factory class the plain jar lists */
    protected abstract Class<? extends NotificationChannelFactory> factoryClass();

    /** @return jar entries that must be bundled (the plugin's classes and its dependencies) */
    protected abstract List<String> bundledEntries();

    /** @return prefixes of jar entries that must not be bundled, besides the API, SLF4J and PF4J */
    protected List<String> excludedPrefixes() {
        return List.of();
    }

    /**
     * Creates the channel from the factory and delivers one message to a real peer, asserting it arrived.
     *
     * @param factory the factory, loaded from the plugin jar
     * @throws Exception when the round trip fails
     */
    protected abstract void roundTrip(NotificationChannelFactory factory) throws Exception;

    /**
     * Returns the plugin jar under test, for a module's own extra checks.
     *
     * @return the plugin jar
     */
    protected final Path pluginJar() {
        return jar;
    }

    @BeforeEach
    final void findJar() {
        jar = PluginJars.built();
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin: id, version, SPI range, provider")
    void manifestDeclaresThePlugin() throws IOException {
        PluginJars.assertDeclares(jar, pluginId());
    }

    @Test
    @DisplayName("it bundles its dependencies but not the SupportKit API, SLF4J or PF4J, and lists its factory")
    void bundlesDependenciesButNotTheApi() throws IOException {
        List<String> excluded = new java.util.ArrayList<>(List.of("dev/supportkit/api/", "dev/supportkit/spi/",
                "org/slf4j/", "org/pf4j/"));
        excluded.addAll(excludedPrefixes());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : bundledEntries()) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            for (String prefix : excluded) {
                assertTrue(file.stream().noneMatch(e -> e.getName().startsWith(prefix)), "must not bundle " + prefix);
            }
            assertNotNull(file.getEntry(SERVICES), "missing " + SERVICES);
            try (InputStream in = file.getInputStream(file.getEntry(SERVICES))) {
                assertEquals(factoryClass().getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
            }
        }
    }

    @Test
    @DisplayName("loaded alone like the engine loads plugins, its channel delivers")
    void worksInAnIsolatedClassLoader() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new EngineSide())) {
            NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class, plugin)
                    .findFirst().orElseThrow(() -> new AssertionError("no NotificationChannelFactory in the plugin jar"));
            assertSame(plugin, factory.getClass().getClassLoader(), "the factory must come from the plugin jar");
            assertEquals(factoryId(), factory.id());
            roundTrip(factory);
        }
    }

    @Test
    @DisplayName("the plain jar, as a Maven dependency on the class path, lists the factory in META-INF/services")
    void plainJarIsFoundOnTheClassPath() {
        NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class,
                        getClass().getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(f -> f.id().equals(factoryId())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + factoryId() + "' factory on the class path"));
        assertEquals(factoryClass(), factory.getClass());
        String location = factory.getClass().getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar"), "Failsafe tests the packaged plain jar, not classes: " + location);
        assertFalse(location.endsWith("-plugin.jar"), location);
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory and its channel delivers")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws Exception {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins), new EngineSide())) {
            List<LoadedPlugin> loaded = discovered.plugins();
            assertEquals(1, loaded.size(), loaded.toString());
            assertEquals(pluginId(), loaded.get(0).id());
            List<DiscoveredFactory<NotificationChannelFactory>> factories = discovered.notificationChannels();
            assertEquals(1, factories.size(), factories.toString());
            assertEquals(factoryId(), factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            roundTrip(factories.get(0).factory());
        }
    }

    /**
     * An application class loader without the plugin module or its dependencies: the JDK, the SupportKit
     * API and SPI, SLF4J and PF4J (which the engine brings). Nothing else.
     */
    public static final class EngineSide extends ClassLoader {
        private static final List<String> SHARED = List.of("dev.supportkit.api.", "dev.supportkit.spi.", "org.slf4j.",
                "org.pf4j.");

        /** Creates the loader over the platform class loader. */
        public EngineSide() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.stream().anyMatch(name::startsWith)) {
                return NotificationPluginJarContract.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
