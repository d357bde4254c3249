package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.SUBJECT;
import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.notify.email.testing.StartTlsRelay;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.NotificationChannel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TLS: SMTPS against GreenMail's SMTPS server, STARTTLS through a relay in front of GreenMail (which has
 * no STARTTLS of its own), and the refusals: an untrusted self-signed certificate, and a server that does
 * not offer the STARTTLS the channel requires.
 */
class EmailTlsTest {
    private static final String PASSWORD = "tls-password-1";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("support@example.com", "mailer", PASSWORD));

    private static NotificationChannel channel(int port, String security, String... extra) {
        Map<String, String> settings = smtp(GREENMAIL.getSmtp().getBindTo(), port, security, extra);
        return new EmailChannelFactory().create(TestContext.of(settings));
    }

    @Test
    @DisplayName("security=ssl (SMTPS) with the test server's host trusted: delivered with AUTH")
    void smtps() throws Exception {
        String host = GREENMAIL.getSmtps().getBindTo();
        DeliveryResult result = channel(GREENMAIL.getSmtps().getPort(), "ssl", "trust", host,
                "username", "mailer", "password", PASSWORD).deliver(notification("ssl-1", "anna@example.ru"));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        assertEquals(SUBJECT, GREENMAIL.getReceivedMessages()[0].getSubject());
    }

    @Test
    @DisplayName("security=ssl without trust: GreenMail's self-signed certificate is refused, a temporary failure")
    void smtpsRefusesAnUntrustedCertificate() {
        DeliveryResult result = channel(GREENMAIL.getSmtps().getPort(), "ssl")
                .deliver(notification("ssl-2", "anna@example.ru"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("(ssl)"), result.detail());
        assertTrue(result.detail().contains("PKIX") || result.detail().contains("certif"), result.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length);
    }

    @Test
    @DisplayName("security=starttls: the connection is upgraded before AUTH and MAIL, and the message arrives")
    void startTls() throws Exception {
        try (StartTlsRelay relay = new StartTlsRelay(GREENMAIL.getSmtp().getPort())) {
            DeliveryResult result = channel(relay.port(), "starttls", "trust", GREENMAIL.getSmtp().getBindTo(),
                    "username", "mailer", "password", PASSWORD).deliver(notification("tls-1", "anna@example.ru"));
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
            assertEquals(SUBJECT, GREENMAIL.getReceivedMessages()[0].getSubject());
            assertEquals(1, relay.negotiated().size(), relay.negotiated().toString());
            assertTrue(List.of("TLSv1.2", "TLSv1.3").contains(relay.negotiated().get(0)), relay.negotiated().toString());
        }
    }

    @Test
    @DisplayName("security=starttls against a server without STARTTLS: no plain-text fallback, a temporary failure")
    void startTlsIsRequired() {
        DeliveryResult result = channel(GREENMAIL.getSmtp().getPort(), "starttls", "username", "mailer",
                "password", PASSWORD).deliver(notification("tls-2", "anna@example.ru"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("STARTTLS"), result.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length);
    }
}
