package dev.supportkit.notify.sms;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The channel against an in-process SMSC built from jSMPP's server classes. */
class SmppSmsChannelTest {
    private static final String PASSWORD = "pw" + UUID.randomUUID().toString().substring(0, 6);
    private static final String DESTINATION = "+79123456789";
    private static final String CYRILLIC = "Заявка №42 решена: замените блок питания. Спасибо!";

    private TestSmsc smsc;
    private NotificationChannel channel;

    @BeforeEach
    void startSmsc() throws IOException {
        smsc = TestSmsc.start(PASSWORD);
    }

    @AfterEach
    void stop() throws IOException {
        if (channel != null) {
            channel.close();
        }
        smsc.close();
    }

    private NotificationChannel open(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(smsc.port()),
                "system-id", "supportkit", "password", PASSWORD, "system-type", "notify",
                "source-address", "SupportKit", "bind-timeout-ms", "3000", "submit-timeout-ms", "3000"));
        settings.putAll(overrides);
        channel = new SmsChannelFactory().create(TestContext.of(settings));
        return channel;
    }

    private static Notification sms(String body) {
        return new Notification("key-" + UUID.randomUUID(), TenantId.of("acme"), DESTINATION, "ignored subject", body,
                Locale.forLanguageTag("ru-RU"), java.util.List.of());
    }

    @Test
    @DisplayName("a short Latin message arrives as one GSM 7-bit submit_sm from the alphanumeric sender")
    void latinArrivesAsGsm() {
        NotificationChannel sms = open(Map.of());
        assertEquals(Channel.SMS, sms.channel());
        assertEquals(List.of(), smsc.binds, "the channel binds lazily, not when created");

        DeliveryResult result = sms.deliver(sms("Request 42 is resolved. Thank you!"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("accepted the message (GSM 7-bit) for +79123456789: message id m1"),
                result.detail());
        assertEquals(List.of(new TestSmsc.Bind(BindType.BIND_TX, "supportkit", PASSWORD, "notify")), smsc.binds);
        assertEquals(1, smsc.submitted.size());
        TestSmsc.Submitted submitted = smsc.submitted.get(0);
        assertEquals(0x00, submitted.dataCoding());
        assertFalse(submitted.udhi());
        assertArrayEquals("Request 42 is resolved. Thank you!".getBytes(StandardCharsets.US_ASCII),
                submitted.shortMessage());
        assertEquals("79123456789", submitted.destination());
        assertEquals(1, submitted.destinationTon(), "international");
        assertEquals(1, submitted.destinationNpi(), "ISDN (E.164)");
        assertEquals("SupportKit", submitted.source());
        assertEquals(5, submitted.sourceTon(), "alphanumeric sender");
    }

    @Test
    @DisplayName("GSM extension characters arrive as escape pairs and decode back")
    void gsmExtensionCharacters() {
        DeliveryResult result = open(Map.of()).deliver(sms("Cost: 5€ [incl. VAT] @ desk_1"));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        TestSmsc.Submitted submitted = smsc.submitted.get(0);
        assertEquals(0x00, submitted.dataCoding());
        assertEquals("Cost: 5€ [incl. VAT] @ desk_1", Gsm7.decode(submitted.shortMessage()));
        assertEquals(0x1B, submitted.shortMessage()[7], "€ is the escape plus 0x65");
        assertEquals(0x65, submitted.shortMessage()[8]);
    }

    @Test
    @DisplayName("a Cyrillic message arrives as one UCS-2 submit_sm that decodes back exactly")
    void cyrillicArrivesAsUcs2() {
        DeliveryResult result = open(Map.of()).deliver(sms(CYRILLIC));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("(UCS-2)"), result.detail());
        assertEquals(1, smsc.submitted.size());
        TestSmsc.Submitted submitted = smsc.submitted.get(0);
        assertEquals(0x08, submitted.dataCoding());
        assertFalse(submitted.udhi());
        assertEquals(CYRILLIC, new String(submitted.shortMessage(), StandardCharsets.UTF_16BE));
    }

    @Test
    @DisplayName("a 300-character Cyrillic message arrives as 5 numbered UCS-2 parts that reassemble to the original")
    void longCyrillicArrivesInParts() {
        String text = longCyrillic(300);
        DeliveryResult result = open(Map.of()).deliver(sms(text));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("accepted 5 parts (UCS-2)"), result.detail());
        assertEquals(5, smsc.submitted.size());
        StringBuilder reassembled = new StringBuilder();
        int reference = smsc.submitted.get(0).shortMessage()[3];
        for (int i = 0; i < 5; i++) {
            TestSmsc.Submitted part = smsc.submitted.get(i);
            byte[] message = part.shortMessage();
            assertTrue(part.udhi(), "esm_class must announce the user data header");
            assertEquals(0x08, part.dataCoding());
            assertArrayEquals(new byte[] {0x05, 0x00, 0x03, (byte) reference, 5, (byte) (i + 1)},
                    Arrays.copyOf(message, 6), "UDH of part " + (i + 1));
            int units = (message.length - 6) / 2;
            assertTrue(units <= 67, "part " + (i + 1) + " has " + units + " UCS-2 characters");
            assertTrue(message.length <= 140, "part " + (i + 1) + " is " + message.length + " octets");
            reassembled.append(new String(message, 6, message.length - 6, StandardCharsets.UTF_16BE));
        }
        assertEquals(text, reassembled.toString());
    }

    @Test
    @DisplayName("a 400-character Latin message arrives as 3 GSM parts of at most 153 septets")
    void longLatinArrivesInParts() {
        String text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(8).substring(0, 400);
        DeliveryResult result = open(Map.of()).deliver(sms(text));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals(3, smsc.submitted.size());
        StringBuilder reassembled = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            byte[] message = smsc.submitted.get(i).shortMessage();
            assertEquals(0x00, smsc.submitted.get(i).dataCoding());
            assertEquals(3, message[4]);
            assertEquals(i + 1, message[5]);
            assertTrue(message.length - 6 <= 153, "part " + (i + 1) + " has " + (message.length - 6) + " septets");
            reassembled.append(Gsm7.decode(Arrays.copyOfRange(message, 6, message.length)));
        }
        assertEquals(text, reassembled.toString());
    }

    @Test
    @DisplayName("every attempt of one message uses the same concatenation reference")
    void retriesKeepTheReference() {
        NotificationChannel sms = open(Map.of());
        Notification notification = sms(longCyrillic(100));
        sms.deliver(notification);
        sms.deliver(notification);
        assertEquals(4, smsc.submitted.size());
        assertEquals(smsc.submitted.get(0).shortMessage()[3], smsc.submitted.get(2).shortMessage()[3]);
    }

    @Test
    @DisplayName("SMSC down: temporary failure naming the SMSC")
    void smscDown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        DeliveryResult result = open(Map.of("port", String.valueOf(port))).deliver(sms("Hello"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("cannot bind to SMSC 127.0.0.1:" + port + " as 'supportkit': connection refused", result.detail());
    }

    @Test
    @DisplayName("submit_sm rejected with ESME_RINVDSTADR: permanent failure with the SMPP status")
    void invalidDestinationIsPermanent() {
        smsc.answerNextWith(SMPPConstant.STAT_ESME_RINVDSTADR);
        DeliveryResult result = open(Map.of()).deliver(sms("Hello"));

        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().endsWith("rejected the message for +79123456789: ESME_RINVDSTADR (0x0000000b)"),
                result.detail());
    }

    @Test
    @DisplayName("submit_sm rejected with ESME_RTHROTTLED: temporary failure; the session stays usable")
    void throttlingIsTemporary() {
        smsc.answerNextWith(SMPPConstant.STAT_ESME_RTHROTTLED);
        NotificationChannel sms = open(Map.of());
        DeliveryResult result = sms.deliver(sms("Hello"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("ESME_RTHROTTLED (0x00000058)"), result.detail());
        assertEquals(Outcome.DELIVERED, sms.deliver(sms("Hello again")).outcome());
        assertEquals(1, smsc.binds.size(), "no rebind after a throttled submit");
    }

    @Test
    @DisplayName("a part rejected after earlier parts were accepted: the detail lists the accepted ones")
    void partialFailure() {
        smsc.answerNextWith(SMPPConstant.STAT_ESME_ROK, SMPPConstant.STAT_ESME_RMSGQFUL);
        DeliveryResult result = open(Map.of()).deliver(sms(longCyrillic(200)));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().contains("rejected part 2/3 for +79123456789: ESME_RMSGQFUL (0x00000014); "
                + "1 earlier part(s) already accepted: m1"), result.detail());
        assertEquals(2, smsc.submitted.size(), "nothing is sent after a rejected part");
    }

    @Test
    @DisplayName("no submit_sm_resp within submit-timeout-ms: temporary failure, and the next delivery binds again")
    void submitTimeout() {
        smsc.holdSubmits();
        NotificationChannel sms = open(Map.of("submit-timeout-ms", "300"));
        DeliveryResult result = sms.deliver(sms("Hello"));
        smsc.releaseSubmits();

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("no submit_sm_resp from SMSC 127.0.0.1:" + smsc.port()
                + " within 300 ms for the message"), result.detail());
        assertEquals(Outcome.DELIVERED, sms.deliver(sms("Hello")).outcome());
        assertEquals(2, smsc.binds.size());
    }

    @Test
    @DisplayName("bind refused for a wrong password: temporary failure with the SMPP status, never the password")
    void wrongPassword() throws IOException {
        String wrong = "wr" + UUID.randomUUID().toString().substring(0, 6);
        DeliveryResult result = open(Map.of("password", wrong)).deliver(sms("Hello"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("cannot bind to SMSC 127.0.0.1:" + smsc.port()
                + " as 'supportkit': bind refused with ESME_RINVPASWD (0x0000000e)", result.detail());
        assertEquals(wrong, smsc.binds.get(0).password(), "the SMSC did receive the wrong password");
        assertFalse(result.detail().contains(wrong));
        assertFalse(channel.toString().contains(wrong), channel.toString());
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the test log " + log + " (set by Surefire) is missing");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("cannot bind to SMSC 127.0.0.1:" + smsc.port()), "the failure was not logged");
        assertFalse(text.contains(wrong), "the password was logged");
        assertFalse(text.contains(PASSWORD), "the password was logged");
    }

    @Test
    @DisplayName("a dropped session is noticed and the next delivery binds again")
    void rebindsAfterDrop() {
        SmppSmsChannel sms = (SmppSmsChannel) open(Map.of());
        assertEquals(Outcome.DELIVERED, sms.deliver(sms("first")).outcome());
        assertTrue(sms.isBound());

        smsc.dropSessions();
        await().atMost(Duration.ofSeconds(10)).until(() -> !sms.isBound());

        DeliveryResult result = sms.deliver(sms("second"));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals(2, smsc.binds.size());
        assertEquals(2, smsc.submitted.size());
    }

    @Test
    @DisplayName("a number not in international form is a permanent failure without contacting the SMSC")
    void invalidNumbers() {
        NotificationChannel sms = open(Map.of());
        for (String address : Arrays.asList("89123456789", "+0123456789", "+7 912", "hello", "", null,
                "+7912345678901234")) {
            DeliveryResult result = sms.deliver(new Notification("k", TenantId.of("acme"), address, null, "Hi",
                    Locale.ENGLISH, java.util.List.of()));
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), address);
            assertTrue(result.detail().startsWith("invalid destination number"), result.detail());
        }
        assertEquals(List.of(), smsc.binds);
        DeliveryResult formatted = sms.deliver(new Notification("k", TenantId.of("acme"), "+7 (912) 345-67-89", null,
                "Hi", Locale.ENGLISH, java.util.List.of()));
        assertEquals(Outcome.DELIVERED, formatted.outcome(), formatted.detail());
        assertEquals("79123456789", smsc.submitted.get(0).destination());
    }

    @Test
    @DisplayName("an empty body is a permanent failure; after close, deliveries fail temporarily")
    void emptyBodyAndClosed() {
        NotificationChannel sms = open(Map.of());
        assertEquals(Outcome.PERMANENT_FAILURE, sms.deliver(sms("")).outcome());
        assertEquals(Outcome.DELIVERED, sms.deliver(sms("Hi")).outcome());
        sms.close();
        DeliveryResult afterClose = sms.deliver(sms("Hi"));
        assertEquals(Outcome.TEMPORARY_FAILURE, afterClose.outcome());
        assertEquals("the sms channel is closed", afterClose.detail());
    }

    @Test
    @DisplayName("numeric senders: international numbers as TON 1, short codes as TON 0, both NPI 1")
    void numericSenders() {
        NotificationChannel sms = open(Map.of("source-address", "+74951234567"));
        sms.deliver(sms("Hi"));
        sms.close();
        channel = open(Map.of("source-address", "7755"));
        channel.deliver(sms("Hi"));
        TestSmsc.Submitted international = smsc.submitted.get(0);
        TestSmsc.Submitted shortCode = smsc.submitted.get(1);
        assertEquals("74951234567", international.source());
        assertEquals(1, international.sourceTon());
        assertEquals(1, international.sourceNpi());
        assertEquals("7755", shortCode.source());
        assertEquals(0, shortCode.sourceTon());
        assertEquals(1, shortCode.sourceNpi());
    }

    static String longCyrillic(int length) {
        String sentence = "Уважаемый клиент, работы по заявке завершены, оборудование проверено и работает. ";
        return sentence.repeat(length / sentence.length() + 1).substring(0, length);
    }
}
