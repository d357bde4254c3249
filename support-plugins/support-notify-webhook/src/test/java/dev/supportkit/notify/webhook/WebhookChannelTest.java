package dev.supportkit.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The channel against WireMock, in process on a dynamic port. */
class WebhookChannelTest {
    private static final String SECRET = "whsec-" + UUID.randomUUID();
    private static final String EPOCH_SECONDS = String.valueOf(TestContext.NOW.getEpochSecond());

    private WireMockServer server;
    private String url;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        url = "http://127.0.0.1:" + server.port() + "/hooks/supportkit";
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private static NotificationChannel channel(Map<String, String> extra) {
        // the receiver is WireMock on this machine: a local address, so the test allows any target
        Map<String, String> settings = new java.util.HashMap<>(Map.of("secret", SECRET, "timeout-ms", "2000",
                "allowed-targets", "any"));
        settings.putAll(extra);
        return new WebhookChannelFactory().create(TestContext.of(settings));
    }

    private static Notification to(String address) {
        return new Notification("idem-" + UUID.randomUUID(), TenantId.of("acme"), address, "Заявка №42 решена",
                "Заменён блок питания, \"связь\" восстановлена.\nСпасибо!", Locale.forLanguageTag("ru-RU"), java.util.List.of());
    }

    private void answer(int status) {
        server.stubFor(post(urlEqualTo("/hooks/supportkit")).willReturn(aResponse().withStatus(status)));
    }

    @Test
    @DisplayName("by default only public addresses are posted to: a host on this machine is refused, nothing sent")
    void localTargetsRefusedByDefault() throws Exception {
        answer(200);
        try (NotificationChannel publicOnly = new WebhookChannelFactory().create(TestContext.of(Map.of("secret",
                SECRET, "timeout-ms", "2000")))) {
            for (String address : List.of(url, "http://localhost:" + server.port() + "/hooks/supportkit")) {
                DeliveryResult result = publicOnly.deliver(to(address));
                assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
                assertTrue(result.detail().contains("allowed-targets=public"), result.detail());
            }
        }
        assertEquals(0, server.findAll(postRequestedFor(anyUrl())).size(), "nothing was sent");
    }

