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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.notify.email.smtp.SmtpSender;
import dev.supportkit.notify.fax.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PF4J plugin jar, checked after {@code package} by the shared plugin-jar contract, plus what is
 * special to fax: it bundles the e-mail module's SMTP package but not the e-mail channel, only the two
 * fonts it uses, Jakarta Mail's providers survive shading, and on the class path the e-mail module's
 * {@code smtp} jar brings no second channel.
 */
class PluginJarIT extends NotificationPluginJarContract {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Override
    protected String pluginId() {
        return "supportkit-notify-fax";
    }

    @Override
    protected String factoryId() {
        return FaxChannelFactory.ID;
    }

    @Override
    protected Class<? extends NotificationChannelFactory> factoryClass() {
        return FaxChannelFactory.class;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/notify/fax/FaxChannelFactory.class",
                "dev/supportkit/notify/email/smtp/SmtpSender.class", "jakarta/mail/Session.class",
                "org/eclipse/angus/mail/smtp/SMTPTransport.class", "org/apache/pdfbox/pdmodel/PDDocument.class",
                "org/apache/fontbox/ttf/TrueTypeFont.class", "org/apache/commons/logging/LogFactory.class",
                "META-INF/jakarta.providers", "META-INF/jakarta.mailcap",
                "net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf",
                "net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf",
                "net/sf/jasperreports/fonts/dejavu/LICENSE");
    }

    @Override
    protected List<String> excludedPrefixes() {
        return List.of("dev/supportkit/notify/email/EmailChannelFactory.class",
                "net/sf/jasperreports/fonts/dejavu/DejaVuSerif", "jasperreports_extension.properties");
    }

    /**
     * Renders and sends a fax with Cyrillic text twice: with a context class loader that sees no Jakarta
     * Mail (the engine's thread) and with the application's own copy; the plugin uses its own either way.
     */
    @Override
    protected void roundTrip(NotificationChannelFactory factory) throws Exception {
        for (ClassLoader context : List.of(new EngineSide(), PluginJarIT.class.getClassLoader())) {
            deliverWith(factory, context);
        }
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 2));
        String text = text(bytes(pdfPart(GREENMAIL.getReceivedMessages()[1])));
        assertTrue(text.startsWith(flat(SUBJECT + " " + BODY)), text);
    }

    @Test
    @DisplayName("Jakarta Mail's providers survive shading, and the jar stays small")
    void mailProvidersAndSize() throws IOException {
        try (JarFile file = new JarFile(pluginJar().toFile())) {
            assertNotNull(file.getEntry("META-INF/services/jakarta.mail.Provider"));
            try (InputStream in = file.getInputStream(file.getEntry("META-INF/services/jakarta.mail.Provider"))) {
                assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("SMTPProvider"));
            }
        }
        assertTrue(Files.size(pluginJar()) < 8_000_000, "plugin jar size " + Files.size(pluginJar()));
    }

    @Test
    @DisplayName("the plain jar and the email module's smtp jar on the class path bring the fax factory and no e-mail channel")
    void onlyTheFaxFactoryOnTheClassPath() {
        List<String> ids = ServiceLoader.load(NotificationChannelFactory.class, PluginJarIT.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).map(NotificationChannelFactory::id).toList();
        assertTrue(ids.contains("fax"), ids.toString());
        assertFalse(ids.contains("email"), "the smtp jar must not start an e-mail channel: " + ids);
        String smtp = SmtpSender.class.getProtectionDomain().getCodeSource().getLocation().toString();
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
}
