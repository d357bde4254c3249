package dev.supportkit.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.notify.email.testing.TestContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The factory's validation: every bad key reported at once, each by its full name. */
class EmailSettingsTest {
    private static final String P = "supportkit.providers.email.";

    @Test
    @DisplayName("every bad key is reported in one ConfigurationException, each naming the full key")
    void reportsEveryProblemAtOnce() {
        Map<String, String> settings = Map.of(
                "port", "smtp",
                "security", "tls",
                "from", "support at example.com",
                "connect-timeout-ms", "-1",
                "timeout-ms", "10s",
                "username", "mailer",
                "trust", " , ",
                "hots", "smtp.example.com");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> new EmailChannelFactory().create(TestContext.of(settings)));
        List<String> problems = e.problems();
        assertEquals(9, problems.size(), String.join("\n", problems));
        for (String key : List.of("hots", "host", "port", "security", "from", "connect-timeout-ms", "timeout-ms",
                "password", "trust")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(P + key + ": ")), "no problem for " + key
                    + " in " + problems);
        }
        assertTrue(problems.contains(P + "hots: unknown setting (known: connect-timeout-ms, from, host, password, port, "
                + "security, timeout-ms, trust, username)"), problems.toString());
        assertTrue(problems.contains(P + "host: required: the SMTP server's host name, e.g. smtp.example.com"));
        assertTrue(problems.contains(P + "security: must be 'starttls', 'ssl' or 'none', was 'tls'"));
        assertTrue(problems.contains(P + "port: must be an integer from 1 to 65535, was 'smtp'"));
        assertTrue(problems.contains(P + "password: required when " + P + "username is set"));
    }

    @Test
    @DisplayName("a password without a user name, a port out of range, trust with security=none")
    void moreProblems() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> new EmailChannelFactory()
                .create(TestContext.of(Map.of("host", "smtp.example.com", "from", "a@example.com", "port", "70000",
                        "password", "pw-123", "security", "none", "trust", "smtp.example.com"))));
        assertEquals(List.of(
                P + "port: must be an integer from 1 to 65535, was '70000'",
                P + "username: required when " + P + "password is set (SMTP AUTH needs both)",
                P + "trust: has no effect with " + P + "security=none"), e.problems());
        assertFalse(e.getMessage().contains("pw-123"), "the password must not be in the message");
    }

    @Test
    @DisplayName("host and from are enough: STARTTLS on 587; ssl defaults to 465; an explicit port wins")
    void defaults() {
        assertEquals("EmailChannel[SmtpSettings[host=smtp.example.com, port=587, security=starttls, username=(none), "
                + "password=(none), from=support@example.com, connectTimeoutMs=10000, timeoutMs=10000, trust=(none)]]",
                new EmailChannelFactory().create(TestContext.of(Map.of("host", "smtp.example.com",
                        "from", "support@example.com"))).toString());
        assertTrue(new EmailChannelFactory().create(TestContext.of(Map.of("host", "smtp.example.com",
                "from", "support@example.com", "security", "SSL"))).toString().contains("port=465, security=ssl"));
        assertTrue(new EmailChannelFactory().create(TestContext.of(Map.of("host", "smtp.example.com",
                "from", "support@example.com", "security", "ssl", "port", "2465"))).toString()
                .contains("port=2465, security=ssl"));
    }

    @Test
    @DisplayName("the factory's id is 'email' and it is listed in META-INF/services")
    void idAndServiceFile() {
        assertEquals("email", new EmailChannelFactory().id());
        assertTrue(java.util.ServiceLoader.load(dev.supportkit.spi.notification.NotificationChannelFactory.class)
                .stream().anyMatch(p -> p.type() == EmailChannelFactory.class));
    }
}