    @Test
    @DisplayName("the request is signed: the test recomputes the HMAC independently and WebhookSignature verifies it")
    void signedRequest() throws Exception {
        answer(200);
        Notification notification = to(url);
        DeliveryResult result = channel(Map.of("user-agent", "Acme-Notifier/2")).deliver(notification);

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals("HTTP 200 from http://127.0.0.1:" + server.port(), result.detail());
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlEqualTo("/hooks/supportkit")));
        assertEquals(1, requests.size());
        LoggedRequest request = requests.get(0);
        assertEquals("application/json", request.getHeader("Content-Type"));
        assertEquals("Acme-Notifier/2", request.getHeader("User-Agent"));
        assertEquals(notification.idempotencyKey(), request.getHeader("Idempotency-Key"));
        assertEquals(EPOCH_SECONDS, request.getHeader("X-SupportKit-Timestamp"), "epoch seconds from the engine's clock");
        byte[] body = request.getBody();

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((EPOCH_SECONDS + "." + new String(body, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        String signature = request.getHeader("X-SupportKit-Signature");
        assertEquals("sha256=" + HexFormat.of().formatHex(expected), signature);
        assertTrue(WebhookSignature.verify(SECRET, request.getHeader("X-SupportKit-Timestamp"), body, signature,
                TestContext.NOW.plusSeconds(30), WebhookSignature.DEFAULT_TOLERANCE));

        JsonNode json = new ObjectMapper().readTree(body);
        assertEquals(notification.idempotencyKey(), json.get("idempotencyKey").asText());
        assertEquals("acme", json.get("tenant").asText());
        assertEquals("Заявка №42 решена", json.get("subject").asText());
        assertEquals(notification.body(), json.get("body").asText());
        assertEquals("ru-RU", json.get("locale").asText());
        assertEquals("2026-03-12T09:00:00Z", json.get("sentAt").asText());
        assertEquals(6, json.size(), json.toString());
    }

    @Test
    @DisplayName("the delivered request fails verification when its body is tampered with, it is old, or the secret differs")
    void tamperingIsDetected() {
        answer(204);
        channel(Map.of()).deliver(to(url));
        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/hooks/supportkit"))).get(0);
        String body = request.getBodyAsString();
        String timestamp = request.getHeader("X-SupportKit-Timestamp");
        String signature = request.getHeader("X-SupportKit-Signature");
        Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;

        assertTrue(WebhookSignature.verify(SECRET, timestamp, body, signature, TestContext.NOW, tolerance));
        assertFalse(WebhookSignature.verify(SECRET, timestamp, body.replace("acme", "evil"), signature,
                TestContext.NOW, tolerance), "tampered body");
        assertFalse(WebhookSignature.verify(SECRET, timestamp, body, signature, TestContext.NOW.plus(Duration.ofMinutes(6)),
                tolerance), "replayed after the tolerance");
        assertFalse(WebhookSignature.verify(SECRET, String.valueOf(Long.parseLong(timestamp) + 360), body, signature,
                TestContext.NOW.plus(Duration.ofMinutes(6)), tolerance), "timestamp moved forward without re-signing");
        assertFalse(WebhookSignature.verify("another-secret-0123", timestamp, body, signature, TestContext.NOW,
                tolerance));
    }

    @ParameterizedTest(name = "HTTP {0} is delivered")
    @ValueSource(ints = {200, 201, 202, 204})
    void successStatuses(int status) {
        answer(status);
        DeliveryResult result = channel(Map.of()).deliver(to(url));
        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals("HTTP " + status + " from http://127.0.0.1:" + server.port(), result.detail());
    }

    @ParameterizedTest(name = "HTTP {0} is a temporary failure")
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void temporaryStatuses(int status) {
        answer(status);
        DeliveryResult result = channel(Map.of()).deliver(to(url));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("HTTP " + status + " from http://127.0.0.1:"), result.detail());
    }

    @ParameterizedTest(name = "HTTP {0} is a permanent failure")
    @ValueSource(ints = {400, 401, 403, 404, 405, 410, 413, 422, 301, 302, 307})
    void permanentStatuses(int status) {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "https://elsewhere.example/new")));
        DeliveryResult result = channel(Map.of()).deliver(to(url));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("HTTP " + status + " from http://127.0.0.1:"), result.detail());
    }

    @Test
    @DisplayName("an error body and Retry-After make it into the detail, cut to one short line")
    void errorDetails() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(400).withBody("invalid\r\nsignature")));
        assertEquals("HTTP 400 from http://127.0.0.1:" + server.port() + ": invalid signature",
                channel(Map.of()).deliver(to(url)).detail());

        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withBody("x".repeat(5_000))));
        String detail = channel(Map.of()).deliver(to(url)).detail();
        assertTrue(detail.startsWith("HTTP 429 from http://127.0.0.1:" + server.port() + " (Retry-After: 30): xxx"),
                detail);
        assertTrue(detail.length() < 300, detail);
    }

    @Test
    @DisplayName("no response within timeout-ms (WireMock's fixed delay): temporary failure, returned in time")
    void timeout() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        long start = System.nanoTime();
        DeliveryResult result = channel(Map.of("timeout-ms", "300")).deliver(to(url));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertEquals("no response from http://127.0.0.1:" + server.port() + " within 300 ms", result.detail());
        assertTrue(tookMs < 4_000, "deliver waited " + tookMs + " ms");
    }

    @Test
    @DisplayName("connection refused: temporary failure")
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        DeliveryResult result = channel(Map.of()).deliver(to("http://127.0.0.1:" + port + "/hook"));
        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("cannot connect to http://127.0.0.1:" + port), result.detail());
    }

    @Test
    @DisplayName("an address that is not an absolute http(s) URL: permanent failure, nothing sent")
    void invalidUrls() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        NotificationChannel webhook = channel(Map.of());
        Map<String, String> expected = Map.of(
                "ftp://127.0.0.1:" + server.port() + "/x", "invalid webhook URL: scheme 'ftp' is not http or https",
                "mailto:ops@example.com", "invalid webhook URL: scheme 'mailto' is not http or https",
                "/hooks/supportkit", "invalid webhook URL: not an absolute URL",
                "http://exa mple.com/", "invalid webhook URL: not a URL (Illegal character in authority at index 7)",
                "http:///path", "invalid webhook URL: no host in the http URL",
                "https://admin:hunter2@127.0.0.1/", "invalid webhook URL: credentials in the URL are not supported; "
                        + "the request is signed",
                "", "invalid webhook URL: the address is empty");
        expected.forEach((address, detail) -> {
            DeliveryResult result = webhook.deliver(to(address));
            assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), address);
            assertEquals(detail, result.detail(), address);
        });
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    @DisplayName("tokens in the URL's path and query never reach the detail; HTTPS upper-case scheme is accepted")
    void urlTokensStayOutOfDetails() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(404)));
        DeliveryResult result = channel(Map.of()).deliver(to("HTTP://127.0.0.1:" + server.port()
                + "/services/T0001/B0002/tok-path-secret?token=tok-query-secret"));
        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome());
        assertEquals("HTTP 404 from http://127.0.0.1:" + server.port(), result.detail());
        assertEquals("tok-query-secret", server.getAllServeEvents().get(0).getRequest().queryParameter("token")
                .firstValue(), "the full URL was used");
    }

    @Test
    @DisplayName("the channel: WEBHOOK by default, else the constructor's or the setting's")
    void channelChoice() {
        assertEquals(Channel.WEBHOOK, channel(Map.of()).channel());
        assertEquals(Channel.CHAT, channel(Map.of("channel", "chat")).channel());
        assertEquals(Channel.MESSENGER, new WebhookChannelFactory(Channel.MESSENGER)
                .create(TestContext.of(Map.of("secret", SECRET))).channel());
        assertEquals(Channel.EMAIL, new WebhookChannelFactory(Channel.MESSENGER)
                .create(TestContext.of(Map.of("secret", SECRET, "channel", "EMAIL"))).channel());
    }

    @Test
    @DisplayName("the secret shows in no toString, detail or log line")
    void secretNeverShown() throws IOException {
        answer(500);
        NotificationChannel webhook = channel(Map.of());
        DeliveryResult result = webhook.deliver(to(url));
        assertFalse(webhook.toString().contains(SECRET), webhook.toString());
        assertFalse(result.detail().contains(SECRET));
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the test log " + log + " (set by Surefire) is missing");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("Webhook not delivered (TEMPORARY_FAILURE): HTTP 500 from http://127.0.0.1:"
                + server.port()), "the failure was not logged");
        assertFalse(text.contains(SECRET), "the secret was logged");
    }
}
