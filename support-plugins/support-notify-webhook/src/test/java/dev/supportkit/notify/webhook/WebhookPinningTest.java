package dev.supportkit.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.DeliveryResult.Outcome;
import dev.supportkit.spi.notification.Notification;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The POST goes to exactly the address the channel resolved and checked: a name that resolves to a public
 * address for the check and to the loopback afterwards (DNS rebinding) never reaches a local receiver.
 */
class WebhookPinningTest {
    private static final String SECRET = "whsec-pinning-test-secret";
    private WireMockServer server;
    /** Every host name the channel asked the resolver about, in order. */
    private final List<String> lookups = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    /** A resolver answering each lookup with the next of the given addresses (the last one repeats). */
    private WebhookChannel.Resolver answers(InetAddress... addresses) {
        return host -> {
            lookups.add(host);
            return new InetAddress[] {addresses[Math.min(lookups.size(), addresses.length) - 1]};
        };
    }

    /** A channel: a short timeout where nothing can answer (public targets), WireMock's pace otherwise. */
    private static WebhookChannel channel(String targets, WebhookChannel.Resolver resolver) {
        WebhookSettings settings = WebhookSettings.parse(new dev.supportkit.spi.ProviderSettings(Map.of("secret",
                SECRET, "timeout-ms", targets.equals("public") ? "300" : "3000", "allowed-targets", targets)),
                Channel.WEBHOOK);
        return new WebhookChannel(settings, java.time.Clock.fixed(TestContext.NOW, java.time.ZoneOffset.UTC), resolver,
                (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    private static Notification to(String address, String key) {
        return new Notification(key, TenantId.of("acme"), address, "Request 42 resolved", "The PSU was replaced.",
                Locale.ENGLISH, List.of());
    }

    private static InetAddress address(String name, int... bytes) throws UnknownHostException {
        byte[] raw = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            raw[i] = (byte) bytes[i];
        }
        return InetAddress.getByAddress(name, raw);
    }

    @Test
    @DisplayName("a name public at the check and loopback afterwards: the POST goes to the public address, never "
            + "to the local receiver, and the name is resolved once")
    void rebindingNeverReachesTheLocalNetwork() throws Exception {
        // TEST-NET-3, public by the channel's rule and routed nowhere; then the loopback, where WireMock listens
        WebhookChannel webhook = channel("public", answers(address("localhost", 203, 0, 113, 7),
                InetAddress.getLoopbackAddress()));

        DeliveryResult result = webhook.deliver(to("http://localhost:" + server.port() + "/hooks", "idem-1"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("cannot connect to http://localhost:" + server.port()), result.detail());
        assertEquals(0, server.getAllServeEvents().size(), "nothing reached the local receiver");
        assertEquals(List.of("localhost"), lookups, "resolved once, for the check and the connection alike");
    }

    @Test
    @DisplayName("the connection goes to the checked address while Host names the URL's host")
    void connectsToTheCheckedAddressWithTheHostName() {
        WebhookChannel webhook = channel("any", answers(InetAddress.getLoopbackAddress()));

        DeliveryResult result = webhook.deliver(to("http://hooks.example:" + server.port() + "/hooks?t=1", "idem-2"));

        assertEquals(Outcome.DELIVERED, result.outcome(), result.detail());
        assertEquals("HTTP 200 from http://hooks.example:" + server.port(), result.detail());
        var request = server.getAllServeEvents().get(0).getRequest();
        assertEquals("hooks.example:" + server.port(), request.getHeader("Host"));
        assertEquals("/hooks?t=1", request.getUrl());
        assertEquals("idem-2", request.getHeader("Idempotency-Key"));
        assertEquals(List.of("hooks.example"), lookups);
    }

    @Test
    @DisplayName("a line break in a header value is refused before anything is sent")
    void headerInjectionIsRefused() {
        WebhookChannel webhook = channel("any", answers(InetAddress.getLoopbackAddress()));

        DeliveryResult result = webhook.deliver(to("http://127.0.0.1:" + server.port() + "/hooks",
                "idem-3\r\nX-Injected: yes"));

        assertEquals(Outcome.PERMANENT_FAILURE, result.outcome(), result.detail());
        assertEquals("invalid webhook request to http://127.0.0.1:" + server.port()
                + ": the Idempotency-Key header holds a control character", result.detail());
        assertEquals(0, server.getAllServeEvents().size());
    }

    @Test
    @DisplayName("https: TLS runs over the pinned connection and checks the certificate (WireMock's is not "
            + "trusted): temporary failure, nothing posted")
    void tlsChecksTheCertificate() {
        WebhookChannel webhook = channel("any", answers(InetAddress.getLoopbackAddress()));

        DeliveryResult result = webhook.deliver(to("https://localhost:" + server.httpsPort() + "/hooks", "idem-4"));

        assertEquals(Outcome.TEMPORARY_FAILURE, result.outcome(), result.detail());
        assertTrue(result.detail().startsWith("TLS with https://localhost:" + server.httpsPort() + " failed"),
                result.detail());
        assertEquals(0, server.getAllServeEvents().size());
    }
}
