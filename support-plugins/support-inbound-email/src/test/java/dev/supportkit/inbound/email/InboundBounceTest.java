package dev.supportkit.inbound.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.quality.Delivery;
import dev.supportkit.api.quality.DeliveryStatus;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.notify.email.EmailChannelFactory;
import dev.supportkit.spi.notification.ContactPointFailure;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bounces and the delivery side, with GreenMail's SMTP server receiving what the e-mail channel sends and its
 * IMAP server holding the mailbox the source reads: a real delivery report for a notification SupportKit sent marks
 * the recipient's e-mail contact point failing, so the next notification is not attempted and says why; any other
 * message marks nothing.
 */
class InboundBounceTest {
    private static final String MAILBOX = "support@desk.example";
    private static final String IRINA = "irina@romashka.example";

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});

    private final RecordingInboundFactory factory = new RecordingInboundFactory();
    private GreenMailUser inbox;
    private EngineFixture fx;

    @BeforeEach
    void start() {
        inbox = greenMail.setUser(MAILBOX, "support", "secret");
        String p = "supportkit.providers.inbound-email.";
        Map<String, String> settings = TestMails.mailboxSettings(p, greenMail.getImap().getPort(), "100ms");
        settings.put(p + "own-message-id-domains", "desk.example");
        settings.put(p + "own-addresses", MAILBOX);
        String e = "supportkit.providers.email.";
        settings.put(e + "host", "127.0.0.1");
        settings.put(e + "port", Integer.toString(greenMail.getSmtp().getPort()));
        settings.put(e + "security", "none");
        settings.put(e + "from", MAILBOX);
        fx = new EngineFixture(TenantId.of("acme"), null, settings, builder -> builder.inboundSource(factory)
                .notificationChannel(new EmailChannelFactory()));
    }

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    @DisplayName("a real DSN for a sent notification marks the point failing; the next one is not sent and says why")
    void bounceMarksThePointFailing() throws Exception {
        MimeMessage sent = firstNotification();
        assertTrue(sent.getHeader("X-SupportKit-Idempotency-Key") != null, "the e-mail channel's own message");

        // Delivered through a forward: the report's final recipient is not the address SupportKit sent to.
        String status = "Reporting-MTA: dns; mx.romashka.example\r\nArrival-Date: Thu, 12 Mar 2026 09:00:01 +0300\r\n"
                + "\r\nOriginal-Recipient: rfc822; " + IRINA + "\r\nFinal-Recipient: rfc822; "
                + "irina.petrova@mail.romashka.example\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 <irina.petrova@mail.romashka.example>: user unknown\r\n";
        inbox.deliver(TestMails.dsn("<dsn-1@mx.romashka.example>", MAILBOX, status, headers(sent),
                "text/rfc822-headers"));
        awaitHandled(1);
        assertEquals(1L, source().outcomes().get("BOUNCE"));
        ContactPointFailure mark = factory.contexts.get(0).failingContactPoints().failure(fx.tenant,
                new ContactPoint(Channel.EMAIL, IRINA)).orElseThrow(() -> new AssertionError("the point is marked"));
        assertEquals("inbound-email", mark.reportedBy());
        assertEquals(Optional.empty(), factory.contexts.get(0).failingContactPoints().failure(fx.tenant,
                new ContactPoint(Channel.EMAIL, "irina.petrova@mail.romashka.example")),
                "the address SupportKit sent to is marked, not the forward's");

        Request next = fx.registered();
        fx.engine.runDueWork();

        assertEquals(1, sentTo(IRINA).size(), "the next notification is not sent to the failing address");
        Delivery delivery = fx.engine.quality().deliveries(fx.auditor, next.id()).get(0);
        assertEquals(DeliveryStatus.DEAD, delivery.status());
        assertTrue(delivery.lastOutcome().orElseThrow().contains("is marked failing"), delivery.lastOutcome().get());
        RequestEvent.DeliveryAttempted skipped = fx.engine.journal().entries(fx.auditor, next.id()).stream()
                .map(j -> j.event()).filter(RequestEvent.DeliveryAttempted.class::isInstance)
                .map(RequestEvent.DeliveryAttempted.class::cast).findFirst().orElseThrow();
        assertEquals(IRINA, skipped.address());
        assertEquals("PERMANENT_FAILURE", skipped.outcome());
        assertEquals("not attempted: EMAIL " + IRINA + " is marked failing since " + mark.since() + " by inbound-email: "
                + "bounce 5.1.1: smtp; 550 5.1.1 <irina.petrova@mail.romashka.example>: user unknown (delivery report "
                + "<dsn-1@mx.romashka.example> in mailbox inbox, about " + sent.getMessageID() + ")", skipped.detail());

        // Irina writes from the address: it works again, and the notification of her new request is sent.
        inbox.deliver(TestMails.plain("<irina-back@romashka.example>", IRINA, MAILBOX, "Снова на связи",
                "Почта снова работает"));
        awaitHandled(2);
        assertEquals(1L, source().outcomes().get("NEW_REQUEST"));
        assertEquals(Optional.empty(), factory.contexts.get(0).failingContactPoints().failure(fx.tenant,
                new ContactPoint(Channel.EMAIL, IRINA)));
        fx.engine.runDueWork();
        assertEquals(2, sentTo(IRINA).size(), "sent again once the mark is cleared");
    }

    @Test
    @DisplayName("no message but a DSN returning SupportKit's own message marks a contact point")
    void otherMessagesMarkNothing() throws Exception {
        MimeMessage sent = firstNotification();
        String failed = "Reporting-MTA: dns; mx.romashka.example\r\n\r\nFinal-Recipient: rfc822; " + IRINA
                + "\r\nAction: failed\r\nStatus: 5.1.1\r\n";

        // A non-DSN bounce from a mailer daemon, the sent message attached.
        MimeMessage daemon = TestMails.plain("<daemon-1@mx.romashka.example>", "MAILER-DAEMON@mx.romashka.example",
                MAILBOX, "Delivery failure", "Delivery to " + IRINA + " failed: 550 5.1.1 user unknown");
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Delivery to " + IRINA + " failed.\n\nFinal-Recipient: rfc822; " + IRINA + "\nAction: failed\n"
                + "Status: 5.1.1\n", "UTF-8");
        mixed.addBodyPart(text);
        MimeBodyPart attached = new MimeBodyPart();
        attached.setContent(new MimeMessage(sent), "message/rfc822");
        mixed.addBodyPart(attached);
        daemon.setContent(mixed);
        daemon.saveChanges();
        inbox.deliver(daemon);
        // A customer's message quoting the delivery-status fields in its text.
        inbox.deliver(TestMails.plain("<quote-1@romashka.example>", IRINA, MAILBOX, "Письмо вернулось",
                "Мне пришло такое:\n" + failed));
        // A forged DSN: well formed, but the message it returns is not one SupportKit sent.
        MimeMessage foreign = TestMails.plain("<foreign-1@romashka.example>", "someone@romashka.example", IRINA,
                "Hello", "Hi");
        inbox.deliver(TestMails.dsn("<dsn-forged@mx.romashka.example>", MAILBOX, failed, whole(foreign),
                "message/rfc822"));
        awaitHandled(3);
        assertEquals(Map.of("NOISE", 1L, "NEW_REQUEST", 1L, "BOUNCE", 1L), nonZero(source().outcomes()));
        assertEquals(Optional.empty(), factory.contexts.get(0).failingContactPoints().failure(fx.tenant,
                new ContactPoint(Channel.EMAIL, IRINA)));

        Request next = fx.registered();
        fx.engine.runDueWork();
        assertEquals(DeliveryStatus.DELIVERED, fx.engine.quality().deliveries(fx.auditor, next.id()).get(0).status());
        assertEquals(3, sentTo(IRINA).size(), "the first, the customer's own new request's and this one's: all sent");
    }

    /** Registers a request and returns the notification the e-mail channel sent Irina about it. */
    private MimeMessage firstNotification() throws Exception {
        fx.registered();
        fx.engine.runDueWork();
        return sentTo(IRINA).get(0);
    }

    private InboundEmailSource source() {
        return factory.last();
    }

    private void awaitHandled(long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> source().outcomes().values().stream()
                .mapToLong(Long::longValue).sum() >= count);
    }

    private List<MimeMessage> sentTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (List.of(message.getAllRecipients()).stream().anyMatch(a -> a.toString().equals(address))) {
                found.add(message);
            }
        }
        return found;
    }

    private static byte[] headers(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String line : Collections.list(message.getAllHeaderLines())) {
            text.append(line).append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] whole(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    private static Map<String, Long> nonZero(Map<String, Long> outcomes) {
        Map<String, Long> result = new java.util.HashMap<>(outcomes);
        result.values().removeIf(v -> v == 0);
        return result;
    }
}
