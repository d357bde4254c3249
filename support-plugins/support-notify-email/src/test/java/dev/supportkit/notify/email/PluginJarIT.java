package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.SUBJECT;
import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PF4J plugin jar, checked after {@code package} by the shared plugin-jar contract, plus what is
 * special to mail: Jakarta Mail's providers and mailcap survive shading, the plugin uses its own Jakarta
 * Mail whatever the calling thread's context class loader, and the {@code smtp} jar (the package the fax
 * channel reuses) holds only that package.
 */
class PluginJarIT extends NotificationPluginJarContract {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected String pluginId() {
        return "supportkit-notify-email";
    }

    @Override
    protected String factoryId() {
        return EmailChannelFactory.ID;
    }

    @Override
    protected Class<? extends NotificationChannelFactory> factoryClass() {
        return EmailChannelFactory.class;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/notify/email/EmailChannelFactory.class",
                "dev/supportkit/notify/email/smtp/SmtpSender.class", "jakarta/mail/Session.class",
                "org/eclipse/angus/mail/smtp/SMTPTransport.class", "jakarta/activation/DataHandler.class",
                "org/eclipse/angus/activation/MailcapRegistryProviderImpl.class",
                "META-INF/jakarta.providers", "META-INF/jakarta.default.providers", "META-INF/jakarta.mailcap",
                "META-INF/jakarta.mailcap.default", "META-INF/jakarta.mimetypes.default");
    }

    /**
     * Delivers twice: with a context class loader that sees no Jakarta Mail (the engine's thread) and with
     * the application's own, different copy of it; the plugin must use its own either way.
     */
    @Override
    protected void roundTrip(NotificationChannelFactory factory) throws Exception {
        for (ClassLoader context : List.of(new EngineSide(), PluginJarIT.class.getClassLoader())) {
            assertEquals(Outcome.DELIVERED, deliverWith(factory, context).outcome());
        }
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 2));
        assertEquals(SUBJECT, GREENMAIL.getReceivedMessages()[1].getSubject());
    }

    @Test
    @DisplayName("Jakarta Mail's and Activation's service files survive shading")
    void mailServiceFilesSurviveShading() throws IOException {
        try (JarFile file = new JarFile(pluginJar().toFile())) {
            assertTrue(read(file, "META-INF/services/jakarta.mail.Provider").contains("SMTPProvider"));
            assertTrue(read(file, "META-INF/services/jakarta.mail.util.StreamProvider").contains("MailStreamProvider"));
            assertTrue(read(file, "META-INF/services/jakarta.activation.spi.MailcapRegistryProvider")
                    .contains("MailcapRegistryProviderImpl"));
        }
    }

    @Test
    @DisplayName("the smtp jar holds only the shared SMTP package and no service file (so it starts no channel)")
    void smtpJarHoldsOnlyTheSmtpPackage() throws IOException {
        Path smtpJar = Path.of(pluginJar().toString().replaceFirst("-plugin\\.jar$", "-smtp.jar"));
        assertTrue(Files.isRegularFile(smtpJar), "the smtp jar was not built: " + smtpJar);
        try (JarFile file = new JarFile(smtpJar.toFile())) {
            List<String> classes = file.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            assertTrue(classes.contains("dev/supportkit/notify/email/smtp/SmtpSender.class"), classes.toString());
            assertTrue(classes.stream().allMatch(n -> n.startsWith("dev/supportkit/notify/email/smtp/")),
                    classes.toString());
            assertTrue(file.stream().noneMatch(e -> e.getName().startsWith("META-INF/services/")));
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
}
