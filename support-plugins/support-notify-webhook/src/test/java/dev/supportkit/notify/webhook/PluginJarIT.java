package dev.supportkit.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.supportkit.api.TenantId;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The PF4J plugin jar, checked after {@code package} by the shared plugin-jar contract, with a round trip
 * against a real peer.
 */
class PluginJarIT extends NotificationPluginJarContract {
    @Override
    protected String pluginId() {
        return "supportkit-notify-webhook";
    }

    @Override
    protected String factoryId() {
        return "webhook";
    }

    @Override
    protected Class<? extends NotificationChannelFactory> factoryClass() {
        return WebhookChannelFactory.class;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/notify/webhook/WebhookChannelFactory.class",
                "dev/supportkit/notify/webhook/WebhookSignature.class", "com/fasterxml/jackson/databind/ObjectMapper.class");
    }

    @Override
    protected void roundTrip(NotificationChannelFactory factory) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
            String secret = "plugin-secret-0123456789";
            try (NotificationChannel channel = factory.create(TestContext.of(Map.of("secret", secret,
                    "allowed-targets", "any")))) {
                assertSame(factory.getClass().getClassLoader(), channel.getClass().getClassLoader());
                DeliveryResult result = channel.deliver(new Notification("k1", TenantId.of("acme"),
                        "http://127.0.0.1:" + server.port() + "/hook", "Тема", "Привет из плагина",
                        Locale.forLanguageTag("ru"), java.util.List.of()));
                assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), result.detail());
            }
            LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/hook"))).get(0);
            assertTrue(request.getBodyAsString().contains("Привет из плагина"), request.getBodyAsString());
            assertTrue(WebhookSignature.verify("plugin-secret-0123456789", request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
                    request.getBody(), request.getHeader(WebhookSignature.SIGNATURE_HEADER), TestContext.NOW,
                    WebhookSignature.DEFAULT_TOLERANCE));
        } finally {
            server.stop();
        }
    }
}
