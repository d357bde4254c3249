package dev.supportkit.notify.email;

import static dev.supportkit.notify.email.testing.Mail.BODY;
import static dev.supportkit.notify.email.testing.Mail.SUBJECT;
import static dev.supportkit.notify.email.testing.Mail.notification;
import static dev.supportkit.notify.email.testing.Mail.smtp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.request.Channel;
import dev.supportkit.notify.email.testing.Mail;
import dev.supportkit.notify.email.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationAttachment;
import dev.supportkit.spi.notification.NotificationChannel;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real deliveries to GreenMail over plain SMTP with authentication, read back from it and over IMAP. */
class EmailDeliveryTest {
    static final String SECRET = "s3cret-" + UUID.randomUUID();

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()})
            .withConfiguration(GreenMailConfiguration.aConfig()
                    .withUser("support@example.com", "mailer", SECRET)
                    .withUser("ivan@example.ru", "ivan", "ivan-password"));

    private NotificationChannel channel(String... extra) {
        Map<String, String> settings = smtp(GREENMAIL.getSmtp().getBindTo(), GREENMAIL.getSmtp().getPort(), "none",
                extra);
        return new EmailChannelFactory().create(TestContext.of(settings));
    }

    private NotificationChannel authenticated() {
        return channel("username", "mailer", "password", SECRET);
    }

    @Test
    @DisplayName("plain SMTP with AUTH: delivered, with the server's reply and the Message-ID in the detail")
    void deliversWithAuthentication() throws Exception {
        NotificationChannel channel = authenticated();
        assertEquals(Channel.EMAIL, channel.channel());

        DeliveryResult result = channel.deliver(notification("req-42-email-1", "ivan@example.ru"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("250"), result.detail());
        assertTrue(result.detail().contains("<req-42-email-1@example.com>"), result.detail());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertEquals(SUBJECT, received.getSubject());
        assertEquals(BODY, ((String) received.getContent()).replace("\r\n", "\n"));
        assertTrue(received.getContentType().toLowerCase(Locale.ROOT).contains("charset=utf-8"),
                received.getContentType());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("support@example.com", from.getAddress());
        assertEquals("Служба поддержки", from.getPersonal());
        assertEquals(List.of(new InternetAddress("ivan@example.ru")),
                Arrays.asList(received.getRecipients(Message.RecipientType.TO)));
        assertEquals("Thu, 12 Mar 2026 09:00:00 +0000", received.getHeader("Date", null), "Date from the clock");
        assertEquals("ru-RU", received.getHeader("Content-Language", null));
    }

    @Test
    @DisplayName("the Cyrillic subject and body read back over IMAP")
    void readsBackOverImap() throws Exception {
        assertEquals(Outcome.DELIVERED, authenticated().deliver(notification("imap-1", "ivan@example.ru")).outcome());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));

        Store store = GREENMAIL.getImap().createStore();
        store.connect("ivan", "ivan-password");
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] messages = inbox.getMessages();
            assertEquals(1, messages.length);
            assertEquals(SUBJECT, messages[0].getSubject());
            assertEquals(BODY, ((String) messages[0].getContent()).replace("\r\n", "\n"));
            inbox.close(false);
        } finally {
            store.close();
        }
    }

    @Test
    @DisplayName("every attempt of one key carries the same Message-ID and idempotency header; another key another")
    void messageIdIsStablePerKey() throws Exception {
        NotificationChannel channel = authenticated();
        String odd = "заявка 42/попытка#1";
        for (String key : List.of("req-7", "req-7", "req-8", odd, odd)) {
            assertEquals(Outcome.DELIVERED, channel.deliver(notification(key, "ivan@example.ru")).outcome());
        }
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 5));
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertEquals("<req-7@example.com>", received[0].getMessageID());
        assertEquals(received[0].getMessageID(), received[1].getMessageID());
        assertEquals("<req-8@example.com>", received[2].getMessageID());
        assertEquals("req-7", received[0].getHeader("X-SupportKit-Idempotency-Key", null));
        assertEquals("req-8", received[2].getHeader("X-SupportKit-Idempotency-Key", null));

        String oddId = received[3].getMessageID();
        assertTrue(oddId.matches("<[A-Za-z0-9_-]+\\.[0-9a-f]{16}@example\\.com>"), oddId);
        assertEquals(oddId, received[4].getMessageID());
        assertEquals(odd, MimeUtility.decodeText(received[3].getHeader("X-SupportKit-Idempotency-Key", null)));
        assertNotEquals(received[0].getMessageID(), oddId);
    }

    @Test
    @DisplayName("a body with HTML tags goes as multipart/alternative: derived plain text plus the HTML")
    void htmlBodyAlsoGetsPlainText() throws Exception {
        String html = "<p>Здравствуйте!</p><p>Заявка <b>№42</b> закрыта.<br>Спасибо &amp; до свидания.</p>";
        Notification notification = new Notification("html-1", Mail.TENANT, "ivan@example.ru", SUBJECT, html,
                Locale.forLanguageTag("ru"), java.util.List.of());
        assertEquals(Outcome.DELIVERED, authenticated().deliver(notification).outcome());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Здравствуйте!\n\nЗаявка №42 закрыта.\nСпасибо & до свидания.",
                ((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n").strip());
        assertTrue(parts.getBodyPart(1).isMimeType("text/html"));
        assertEquals(html, parts.getBodyPart(1).getContent());
    }

    @Test
    @DisplayName("attachments go as multipart/mixed after the text, with their bytes, media type and Cyrillic name")
    void attachmentsAreSentAsFiles() throws Exception {
        byte[] csv = "\uFEFFsection,item,requests\r\ncategory,Телефония,3\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] pdf = new byte[70_000];
        new java.util.Random(7).nextBytes(pdf);
        Notification notification = Notification.builder().idempotencyKey("digest-1").tenant(Mail.TENANT)
                .address("ivan@example.ru").subject(SUBJECT).body("Сводка за неделю во вложении.")
                .locale(Locale.forLanguageTag("ru"))
                .attachment(new NotificationAttachment("Сводка за неделю.csv", "text/csv", csv))
                .attachment(new NotificationAttachment("report.pdf", "application/pdf", pdf)).build();
        assertEquals(Outcome.DELIVERED, authenticated().deliver(notification).outcome());
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1));
        MimeMessage received = GREENMAIL.getReceivedMessages()[0];
        assertTrue(received.isMimeType("multipart/mixed"), received.getContentType());
        Multipart parts = (Multipart) received.getContent();
        assertEquals(3, parts.getCount());
        assertTrue(parts.getBodyPart(0).isMimeType("text/plain"));
        assertEquals("Сводка за неделю во вложении.", ((String) parts.getBodyPart(0).getContent()).strip());
        assertEquals(jakarta.mail.Part.ATTACHMENT, parts.getBodyPart(1).getDisposition());
        assertEquals("Сводка за неделю.csv", jakarta.mail.internet.MimeUtility.decodeText(parts.getBodyPart(1).getFileName()));
        assertTrue(parts.getBodyPart(1).isMimeType("text/csv"), parts.getBodyPart(1).getContentType());
        assertArrayEquals(csv, parts.getBodyPart(1).getInputStream().readAllBytes());
        assertEquals("report.pdf", parts.getBodyPart(2).getFileName());
        assertArrayEquals(pdf, parts.getBodyPart(2).getInputStream().readAllBytes());
    }

    @Test
    @DisplayName("a wrong password: a temporary failure naming the user and the 535 reply, never the password")
    void wrongPasswordIsATemporaryFailureWithoutThePassword() {
        String wrong = "wrong-" + UUID.randomUUID();
        DeliveryResult result = channel("username", "mailer", "password", wrong)
                .deliver(notification("auth-1", "ivan@example.ru"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("authentication as 'mailer' refused"), result.detail());
        assertTrue(result.detail().contains("535"), result.detail());
        assertFalse(result.detail().contains(wrong), result.detail());
        assertFalse(result.detail().contains(SECRET), result.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length);
    }

    @Test
    @DisplayName("GreenMail stopped: a temporary failure")
    void serverStoppedIsTemporary() {
        NotificationChannel channel = authenticated();
        String server = GREENMAIL.getSmtp().getBindTo() + ":" + GREENMAIL.getSmtp().getPort();
        GREENMAIL.stop();
        DeliveryResult result = channel.deliver(notification("down-1", "ivan@example.ru"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("cannot connect to " + server + " (none): "), result.detail());
    }
}
