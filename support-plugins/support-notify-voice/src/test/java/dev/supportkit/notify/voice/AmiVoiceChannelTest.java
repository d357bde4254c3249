package dev.supportkit.notify.voice;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel against an AMI stub that speaks Asterisk's protocol text. */
class AmiVoiceChannelTest {
    private static final String SECRET = "ami-" + UUID.randomUUID();
    private static final String TEXT = "Здравствуйте! Заявка №42 (сбой связи) решена, \"спасибо\" [отдел 2]; звоните: +7 495 123-45-67.";

    private AmiServerStub ami;

    @BeforeEach
    void start() throws IOException {
        ami = AmiServerStub.start("supportkit", SECRET);
    }

    @AfterEach
    void stop() throws IOException {
        ami.close();
    }

    private NotificationChannel channel(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("host", "127.0.0.1", "port", String.valueOf(ami.port()),
                "username", "supportkit", "secret", SECRET, "channel-template", "PJSIP/{number}@trunk",
                "context", "supportkit-tts", "extension", "s", "priority", "2",
                "caller-id", "\"Support\" <+74951234567>", "timeout-ms", "3000"));
        settings.putAll(overrides);
        return new VoiceChannelFactory().create(TestContext.of(settings));
    }

    private static Notification call(String body) {
        return new Notification("idem-" + UUID.randomUUID(), TenantId.of("acme"), "+79123456789", "Заявка №42", body,
                Locale.forLanguageTag("ru-RU"), java.util.List.of());
    }

    @Test
    @DisplayName("Success: the stub received Originate with channel, context, exten, priority, caller id and variables")
    void originates() {
        Notification notification = call(TEXT);
        NotificationChannel voice = channel(Map.of());
        assertEquals(Channel.PHONE, voice.channel());
        DeliveryResult result = voice.deliver(notification);

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals("call originated to PJSIP/79123456789@trunk (Originate successfully queued)", result.detail());
        assertEquals(List.of("Challenge", "Login", "CoreSettings", "Originate", "Logoff"),
                ami.actions.stream().map(a -> a.get("Action")).map(AmiVoiceChannelTest::capitalised).toList());
        AmiServerStub.Action login = ami.actions("Login").get(0);
        assertEquals("MD5", login.get("AuthType"), "the secret itself never goes over the wire");
        assertNull(login.get("Secret"));
        assertEquals("off", login.get("Events"));

        AmiServerStub.Action originate = ami.actions("Originate").get(0);
        assertEquals("PJSIP/79123456789@trunk", originate.get("Channel"));
        assertEquals("supportkit-tts", originate.get("Context"));
        assertEquals("s", originate.get("Exten"));
        assertEquals("2", originate.get("Priority"));
        assertEquals("\"Support\" <+74951234567>", originate.get("CallerID"));
        assertEquals("30000", originate.get("Timeout"));
        assertNull(originate.get("Async"), "a synchronous Originate: its response is the call's outcome");
        assertTrue(originate.get("ActionID").endsWith("#" + notification.idempotencyKey()), originate.get("ActionID"));

        Map<String, String> variables = originate.variables();
        assertEquals(TEXT, variables.get("SUPPORTKIT_TEXT"), "Cyrillic, commas, quotes and brackets survive");
        assertEquals(notification.idempotencyKey(), variables.get("SUPPORTKIT_ID"));
        assertEquals("Заявка №42", variables.get("SUPPORTKIT_SUBJECT"));
        assertEquals("ru-RU", variables.get("SUPPORTKIT_LANGUAGE"));
        assertEquals("acme", variables.get("SUPPORTKIT_TENANT"));
        assertEquals("tts", variables.get("SUPPORTKIT_MODE"));
        assertEquals(6, variables.size(), variables.toString());
    }

    @Test
    @DisplayName("the session ends with Logoff and the stub sees the connection close")
    void logsOff() {
        channel(Map.of()).deliver(call("Проверка"));
        assertEquals(1, ami.actions("Logoff").size());
        assertEquals(1, ami.connections.get());
    }

    @Test
    @DisplayName("line breaks become spaces: no AMI header can be injected through the text")
    void noHeaderInjection() {
        channel(Map.of()).deliver(call("Первая строка\r\nAction: Hangup\nChannel: PJSIP/all\r\n\r\nAction: Logoff"));
        AmiServerStub.Action originate = ami.actions("Originate").get(0);
        assertEquals("Первая строка Action: Hangup Channel: PJSIP/all Action: Logoff",
                originate.variables().get("SUPPORTKIT_TEXT"));
        assertEquals(List.of(), ami.actions("Hangup"));
    }

    @Test
    @DisplayName("a text too long for one AMI line is cut to fit the 1024-byte line, and the detail says so")
    void longTextIsCut() {
        String text = "Очень длинное сообщение, ".repeat(60);
        DeliveryResult result = channel(Map.of()).deliver(call(text));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertTrue(result.detail().contains("; text cut to "), result.detail());
        assertTrue(ami.longestLine.get() <= 1024, "longest line " + ami.longestLine.get() + " bytes");
        String received = ami.actions("Originate").get(0).variables().get("SUPPORTKIT_TEXT");
        assertTrue(received.length() > 400, "only " + received.length() + " characters arrived");
        assertTrue(text.strip().startsWith(received), received);
    }

    @Test
    @DisplayName("mode=operator: the call goes to the operator extension; an empty text is fine")
    void operatorMode() {
        DeliveryResult result = channel(Map.of("mode", "operator", "operator-extension", "100"))
                .deliver(call(""));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        AmiServerStub.Action originate = ami.actions("Originate").get(0);
        assertEquals("100", originate.get("Exten"));
        assertEquals("operator", originate.variables().get("SUPPORTKIT_MODE"));
    }

    @Test
    @DisplayName("{e164} puts the + into the dialled channel")
    void e164Template() {
        channel(Map.of("channel-template", "SIP/trunk/{e164}")).deliver(call("Тест"));
        assertEquals("SIP/trunk/+79123456789", ami.actions("Originate").get(0).get("Channel"));
    }

    @ParameterizedTest(name = "Error \"{0}\" is a temporary failure")
    @ValueSource(strings = {"Originate failed", "Permission denied", "Invalid priority"})
    void temporaryErrors(String message) {
        ami.answerOriginate("Error", message);
        DeliveryResult result = channel(Map.of()).deliver(call("Тест"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("AMI 127.0.0.1:" + ami.port() + " answered Originate to PJSIP/79123456789@trunk with Error: "
                + message, result.detail());
    }

    @ParameterizedTest(name = "Error \"{0}\" is a permanent failure")
    @ValueSource(strings = {"Invalid channel", "Channel not specified", "No such extension", "Unknown technology"})
    void permanentErrors(String message) {
        ami.answerOriginate("Error", message);
        DeliveryResult result = channel(Map.of()).deliver(call("Тест"));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().endsWith("with Error: " + message), result.detail());
    }

    @Test
    @DisplayName("connection refused: temporary failure")
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        DeliveryResult result = channel(Map.of("port", String.valueOf(port))).deliver(call("Тест"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("cannot connect to AMI 127.0.0.1:" + port + ": connection refused", result.detail());
    }

    @Test
    @DisplayName("a server that never greets: temporary failure after timeout-ms")
    void noGreeting() {
        ami.silent();
        DeliveryResult result = channel(Map.of("timeout-ms", "500")).deliver(call("Тест"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("AMI 127.0.0.1:" + ami.port() + " did not complete the login within 500 ms: "),
                result.detail());
    }

    @Test
    @DisplayName("no Originate response within ring-timeout-ms + timeout-ms: temporary failure")
    void originateTimeout() {
        ami.holdOriginate();
        DeliveryResult result = channel(Map.of("timeout-ms", "300", "ring-timeout-ms", "1000")).deliver(call("Тест"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("no Originate response from AMI 127.0.0.1:" + ami.port()
                + " within 1300 ms for PJSIP/79123456789@trunk", result.detail());
    }

    @Test
    @DisplayName("login refused: temporary failure, nothing originated, the secret in no detail, toString or log")
    void loginFailure() throws IOException {
        String wrong = "wrong-" + UUID.randomUUID();
        NotificationChannel voice = channel(Map.of("secret", wrong));
        DeliveryResult result = voice.deliver(call("Тест"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("AMI login to 127.0.0.1:" + ami.port() + " as 'supportkit' failed: Authentication failed",
                result.detail());
        assertEquals(List.of(), ami.actions("Originate"));
        assertFalse(voice.toString().contains(wrong), voice.toString());
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the test log " + log + " (set by Surefire) is missing");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(log, StandardCharsets.UTF_8)
                .contains("AMI login to 127.0.0.1:" + ami.port()));
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertFalse(text.contains(wrong), "the secret was logged");
        assertFalse(text.contains(SECRET), "the secret was logged");
    }

    @Test
    @DisplayName("an invalid number or an empty text (tts) is a permanent failure without calling the AMI")
    void invalidInput() {
        NotificationChannel voice = channel(Map.of());
        for (String address : new String[] {"89123456789", "+0123", "ext 100", null}) {
            DeliveryResult result = voice.deliver(new Notification("k", TenantId.of("acme"), address, null, "Тест",
                    Locale.ENGLISH, java.util.List.of()));
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), address);
            assertTrue(result.detail().startsWith("invalid phone number"), result.detail());
        }
        DeliveryResult empty = voice.deliver(call(" \n "));
        assertEquals(Outcome.PERMANENT_FAILURE, empty.outcome());
        assertEquals("empty message for +79123456789: nothing to say", empty.detail());
        assertEquals(0, ami.connections.get());
    }

    @Test
    @DisplayName("the AMI hanging up during Originate: temporary failure, and no reader or reconnect thread stays behind")
    void hangupDuringOriginate() {
        ami.hangUpOnOriginate();
        DeliveryResult result = channel(Map.of()).deliver(call("Тест"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("no Originate response from AMI 127.0.0.1:" + ami.port())
                || result.detail().startsWith("AMI connection to 127.0.0.1:" + ami.port() + " failed during Originate"),
                result.detail());
        channel(Map.of()).deliver(call("Тест"));
        // asterisk-java's AsyncEventPump threads may idle up to a minute after their reader ended (a race in the
        // library); readers and reconnect loops must be gone
        await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName)
                .noneMatch(n -> n.startsWith("Asterisk-Java ManagerConnection") && !n.endsWith(":AsyncEventPump")));
    }

    private static String capitalised(String action) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "coresettings" -> "CoreSettings";
            default -> action.substring(0, 1).toUpperCase(Locale.ROOT) + action.substring(1).toLowerCase(Locale.ROOT);
        };
    }
}
