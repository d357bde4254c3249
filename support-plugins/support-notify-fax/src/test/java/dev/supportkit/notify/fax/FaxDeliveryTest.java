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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.request.Channel;
import dev.supportkit.notify.fax.testing.Faxes;
import dev.supportkit.notify.fax.testing.TestContext;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faxes sent to a gateway that is GreenMail: the e-mail, its PDF, and the failures. */
class FaxDeliveryTest {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private static NotificationChannel channel() {
        return new FaxChannelFactory().create(TestContext.of(settings(GREENMAIL.getSmtp().getBindTo(),
                GREENMAIL.getSmtp().getPort())));
    }

    private static MimeMessage onlyReceived() {
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 1), "nothing arrived at the gateway");
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertEquals(1, received.length);
        return received[0];
    }

    @Test
    @DisplayName("the gateway gets <digits>@gateway with one A4 PDF whose extracted text is the Cyrillic subject and body")
    void gatewayReceivesThePdf() throws Exception {
        NotificationChannel channel = channel();
        assertEquals(Channel.FAX, channel.channel());

        DeliveryResult result = channel.deliver(fax("fax-42", "+7 (495) 123-45-67", BODY));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("<fax-42@example.com>"), result.detail());
        MimeMessage message = onlyReceived();
        assertEquals(List.of(new InternetAddress("74951234567@fax.test")),
                List.of(message.getRecipients(Message.RecipientType.TO)));
        assertEquals(SUBJECT, message.getSubject());
        assertEquals("<fax-42@example.com>", message.getMessageID());
        assertEquals("fax-42", message.getHeader("X-SupportKit-Idempotency-Key", null));
        assertEquals("+74951234567", message.getHeader("X-SupportKit-Fax-Number", null));

        BodyPart part = pdfPart(message);
        assertTrue(part.isMimeType("application/pdf"), part.getContentType());
        assertEquals(Part.ATTACHMENT, part.getDisposition());
        assertEquals("fax-74951234567.pdf", part.getFileName());
        byte[] pdf = bytes(part);
        assertTrue(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-"));

        String text = text(pdf);
        assertTrue(text.startsWith(flat(SUBJECT) + " " + flat(BODY)), text);
        assertTrue(text.endsWith("2026-03-12 12:00 +03:00 1 / 1"), "footer with the clock's time: " + text);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages());
            PDRectangle size = document.getPage(0).getMediaBox();
            assertEquals(PDRectangle.A4.getWidth(), size.getWidth(), 0.01);
            assertEquals(PDRectangle.A4.getHeight(), size.getHeight(), 0.01);
            List<String> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " must be embedded");
                    fonts.add(font.getName());
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans")), fonts.toString());
            assertTrue(fonts.stream().anyMatch(f -> f.matches("[A-Z]{6}\\+DejaVuSans-Bold")), fonts.toString());
            assertEquals("ru-RU", document.getDocumentCatalog().getLanguage());
            assertEquals(SUBJECT, document.getDocumentInformation().getTitle());
            assertEquals(TestContext.NOW, document.getDocumentInformation().getCreationDate().toInstant());
        }
    }

    @Test
    @DisplayName("a long text wraps inside the margins onto several pages, nothing lost")
    void longTextWrapsAndPaginates() throws Exception {
        String paragraph = "Строка текста, которую нужно перенести по словам, потому что она намного длиннее ширины "
                + "страницы формата A4 с полями по два сантиметра. ";
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            body.append(i).append(". ").append(paragraph.repeat(2)).append("\n");
        }
        body.append("Оченьдлинноесловобезпробеловкотороенепомещаетсяводнустрокуиразбиваетсяпобуквамнанесколькострок"
                + "ичастей.");
        assertEquals(Outcome.DELIVERED, channel().deliver(fax("fax-long", "+74951234567", body.toString())).outcome());

        byte[] pdf = bytes(pdfPart(onlyReceived()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 4, "pages: " + document.getNumberOfPages());
            float[] rightmost = {0};
            float[] lowest = {Float.MAX_VALUE};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    for (TextPosition position : positions) {
                        rightmost[0] = Math.max(rightmost[0], position.getXDirAdj() + position.getWidthDirAdj());
                        lowest[0] = Math.min(lowest[0], position.getPageHeight() - position.getYDirAdj());
                    }
                    super.writeString(text, positions);
                }
            };
            String text = flat(stripper.getText(document));
            assertTrue(rightmost[0] <= PDRectangle.A4.getWidth() - FaxRenderer.MARGIN + 0.5f,
                    "text runs into the right margin: " + rightmost[0]);
            assertTrue(lowest[0] >= FaxRenderer.MARGIN / 2 - 1, "text runs off the page: " + lowest[0]);
            assertTrue(text.contains("40. " + flat(paragraph.repeat(2))), "the last paragraph is complete");
            assertTrue(text.contains("1 / " + document.getNumberOfPages()), text);
            assertTrue(text.replace(" ", "").contains("Оченьдлинноесловобезпробелов"), "the long word is there");
        }
    }

    @Test
    @DisplayName("characters the font lacks become '?', control characters vanish; still delivered")
    void unknownCharactersBecomeQuestionMarks() throws Exception {
        Notification notification = new Notification("fax-emoji", Faxes.TENANT, "84951234567", "Привет 字",
                "Текст\u0007 с 漢 и табуляцией\tконец", Locale.forLanguageTag("ru"), java.util.List.of());
        assertEquals(Outcome.DELIVERED, channel().deliver(notification).outcome());
        String text = text(bytes(pdfPart(onlyReceived())));
        assertTrue(text.startsWith("Привет ? Текст с ? и табуляцией конец"), text);
    }

    @Test
    @DisplayName("every attempt of one key gets the same Message-ID; another key another")
    void messageIdIsStable() throws Exception {
        NotificationChannel channel = channel();
        for (String key : List.of("fax-1", "fax-1", "fax-2")) {
            assertEquals(Outcome.DELIVERED, channel.deliver(fax(key, "+74951234567", BODY)).outcome());
        }
        assertTrue(GREENMAIL.waitForIncomingEmail(5_000, 3));
        MimeMessage[] received = GREENMAIL.getReceivedMessages();
        assertEquals(received[0].getMessageID(), received[1].getMessageID());
        assertNotEquals(received[0].getMessageID(), received[2].getMessageID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "fax", "+0 495 123 45 67", "123456", "+1234567890123456", "+7 495 123-45-67 ext 2",
            "74951234567@evil.example", "7495+1234567", "+7\n4951234567"})
    @DisplayName("an invalid fax number: a permanent failure, nothing sent")
    void invalidNumberIsPermanent(String number) {
        DeliveryResult result = channel().deliver(fax("fax-bad", number, BODY));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("invalid fax number '"), result.detail());
        assertFalse(result.detail().contains("\n"), result.detail());
        assertEquals(0, GREENMAIL.getReceivedMessages().length);
    }

    @Test
    @DisplayName("the SMTP server down: a temporary failure")
    void smtpDownIsTemporary() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        DeliveryResult result = new FaxChannelFactory().create(TestContext.of(settings("127.0.0.1", port)))
                .deliver(fax("fax-down", "+74951234567", BODY));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("cannot connect to 127.0.0.1:" + port), result.detail());
    }

    @Test
    @DisplayName("GreenMail stopped: a temporary failure")
    void greenMailStoppedIsTemporary() {
        NotificationChannel channel = channel();
        GREENMAIL.stop();
        DeliveryResult result = channel.deliver(fax("fax-down-2", "+74951234567", BODY));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
    }
}
