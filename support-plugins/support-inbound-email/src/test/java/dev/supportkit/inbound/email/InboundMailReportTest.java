package dev.supportkit.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a delivery report yields: the failed recipients and the message it returns. */
class InboundMailReportTest {
    private static final byte[] SENT = ("Message-ID: <req-1_2_request.registered_rep-irina@desk.example>\r\n"
            + "X-SupportKit-Idempotency-Key: req-1:2:request.registered:rep-irina\r\n"
            + "To: Irina <Irina@Romashka.example>\r\nSubject: registered\r\n").getBytes(StandardCharsets.US_ASCII);

    private static InboundMail read(String status) throws Exception {
        MimeMessage dsn = TestMails.dsn("<dsn@mx.example>", "support@desk.example", status, SENT,
                "text/rfc822-headers");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        dsn.writeTo(raw);
        return InboundMail.read(new MimeMessage(TestMails.SESSION, new ByteArrayInputStream(raw.toByteArray())), null,
                Instant.parse("2026-03-12T06:00:00Z"), Set.of("desk.example"), Set.of());
    }

    @Test
    @DisplayName("a report naming no recipient falls back to the returned message's To")
    void noRecipientMeansTheReturnedTo() throws Exception {
        InboundMail mail = read("Reporting-MTA: dns; mx.example\r\n");
        assertEquals(List.of("irina@romashka.example"), mail.bounces().stream().map(InboundMail.Bounce::address)
                .toList());
        assertTrue(mail.returned().orElseThrow().sentBySupportKit(Set.of()), "its idempotency header");
        assertEquals(Optional.of("<req-1_2_request.registered_rep-irina@desk.example>"),
                mail.returned().get().messageId());
    }

    @Test
    @DisplayName("a delay is no failure, and a report naming its recipient does not fall back")
    void delayIsNoBounce() throws Exception {
        InboundMail mail = read("Reporting-MTA: dns; mx.example\r\n\r\nFinal-Recipient: rfc822; irina@romashka.example"
                + "\r\nAction: delayed\r\nStatus: 4.4.1\r\n");
        assertEquals(List.of(), mail.bounces());
        assertTrue(mail.noise().isPresent(), "still no contact: " + mail.noise());
        assertFalse(mail.returned().isEmpty());
    }
}
