package dev.supportkit.notify.fax;

import static dev.supportkit.notify.fax.testing.Faxes.BODY;
import static dev.supportkit.notify.fax.testing.Faxes.SUBJECT;
import static dev.supportkit.notify.fax.testing.Faxes.bytes;
import static dev.supportkit.notify.fax.testing.Faxes.fax;
import static dev.supportkit.notify.fax.testing.Faxes.flat;
import static dev.supportkit.notify.fax.testing.Faxes.pdfPart;
import static dev.supportkit.notify.fax.testing.Faxes.settings;
import static dev.supportkit.notify.fax.testing.Faxes.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.core.plugin.DiscoveredFactory;
import dev.supportkit.core.plugin.DiscoveredProviders;
import dev.supportkit.core.plugin.ProviderDiscovery;
import dev.supportkit.notify.fax.testing.TestContext;
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
 * The PF4J plugin jar (classifier {@code plugin}), checked after {@code package}: the manifest, what it
 * bundles (the shared SMTP classes but not the email channel, PDFBox, only the two fonts used) and what
 * it leaves to the engine, and that it renders and sends a fax when loaded the way the engine loads
 * plugins, and through the engine's own PF4J discovery.
 */
class PluginJarIT {
    private static Path jar;

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

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
            assertEquals("supportkit-notify-fax", main.getValue("Plugin-Id"));
            assertEquals(System.getProperty("supportkit.plugin.version"), main.getValue("Plugin-Version"));
            assertEquals(">=1.0.0 & <2.0.0", main.getValue("Plugin-Requires"));
            assertEquals("SupportKit", main.getValue("Plugin-Provider"));
        }
    }

    @Test
    @DisplayName("it bundles the SMTP sender (not the email channel), Jakarta Mail, PDFBox and two fonts; not the API or SLF4J")
    void bundlesWhatItNeeds() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : List.of("dev/supportkit/notify/fax/FaxChannelFactory.class",
                    "dev/supportkit/notify/email/smtp/SmtpSender.class", "jakarta/mail/Session.class",
                    "org/eclipse/angus/mail/smtp/SMTPTransport.class", "org/apache/pdfbox/pdmodel/PDDocument.class",
                    "org/apache/fontbox/ttf/TrueTypeFont.class", "org/apache/commons/logging/LogFactory.class",
                    "META-INF/jakarta.providers", "META-INF/jakarta.mailcap",
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
                    "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf",
                    "net/sf/jasperreports/fonts/dejavu/LICENSE")) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            assertNull(file.getEntry("dev/supportkit/notify/email/EmailChannelFactory.class"), "no email channel");
            assertNull(file.getEntry("net/sf/jasperreports/fonts/dejavu/DejaVuSerif.ttf"), "only the fonts used");
            assertNull(file.getEntry("jasperreports_extension.properties"));
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("dev/supportkit/api/")
                            || e.getName().startsWith("dev/supportkit/spi/") || e.getName().startsWith("org/slf4j/")),
                    "the engine provides the SupportKit API and SLF4J");
            assertEquals("dev.supportkit.notify.fax.FaxChannelFactory",
                    read(file, "META-INF/services/dev.supportkit.spi.notification.NotificationChannelFactory").trim());
            assertTrue(read(file, "META-INF/services/jakarta.mail.Provider").contains("SMTPProvider"));
            assertTrue(Files.size(jar) < 8_000_000, "plugin jar size " + Files.size(jar));
        }
    }

    @Test
    @DisplayName("loaded alone like the engine loads plugins, it renders and sends a fax with Cyrillic text")
    void worksInAnIsolatedClassLoader() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar.toUri().toURL()}, new EngineSide())) {
            NotificationChannelFactory factory = ServiceLoader.load(NotificationChannelFactory.class, plugin)
                    .findFirst().orElseThrow(() -> new AssertionError("no NotificationChannelFactory in the jar"));
            assertSame(plugin, factory.getClass().getClassLoader(), "the factory must come from the plugin jar");
            assertEquals("fax", factory.id());
            for (ClassLoader context : List.of(new EngineSide(), PluginJarIT.class.getClassLoader())) {
                deliverWith(factory, context);
            }
            assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 2));
            String text = text(bytes(pdfPart(GREENMAIL.getReceivedMessages()[1])));
            assertTrue(text.startsWith(flat(SUBJECT + " " + BODY)), text);
        }
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory; its fax factory delivers")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws Exception {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins), new EngineSide())) {
            assertEquals("supportkit-notify-fax", discovered.plugins().get(0).id());
            List<DiscoveredFactory<NotificationChannelFactory>> factories = discovered.notificationChannels();
            assertEquals(List.of("fax"), factories.stream().map(DiscoveredFactory::id).toList());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            deliverWith(factories.get(0).factory(), new EngineSide());
            assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        }
    }

    @Test
    @DisplayName("the plain jar and the email module's smtp jar on the class path bring only the fax factory")
    void plainJarOnTheClassPath() {
        List<String> ids = ServiceLoader.load(NotificationChannelFactory.class, PluginJarIT.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).map(NotificationChannelFactory::id).toList();
        assertEquals(List.of("fax"), ids);
        String location = FaxChannelFactory.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith(".jar") && !location.endsWith("-plugin.jar"), location);
        String smtp = dev.supportkit.notify.email.smtp.SmtpSender.class.getProtectionDomain().getCodeSource()
                .getLocation().toString();
        assertTrue(smtp.endsWith("-smtp.jar"), "the SMTP classes come from the smtp jar: " + smtp);
    }

    private static void deliverWith(NotificationChannelFactory factory, ClassLoader context) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context);
        try (NotificationChannel channel = factory.create(TestContext.of(settings(GREENMAIL.getSmtp().getBindTo(),
                GREENMAIL.getSmtp().getPort())))) {
            DeliveryResult result = channel.deliver(fax("plugin-fax", "+74951234567", BODY));
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            assertSame(context, thread.getContextClassLoader(), "the context class loader is restored");
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

    /** An application class loader with only the JDK, the SupportKit API and SPI, SLF4J and PF4J. */
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
