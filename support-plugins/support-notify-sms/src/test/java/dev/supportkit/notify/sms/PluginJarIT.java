package dev.supportkit.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        return "supportkit-notify-sms";
    }

    @Override
    protected String factoryId() {
        return "sms";
    }

    @Override
    protected Class<? extends NotificationChannelFactory> factoryClass() {
        return SmsChannelFactory.class;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/notify/sms/SmsChannelFactory.class", "org/jsmpp/session/SMPPSession.class");
    }

    @Override
    protected void roundTrip(NotificationChannelFactory factory) throws IOException {
        try (TestSmsc smsc = TestSmsc.start("pw");
             NotificationChannel channel = factory.create(TestContext.of(Map.of("host", "127.0.0.1",
                     "port", String.valueOf(smsc.port()), "system-id", "supportkit", "password", "pw")))) {
            assertSame(factory.getClass().getClassLoader(), channel.getClass().getClassLoader());
            DeliveryResult result = channel.deliver(new Notification("k1", TenantId.of("acme"), "+79123456789", null,
                    "Привет из плагина", Locale.forLanguageTag("ru"), java.util.List.of()));
            assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), result.detail());
            assertEquals("Привет из плагина",
                    new String(smsc.submitted.get(0).shortMessage(), StandardCharsets.UTF_16BE));
        }
    }
}
