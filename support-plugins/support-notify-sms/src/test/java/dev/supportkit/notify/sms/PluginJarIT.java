package dev.supportkit.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.plugin.DiscoveredFactory;
import dev.supportkit.core.plugin.DiscoveredProviders;
import dev.supportkit.core.plugin.LoadedPlugin;
import dev.supportkit.core.plugin.ProviderDiscovery;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PF4J plugin jar (classifier {@code plugin}), checked after {@code package}: its manifest, what it
 * bundles and what it leaves to the engine, and that it delivers an SMS when loaded the way the engine
 * loads plugins (plugin first; only the SupportKit API/SPI and SLF4J from the application), and
 * through the engine's own PF4J discovery ({@code support-core}, a test-scope dependency).
 */
class PluginJarIT {
    private static Path jar;

    @BeforeAll
    static void findJar() {
        String property = System.getProperty("supportkit.plugin.jar");
        assertNotNull(property, "Failsafe must pass supportkit.plugin.jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "the plugin jar was not built: " + jar);
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin: id, version, SPI range, provider")
    void manifestDeclaresThePlugin() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("supportkit-notify-sms", main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("supportkit.plugin.version"), main.getValue("Plugin-Version"));
            assertEquals(">=1.0.0 & <2.0.0", main.getValue("Plugin-Requires"));
            assertEquals("SupportKit", main.getValue("Plugin-Provider"));
        }
    }

    @Test
    @DisplayName("it bundles jSMPP but not the SupportKit API or SLF4J")
    void bundlesDependenciesButNotTheApi() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : List.of("dev/supportkit/notify/sms/SmsChannelFactory.class",
                    "org/jsmpp/session/SMPPSession.class")) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("dev/supportkit/api/")
                    || e.getName().startsWith("dev/supportkit/spi/") || e.getName().startsWith("org/slf4j/")),
                    "the engine provides the SupportKit API and SLF4J");
            assertEquals("dev.supportkit.notify.sms.SmsChannelFactory",
                    read(file, "META-INF/services/dev.supportkit.spi.notification.NotificationChannelFactory").trim());
        }
    }

    @Test
    @DisplayName("loaded alone like the engine loads plugins, it delivers a Cyrillic SMS to the test SMSC")
    void worksInAnIsolatedClassLoader() throws IOException {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new EngineSide())) {
            NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class, plugin)
                    .findFirst().orElseThrow(() -> new AssertionError("no NotificationChannelFactory in the plugin jar"));
            assertSame(plugin, factory.getClass().getClassLoader(), "the factory must come from the plugin jar");
            assertEquals("sms", factory.id());
            roundTrip(factory);
        }
    }

    @Test
    @DisplayName("the plain jar, as a Maven dependency on the class path, lists the factory in META-INF/services")
    void plainJarIsFoundOnTheClassPath() {
        NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class,
                        PluginJarIT.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).filter(f -> f.id().equals("sms")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'sms' NotificationChannelFactory on the class path"));
        assertEquals(SmsChannelFactory.class, factory.getClass());
        String location = factory.getClass().getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar"), "Failsafe tests the packaged plain jar, not classes: " + location);
        assertFalse(location.endsWith("-plugin.jar"), location);
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory and finds the sms factory")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws IOException {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins), new EngineSide())) {
            List<LoadedPlugin> loaded = discovered.plugins();
            assertEquals(1, loaded.size(), loaded.toString());
            assertEquals("supportkit-notify-sms", loaded.get(0).id());
            List<DiscoveredFactory<NotificationChannelFactory>> factories = discovered.notificationChannels();
            assertEquals(1, factories.size(), factories.toString());
            assertEquals("sms", factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            roundTrip(factories.get(0).factory());
        }
    }

    private static void roundTrip(NotificationChannelFactory factory) throws IOException {
        try (TestSmsc smsc = TestSmsc.start("pw");
             NotificationChannel channel = factory.create(TestContext.of(Map.of("host", "127.0.0.1",
                     "port", String.valueOf(smsc.port()), "system-id", "supportkit", "password", "pw")))) {
            assertSame(factory.getClass().getClassLoader(), channel.getClass().getClassLoader());
            DeliveryResult result = channel.deliver(new Notification("k1", TenantId.of("acme"), "+79123456789", null,
                    "Привет из плагина", Locale.forLanguageTag("ru")));
            assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), result.detail());
            assertEquals("Привет из плагина",
                    new String(smsc.submitted.get(0).shortMessage(), StandardCharsets.UTF_16BE));
        }
    }

    private static String read(JarFile file, String name) throws IOException {
        assertNotNull(file.getEntry(name), "missing " + name);
        try (InputStream in = file.getInputStream(file.getEntry(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * An application class loader without this module or its dependencies: the JDK, the SupportKit API
     * and SPI, SLF4J and PF4J (which the engine brings). Nothing else.
     */
    private static final class EngineSide extends ClassLoader {
        private static final List<String> SHARED = List.of("dev.supportkit.api.", "dev.supportkit.spi.", "org.slf4j.",
                "org.pf4j.");

        EngineSide() {
            super(ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (SHARED.stream().anyMatch(name::startsWith)) {
                return PluginJarIT.class.getClassLoader().loadClass(name);
            }
            return super.loadClass(name, resolve);
        }
    }
}
