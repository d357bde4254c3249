package dev.supportkit.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderDiscoveryTest {
    private static final String PLUGIN_FACTORY_ID = "plugin-echo";
    private static final ClassLoader APP = ProviderDiscoveryTest.class.getClassLoader();

    @TempDir
    static Path shared;

    private static Path echoClasses;

    @TempDir
    Path tmp;

    @BeforeAll
    static void compilePlugin() throws IOException {
        echoClasses = TestPluginJars.compileEchoPlugin(shared.resolve("echo"), PLUGIN_FACTORY_ID);
    }

    private Path pluginsDir() throws IOException {
        return Files.createDirectories(tmp.resolve("plugins"));
    }

    private Path echoJar(Path pluginsDir, String id, String version, String requires) throws IOException {
        return TestPluginJars.jar(pluginsDir.resolve(id + "-" + version + ".jar"), echoClasses,
                TestPluginJars.manifest(id, version, requires), true);
    }

    private static Notification notification(String address) {
        return new Notification("key-1", TenantId.of("acme"), address, "subject", "body", Locale.ENGLISH, java.util.List.of());
    }

    private static DiscoveredFactory<NotificationChannelFactory> single(DiscoveredProviders found, String id) {
        List<DiscoveredFactory<NotificationChannelFactory>> matching = found.notificationChannels().stream()
                .filter(f -> f.id().equals(id)).toList();
        assertEquals(1, matching.size(), "factories with id " + id + ": " + matching);
        return matching.get(0);
    }

    @Test
    void loadsAFactoryFromAPluginJarBuiltAtTestTime() throws IOException {
        Path plugins = pluginsDir();
        Path jar = echoJar(plugins, "echo-plugin", "1.0.0", ">=1.0.0 & <2.0.0");

        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins), APP)) {
            DiscoveredFactory<NotificationChannelFactory> echo = single(found, PLUGIN_FACTORY_ID);
            assertEquals(ProviderSource.plugin("echo-plugin", "1.0.0"), echo.source());
            assertEquals(ProviderSource.Kind.PLUGIN, echo.source().kind());
            assertEquals(Optional.of("echo-plugin"), echo.source().pluginId());
            assertEquals(Optional.of("1.0.0"), echo.source().pluginVersion());

            NotificationChannelFactory factory = echo.factory();
            assertEquals(TestPluginJars.FACTORY_CLASS, factory.getClass().getName());
            assertNotSame(APP, factory.getClass().getClassLoader(), "the factory must come from the plugin");
            assertThrows(ClassNotFoundException.class, () -> Class.forName(TestPluginJars.FACTORY_CLASS, false, APP));
            assertEquals(echo.source(), ProviderSource.of(factory.getClass()));

            try (NotificationChannel channel = factory.create(new FixedProviderContext())) {
                assertEquals(Channel.CHAT, channel.channel());
                DeliveryResult result = channel.deliver(notification("someone@example.com"));
                assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome());
                assertEquals(TestPluginJars.GREETING + " to someone@example.com at " + FixedProviderContext.NOW,
                        result.detail());
            }

            assertEquals(List.of(new LoadedPlugin("echo-plugin", "1.0.0", ">=1.0.0 & <2.0.0", "SupportKit tests",
                    jar.toAbsolutePath().normalize())), found.plugins());
            // The plugin's class loader also sees the class path's service file: the class path factory
            // is still listed once, as coming from the class path.
            assertEquals(ProviderSource.classpath(), single(found, TestClasspathEchoChannelFactory.ID).source());
        }
    }

    @Test
    void findsAClassPathFactoryWithoutAPluginsDirectory() {
        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.empty(), APP)) {
            DiscoveredFactory<NotificationChannelFactory> echo = single(found, TestClasspathEchoChannelFactory.ID);
            assertEquals(ProviderSource.classpath(), echo.source());
            assertTrue(echo.source().isClasspath());
            assertEquals(TestClasspathEchoChannelFactory.class, echo.factory().getClass());
            assertTrue(found.plugins().isEmpty());
            assertEquals(found.factories(NotificationChannelFactory.class),
                    found.notificationChannels().stream().map(DiscoveredFactory::factory).toList());
            assertEquals("echo a@b", echo.factory().create(new FixedProviderContext())
                    .deliver(notification("a@b")).detail());
        }
    }

    @Test
    void refusesAPluginBuiltForAnotherSpiMajorVersion() throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "acme-storage", "1.2.0", ">=2.0.0 & <3.0.0");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));

        assertEquals(List.of("Plugin 'acme-storage' 1.2.0 requires SupportKit SPI '>=2.0.0 & <3.0.0' but this "
                + "engine provides SPI 1.0.0; install a plugin version built for SPI 1.x"), e.problems());
        assertTrue(e.getMessage().contains("acme-storage"), e.getMessage());
        assertTrue(e.getMessage().contains(">=2.0.0 & <3.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains("1.0.0"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"^1.0.0", "1.0.0", ">=1.0.0", "1.x", "*"})
    void acceptsRequirementsTheSpiVersionMeets(String requires) throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "echo-plugin", "1.0.0", requires);

        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins), APP)) {
            assertEquals(ProviderSource.plugin("echo-plugin", "1.0.0"), single(found, PLUGIN_FACTORY_ID).source());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"^2.0.0", "2.0.0", "0.9.0", ">=1.1.0", "<1.0.0"})
    void refusesRequirementsTheSpiVersionDoesNotMeet(String requires) throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "echo-plugin", "3.1.0", requires);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("Plugin 'echo-plugin' 3.1.0 requires SupportKit SPI '"
                + requires + "' but this engine provides SPI 1.0.0"), e.getMessage());
    }

    @Test
    void reportsAnInvalidRequirement() throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "echo-plugin", "1.0.0", "one point oh");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).startsWith("Plugin 'echo-plugin' 1.0.0 has an invalid Plugin-Requires "
                + "'one point oh'"), e.getMessage());
    }

    @Test
    void loadsAPluginDirectory() throws IOException {
        Path plugins = pluginsDir();
        TestPluginJars.directory(plugins.resolve("echo-dir"), echoClasses,
                TestPluginJars.manifest("echo-dir", "2.0.1", "^1.0.0"));

        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins), APP)) {
            DiscoveredFactory<NotificationChannelFactory> echo = single(found, PLUGIN_FACTORY_ID);
            assertEquals(ProviderSource.plugin("echo-dir", "2.0.1"), echo.source());
            assertNotSame(APP, echo.factory().getClass().getClassLoader());
            assertEquals(DeliveryResult.Outcome.DELIVERED,
                    echo.factory().create(new FixedProviderContext()).deliver(notification("x@y")).outcome());
        }
    }

    @Test
    void twoDiscoveriesOverTheSameDirectoryAreIndependent() throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "echo-plugin", "1.0.0", "^1.0.0");

        DiscoveredProviders first = ProviderDiscovery.discover(Optional.of(plugins), APP);
        try (DiscoveredProviders second = ProviderDiscovery.discover(Optional.of(plugins), APP)) {
            NotificationChannelFactory one = single(first, PLUGIN_FACTORY_ID).factory();
            NotificationChannelFactory two = single(second, PLUGIN_FACTORY_ID).factory();
            assertNotSame(one.getClass(), two.getClass(), "each engine has its own plugin class loader");
            assertNotSame(one.getClass().getClassLoader(), two.getClass().getClassLoader());

            first.close();
            assertTrue(first.isClosed());
            first.close(); // a second close does nothing
            assertTrue(((SupportKitPluginClassLoader) one.getClass().getClassLoader()).isClosed());
            assertFalse(((SupportKitPluginClassLoader) two.getClass().getClassLoader()).isClosed());

            // The second engine still loads plugin classes and reads plugin resources.
            try (NotificationChannel channel = two.create(new FixedProviderContext())) {
                DeliveryResult result = channel.deliver(notification("after@close"));
                assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), result.detail());
                assertTrue(result.detail().startsWith(TestPluginJars.GREETING), result.detail());
            }
        } finally {
            first.close();
        }
    }

    @Test
    void closeStopsAndUnloadsEveryPlugin() throws IOException {
        Path plugins = pluginsDir();
        var withClass = TestPluginJars.manifest("life-a", "1.0.0", "^1.0.0");
        withClass.put("Plugin-Class", TestPluginJars.LIFECYCLE_PLUGIN_CLASS);
        TestPluginJars.jar(plugins.resolve("life-a.jar"), echoClasses, withClass, true);
        echoJar(plugins, "echo-b", "1.0.0", "^1.0.0");
        System.clearProperty(TestPluginJars.LIFECYCLE_PROPERTY);

        DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins), APP);
        List<DiscoveredFactory<NotificationChannelFactory>> fromPlugins = found.notificationChannels().stream()
                .filter(f -> f.id().equals(PLUGIN_FACTORY_ID)).toList();
        try {
            assertEquals(List.of(ProviderSource.plugin("echo-b", "1.0.0"), ProviderSource.plugin("life-a", "1.0.0")),
                    fromPlugins.stream().map(DiscoveredFactory::source).toList(), "plugins in id order");
            assertEquals("start;", System.getProperty(TestPluginJars.LIFECYCLE_PROPERTY));
        } finally {
            found.close();
        }

        assertEquals("start;stop;", System.getProperty(TestPluginJars.LIFECYCLE_PROPERTY));
        for (DiscoveredFactory<NotificationChannelFactory> factory : fromPlugins) {
            assertTrue(((SupportKitPluginClassLoader) factory.factory().getClass().getClassLoader()).isClosed(),
                    factory.toString());
        }
        System.clearProperty(TestPluginJars.LIFECYCLE_PROPERTY);
    }

    @Test
    void reportsAMissingPluginsDirectoryByItsKey() {
        Path missing = tmp.resolve("no-such-dir");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(missing), APP));
        assertEquals(List.of("supportkit.plugins.directory: '" + missing + "' does not exist or is not a directory"),
                e.problems());
    }

    @Test
    void reportsAPluginsDirectoryThatIsAFile() throws IOException {
        Path file = Files.writeString(tmp.resolve("plugins.txt"), "not a directory");

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(file), APP));
        assertEquals(List.of("supportkit.plugins.directory: '" + file + "' does not exist or is not a directory"),
                e.problems());
    }

    @Test
    void anEmptyPluginsDirectoryFindsOnlyClassPathFactories() throws IOException {
        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(pluginsDir()), APP)) {
            assertTrue(found.plugins().isEmpty());
            assertTrue(found.notificationChannels().stream().allMatch(f -> f.source().isClasspath()));
        }
    }

    @Test
    void collectsEveryPluginProblemAtOnce() throws IOException {
        Path plugins = pluginsDir();
        echoJar(plugins, "acme-storage", "1.2.0", ">=2.0.0 & <3.0.0");
        echoJar(plugins, "good-plugin", "1.0.0", "^1.0.0");
        var broken = TestPluginJars.manifest("broken-plugin", "0.1.0", "^1.0.0");
        broken.put("Plugin-Class", "com.example.echoplugin.NoSuchPlugin");
        TestPluginJars.jar(plugins.resolve("broken-plugin.jar"), echoClasses, broken, true);
        TestPluginJars.jar(plugins.resolve("plain-library.jar"), echoClasses, null, false);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));

        List<String> problems = e.problems();
        assertEquals(3, problems.size(), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("Plugin 'acme-storage' 1.2.0 requires")),
                e.getMessage());
        assertTrue(problems.contains("Plugin 'broken-plugin' 0.1.0 at '" + plugins.resolve("broken-plugin.jar")
                + "' failed to start: its Plugin-Class 'com.example.echoplugin.NoSuchPlugin' cannot be loaded; "
                + "caused by ClassNotFoundException: com.example.echoplugin.NoSuchPlugin"), e.getMessage());
        assertTrue(problems.contains("Plugin at '" + plugins.resolve("plain-library.jar") + "' cannot be loaded: "
                + "it has no META-INF/MANIFEST.MF; a SupportKit plugin declares Plugin-Id, Plugin-Version and "
                + "Plugin-Requires there"), e.getMessage());
    }

    @Test
    void reportsAManifestWithoutPluginVersion() throws IOException {
        Path plugins = pluginsDir();
        var attributes = TestPluginJars.manifest("no-version", "1.0.0", "^1.0.0");
        attributes.remove("Plugin-Version");
        TestPluginJars.jar(plugins.resolve("no-version.jar"), echoClasses, attributes, true);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));
        assertEquals(List.of("Plugin at '" + plugins.resolve("no-version.jar") + "' cannot be loaded: its "
                + "META-INF/MANIFEST.MF has no Plugin-Version; a SupportKit plugin declares Plugin-Id, Plugin-Version "
                + "and Plugin-Requires there"), e.problems());
    }

    @Test
    void aFailingPluginStartIsReportedWithItsCause() throws IOException {
        Path plugins = pluginsDir();
        var attributes = TestPluginJars.manifest("not-a-plugin", "1.0.0", "^1.0.0");
        attributes.put("Plugin-Class", TestPluginJars.FACTORY_CLASS); // exists, but is no org.pf4j.Plugin
        TestPluginJars.jar(plugins.resolve("not-a-plugin.jar"), echoClasses, attributes, true);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));
        assertEquals(List.of("Plugin 'not-a-plugin' 1.0.0 at '" + plugins.resolve("not-a-plugin.jar") + "' failed to "
                + "start: its Plugin-Class '" + TestPluginJars.FACTORY_CLASS + "' is not a concrete subclass of "
                + "org.pf4j.Plugin"), e.problems());
    }

    @Test
    void reportsAnInvalidFactoryIdFromAPlugin() throws IOException {
        Path classes = TestPluginJars.compileEchoPlugin(tmp.resolve("bad-id"), "Bad_Id");
        Path plugins = pluginsDir();
        TestPluginJars.jar(plugins.resolve("bad-id.jar"), classes, TestPluginJars.manifest("bad-id", "1.0.0",
                "^1.0.0"), true);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ProviderDiscovery.discover(Optional.of(plugins), APP));
        assertEquals(List.of("Provider factory " + TestPluginJars.FACTORY_CLASS + " (in plugin 'bad-id' 1.0.0) has "
                + "invalid id 'Bad_Id': an id must match [a-z0-9][a-z0-9-]* (lower-case letters, digits and "
                + "hyphens)"), e.problems());
    }

    @Test
    void aPluginJarWithoutAServiceEntryProvidesNothing() throws IOException {
        Path plugins = pluginsDir();
        TestPluginJars.jar(plugins.resolve("quiet.jar"), echoClasses, TestPluginJars.manifest("quiet", "1.0.0",
                "^1.0.0"), false);

        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.of(plugins), APP)) {
            assertEquals(1, found.plugins().size());
            assertTrue(found.notificationChannels().stream().noneMatch(f -> f.id().equals(PLUGIN_FACTORY_ID)));
        }
    }

    @Test
    void rejectsAnUnknownFactoryType() {
        try (DiscoveredProviders found = ProviderDiscovery.discover(Optional.empty(), APP)) {
            assertThrows(IllegalArgumentException.class, () -> found.all(OtherFactory.class));
            assertNotEquals(0, found.notificationChannels().size());
        }
    }

    /** Not one of the discovered factory interfaces. */
    interface OtherFactory extends dev.supportkit.spi.ProviderFactory<NotificationChannel> {
    }
}
