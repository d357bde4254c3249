package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.SUBJECT;
import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.core.plugin.DiscoveredFactory;
import dev.supportkit.core.plugin.DiscoveredProviders;
import dev.supportkit.core.plugin.LoadedPlugin;
import dev.supportkit.core.plugin.ProviderDiscovery;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
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
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PF4J plugin jar (classifier {@code plugin}) and the {@code smtp} jar, checked after
 * {@code package}: the manifest, what the plugin bundles and leaves to the engine, that Jakarta Mail's
 * providers and mailcap survive shading, and that the plugin sends a real message when loaded the way the
 * engine loads plugins (only the SupportKit API/SPI and SLF4J from the application) whatever the calling
 * thread's context class loader, and through the engine's own PF4J discovery.
 */
class PluginJarIT {
    private static Path jar;
    private static Path smtpJar;

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @BeforeAll
    static void findJars() {
        String property = System.getProperty("supportkit.plugin.jar");
        assertNotNull(property, "Failsafe must pass supportkit.plugin.jar");
        jar = Path.of(property);
        assertTrue(Files.isRegularFile(jar), "the plugin jar was not built: " + jar);
        smtpJar = Path.of(property.replaceFirst("-plugin\\.jar$", "-smtp.jar"));
        assertTrue(Files.isRegularFile(smtpJar), "the smtp jar was not built: " + smtpJar);
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin: id, version, SPI range, provider")
    void manifestDeclaresThePlugin() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertEquals("supportkit-notify-email", main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("supportkit.plugin.version"), main.getValue("Plugin-Version"));
            assertEquals(">=1.0.0 & <2.0.0", main.getValue("Plugin-Requires"));
            assertEquals("SupportKit", main.getValue("Plugin-Provider"));
        }
    }

    @Test
    @DisplayName("it bundles Jakarta Mail, Angus Mail and Activation with their META-INF resources, not the API or SLF4J")
    void bundlesMailButNotTheApi() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : List.of("dev/supportkit/notify/email/EmailChannelFactory.class",
                    "dev/supportkit/notify/email/smtp/SmtpSender.class", "jakarta/mail/Session.class",
                    "org/eclipse/angus/mail/smtp/SMTPTransport.class", "jakarta/activation/DataHandler.class",
                    "org/eclipse/angus/activation/MailcapRegistryProviderImpl.class",
                    "META-INF/jakarta.providers", "META-INF/jakarta.default.providers", "META-INF/jakarta.mailcap",
                    "META-INF/jakarta.mailcap.default", "META-INF/jakarta.mimetypes.default")) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("dev/supportkit/api/")
                            || e.getName().startsWith("dev/supportkit/spi/") || e.getName().startsWith("org/slf4j/")),
                    "the engine provides the SupportKit API and SLF4J");
            assertEquals("dev.supportkit.notify.email.EmailChannelFactory",
                    read(file, "META-INF/services/dev.supportkit.spi.notification.NotificationChannelFactory").trim());
            assertTrue(read(file, "META-INF/services/jakarta.mail.Provider").contains("SMTPProvider"));
            assertTrue(read(file, "META-INF/services/jakarta.mail.util.StreamProvider").contains("MailStreamProvider"));
            assertTrue(read(file, "META-INF/services/jakarta.activation.spi.MailcapRegistryProvider")
                    .contains("MailcapRegistryProviderImpl"));
        }
    }

    @Test
    @DisplayName("the smtp jar holds only the shared SMTP package and no service file (so it starts no channel)")
    void smtpJarHoldsOnlyTheSmtpPackage() throws IOException {
        try (JarFile file = new JarFile(smtpJar.toFile())) {
            List<String> classes = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.contains("dev/supportkit/notify/email/smtp/SmtpSender.class"), classes.toString());
            assertTrue(classes.stream().allMatch(n -> n.startsWith("dev/supportkit/notify/email/smtp/")),
                    classes.toString());
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/")));
        }
    }

    @Test
    @DisplayName("loaded alone like the engine loads plugins, it delivers, whatever the thread's context class loader")
    void worksInAnIsolatedClassLoader() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new EngineSide())) {
            NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class, plugin)
                    .findFirst().orElseThrow(() -> new AssertionError("no NotificationChannelFactory in the jar"));
            assertSame(plugin, factory.getClass().getClassLoader(), "the factory must come from the plugin jar");
            assertSame(plugin, plugin.loadClass("jakarta.mail.Session").getClassLoader(), "its own Jakarta Mail");
            assertEquals("email", factory.id());

            // The engine's thread may have a context class loader that sees no Jakarta Mail at all, or the
            // application's own (different) copy of it: the plugin must use its own either way.
            for (ClassLoader context : List.of(new EngineSide(), PluginJarIT.class.getClassLoader())) {
                assertEquals(Outcome.DELIVERED, deliverWith(factory, context).outcome());
            }
            assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 2));
            assertEquals(SUBJECT, GREENMAIL.getReceivedMessages()[1].getSubject());
        }
    }

    @Test
    @DisplayName("the plain jar, as a Maven dependency on the class path, lists the factory in META-INF/services")
    void plainJarIsFoundOnTheClassPath() {
        NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class,
                        PluginJarIT.class.getClassLoader()).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.id().equals("email")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'email' NotificationChannelFactory on the class path"));
        assertEquals(EmailChannelFactory.class, factory.getClass());
        String location = factory.getClass().getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar"), "Failsafe tests the packaged plain jar, not classes: " + location);
        assertFalse(location.endsWith("-plugin.jar"), location);
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory; its email factory delivers")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws Exception {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins), new EngineSide())) {
            List<LoadedPlugin> loaded = discovered.plugins();
            assertEquals(1, loaded.size(), loaded.toString());
            assertEquals("supportkit-notify-email", loaded.get(0).id());
            List<DiscoveredFactory<NotificationChannelFactory>> factories = discovered.notificationChannels();
            assertEquals(1, factories.size(), factories.toString());
            assertEquals("email", factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            assertEquals(Outcome.DELIVERED, deliverWith(factories.get(0).factory(), new EngineSide()).outcome());
            assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        }
    }

    private static DeliveryResult deliverWith(NotificationChannelFactory factory, ClassLoader context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context);
        try (NotificationChannel channel = factory.create(TestContext.of(smtp(GREENMAIL.getSmtp().getBindTo(),
                GREENMAIL.getSmtp().getPort(), "none")))) {
            assertSame(factory.getClass().getClassLoader(), channel.getClass().getClassLoader());
            DeliveryResult result = channel.deliver(notification("plugin-1", "ivan@example.ru"));
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            assertSame(context, thread.getContextClassLoader(), "the context class loader is restored");
            return result;
        } finally {
            thread.setContextClassLoader(previous);
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
