package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.notify.email.testing.ScriptedSmtpServer;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.NotificationChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The password never appears in a result's detail, a toString, an exception message or a log line
 * (read from the file slf4j-simple writes during the tests), whatever the failure, even when the
 * server's reply repeats it.
 */
class SecretMaskingTest {
    private final String secret = "s3cret-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@example.com", "mailer", "right-pw"));

    @Test
    @DisplayName("refused authentication: detail, toString and log name the user and the reply, not the password")
    void refusedAuthentication() throws IOException {
        NotificationChannel channel = new EmailChannelFactory().create(TestContext.of(smtp(
                GREENMAIL.getSmtp().getBindTo(), GREENMAIL.getSmtp().getPort(), "none", "username", "mailer",
                "password", secret)));
        DeliveryResult result = channel.deliver(notification("mask-1", "ivan@example.ru"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("'mailer'"), result.detail());
        assertFalse(result.detail().contains(secret), result.detail());
        assertFalse(channel.toString().contains(secret), channel.toString());
        assertTrue(channel.toString().contains("password=****"), channel.toString());
        assertLogMentionsButHidesSecret("authentication as 'mailer' refused by " + GREENMAIL.getSmtp().getBindTo());
    }

    @Test
    @DisplayName("a server echoing the password in its reply: scrubbed from the detail and the log")
    void echoedPasswordIsScrubbed() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("RCPT", "550 5.7.1 nobody here, and your password is " + secret))) {
            DeliveryResult result = new EmailChannelFactory().create(TestContext.of(smtp("127.0.0.1", server.port(),
                    "none", "username", "mailer", "password", secret)))
                    .deliver(notification("mask-2", "nobody@example.com"));
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
            assertTrue(result.detail().endsWith("550 5.7.1 nobody here, and your password is ****"), result.detail());
        }
        assertLogMentionsButHidesSecret("nobody here, and your password is ****");
    }

    @Test
    @DisplayName("bad settings next to a password: the ConfigurationException does not show it")
    void configurationProblemsHideThePassword() {
        Map<String, String> settings = new HashMap<>(Map.of("username", "mailer", "password", secret,
                "security", "bogus"));
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new EmailChannelFactory().create(TestContext.of(settings)));
        assertTrue(e.getMessage().contains("supportkit.providers.email.host: required"), e.getMessage());
        assertFalse(e.getMessage().contains(secret), e.getMessage());
    }

    /** The log must have recorded this failure (so logging was captured) but never the password. */
    private void assertLogMentionsButHidesSecret(String expected) throws IOException {
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the test log " + log + " (set by Surefire) is missing");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains(expected), "nothing was logged about: " + expected);
        assertFalse(text.contains(secret), "the password was logged");
    }
}
