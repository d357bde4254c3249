package dev.supportkit.notify.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.notify.email.testing.ScriptedSmtpServer;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.SettingsReader;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmtpSenderTest {
    private static SmtpSender sender(int port, Clock clock) {
        return new SmtpSender("test", SmtpSettings.read(SettingsReader.of("p.", new ProviderSettings(Map.of(
                "host", "127.0.0.1", "port", Integer.toString(port), "security", "none", "from", "a@example.com")),
                SmtpSettings.SETTINGS)).orElseThrow(), clock);
    }

    @Test
    @DisplayName("content that cannot be written: a permanent failure, not an exception, and nothing is sent")
    void contentFailureIsPermanent() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of())) {
            DeliveryResult result = sender(server.port(), Clock.fixed(Instant.EPOCH, ZoneId.of("UTC"))).send(
                    MailAddresses.parseMailbox("b@example.com"), "k", message -> {
                        throw new IllegalStateException("template exploded");
                    });
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
            assertEquals("the message cannot be composed: IllegalStateException: template exploded", result.detail());
            assertEquals(0, server.connections());
        }
    }

    @Test
    @DisplayName("the Date header is the clock's time in the clock's zone")
    void dateFromClock() throws Exception {
        Clock moscow = Clock.fixed(Instant.parse("2026-03-12T09:00:00Z"), ZoneId.of("Europe/Moscow"));
        String[] date = new String[1];
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of())) {
            DeliveryResult result = sender(server.port(), moscow).send(MailAddresses.parseMailbox("b@example.com"),
                    "k", message -> {
                        message.setText("x");
                        date[0] = message.getHeader("Date", null);
                    });
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            assertTrue(result.detail().contains("250 2.0.0 Ok: queued as SCRIPTED1"), result.detail());
        }
        assertEquals("Thu, 12 Mar 2026 12:00:00 +0300", date[0]);
    }
}
