package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.notify.email.smtp.MailAddresses;
import dev.supportkit.notify.email.testing.Mail;
import dev.supportkit.notify.email.testing.ScriptedSmtpServer;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How failures are classified, against a scripted SMTP server that gives the replies GreenMail cannot,
 * and against nothing at all.
 */
class EmailFailureTest {
    private static NotificationChannel channel(int port, String... extra) {
        return new EmailChannelFactory().create(TestContext.of(smtp("127.0.0.1", port, "none", extra)));
    }

    @Test
    @DisplayName("550 user unknown to RCPT TO: a permanent failure with the server's reply")
    void unknownRecipientIsPermanent() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("RCPT", "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"))) {
            DeliveryResult result = channel(server.port()).deliver(notification("rcpt-1", "nobody@example.com"));

            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
            assertTrue(result.detail().contains("RCPT TO:<nobody@example.com> refused by 127.0.0.1:" + server.port()
                    + ": 550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown"), result.detail());
            assertTrue(server.commands().stream().noneMatch(c -> c.startsWith("<message")), "no DATA after a refusal");
        }
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "RCPT, 450 4.2.0 Mailbox busy, TEMPORARY_FAILURE",
            "RCPT, 452 4.5.3 Too many recipients, TEMPORARY_FAILURE",
            "RCPT, 552 5.2.2 Mailbox full, TEMPORARY_FAILURE",
            "RCPT, 553 5.1.3 Bad recipient address syntax, PERMANENT_FAILURE",
            "RCPT, 554 5.7.1 Relay access denied, PERMANENT_FAILURE",
            "MAIL, 451 4.3.0 Try again later, TEMPORARY_FAILURE",
            "MAIL, 530 5.7.0 Authentication required, TEMPORARY_FAILURE",
            "MAIL, 553 5.7.1 Sender address rejected, PERMANENT_FAILURE",
            "DATA, 451 4.7.1 Greylisted, TEMPORARY_FAILURE",
            "DATA, 554 5.7.1 Message rejected as spam, PERMANENT_FAILURE",
            "DATA, 552 5.3.4 Message too big, PERMANENT_FAILURE",
            "DATA, 250 2.0.0 Ok: queued as ABC123, DELIVERED"})
    @DisplayName("the reply code decides: 4xx temporary, 5xx permanent (but auth and RCPT 552 temporary)")
    void replyCodeDecides(String command, String reply, Outcome expected) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of(command, reply))) {
            DeliveryResult result = channel(server.port()).deliver(notification("code-1", "bob@example.com"));
            assertEquals(expected, result.outcome(), result.detail());
            assertTrue(result.detail().contains(reply), result.detail());
            if (expected != Outcome.DELIVERED) {
                String refused = Map.of("MAIL", "MAIL FROM:<support@example.com>", "RCPT", "RCPT TO:<bob@example.com>",
                        "DATA", "DATA (end of message)").get(command);
                assertTrue(result.detail().startsWith(refused + " refused by 127.0.0.1:" + server.port() + ": "),
                        result.detail());
            }
        }
    }

    @Test
    @DisplayName("nothing listening on the port: a temporary failure")
    void closedPortIsTemporary() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        DeliveryResult result = channel(port).deliver(notification("down-1", "bob@example.com"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("cannot connect to 127.0.0.1:" + port + " (none): "), result.detail());
        assertTrue(result.detail().contains("ConnectException"), result.detail());
    }

    @Test
    @DisplayName("a server that never greets: timed out after timeout-ms, a temporary failure")
    void silentServerTimesOut() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            DeliveryResult result = channel(server.port(), "timeout-ms", "300")
                    .deliver(notification("slow-1", "bob@example.com"));
            assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
            assertTrue(result.detail().toLowerCase(Locale.ROOT).contains("timed out"), result.detail());
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections() == 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not-an-address", "bob@", "@example.com", "bob@@example.com",
            "bob@example.com, eve@example.com", "friends: bob@example.com;", "bob@example.com\r\nBcc: eve@example.com",
            "иван@example.com", "bob@exa mple.com"})
    @DisplayName("an address that is not exactly one mailbox: permanent, and the server is never contacted")
    void invalidAddressIsPermanentWithoutContactingTheServer(String address) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of())) {
            DeliveryResult result = channel(server.port()).deliver(notification("bad-1", address));
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
            assertTrue(result.detail().startsWith("invalid e-mail address '" + MailAddresses.forDisplay(address) + "': "),
                    result.detail());
            assertTrue(result.detail().chars().noneMatch(c -> c < 0x20), "no line breaks in the journal: " + result);
            assertEquals(0, server.connections());
        }
    }

    @Test
    @DisplayName("a null address, a null body and a null subject are handled, not thrown")
    void nullsDoNotThrow() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of())) {
            NotificationChannel channel = channel(server.port());
            assertEquals(Outcome.PERMANENT_FAILURE, channel.deliver(
                    new Notification("n-1", Mail.TENANT, null, "s", "b", Locale.ROOT, java.util.List.of())).outcome());
            assertEquals(Outcome.PERMANENT_FAILURE, channel.deliver(null).outcome());
            assertEquals(Outcome.DELIVERED, channel.deliver(
                    new Notification(null, Mail.TENANT, "bob@example.com", null, null, null, java.util.List.of())).outcome());
        }
    }

    @Test
    @DisplayName("an internationalised domain is sent in punycode, the display name is kept")
    void idnDomainIsPunycoded() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of())) {
            DeliveryResult result = channel(server.port())
                    .deliver(notification("idn-1", "Иван Петров <ivan@пример.рф>"));
            assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
            assertTrue(server.commands().contains("RCPT TO:<ivan@xn--e1afmkfd.xn--p1ai>"), server.commands().toString());
            assertEquals(List.of(), server.commands().stream().filter(c -> c.startsWith("!")).toList());
        }
    }
}
