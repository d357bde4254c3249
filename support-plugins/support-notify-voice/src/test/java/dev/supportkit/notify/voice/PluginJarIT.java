package dev.supportkit.notify.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.TenantId;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.spi.notification.DeliveryResult;
import dev.supportkit.spi.notification.Notification;
import dev.supportkit.spi.notification.NotificationChannel;
import dev.supportkit.spi.notification.NotificationChannelFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        return "supportkit-notify-voice";
    }

    @Override
    protected String factoryId() {
        return "voice";
    }

    @Override
    protected Class<? extends NotificationChannelFactory> factoryClass() {
        return VoiceChannelFactory.class;
    }

    @Override
    protected List<String> bundledEntries() {
        return List.of("dev/supportkit/notify/voice/VoiceChannelFactory.class",
                "org/asteriskjava/manager/DefaultManagerConnection.class",
                "org/asteriskjava/manager/event/FullyBootedEvent.class", "org/reflections/Reflections.class");
    }

    @Override
    protected List<String> excludedPrefixes() {
        return List.of("org/apache/logging/log4j/"); // asterisk-java logs through SLF4J
    }

    @Override
    protected void roundTrip(NotificationChannelFactory factory) throws IOException {
        try (AmiServerStub ami = AmiServerStub.start("supportkit", "plugin-secret");
             NotificationChannel channel = factory.create(TestContext.of(Map.of("host", "127.0.0.1",
                     "port", String.valueOf(ami.port()), "username", "supportkit", "secret", "plugin-secret",
                     "channel-template", "PJSIP/{number}@trunk", "context", "supportkit-tts", "extension", "s")))) {
            assertSame(factory.getClass().getClassLoader(), channel.getClass().getClassLoader());
            DeliveryResult result = channel.deliver(new Notification("k1", TenantId.of("acme"), "+79123456789", null,
                    "Привет из плагина, проверка", Locale.forLanguageTag("ru"), java.util.List.of()));
            assertEquals(DeliveryResult.Outcome.DELIVERED, result.outcome(), result.detail());
            assertEquals("Привет из плагина, проверка",
                    ami.actions("Originate").get(0).variables().get("SUPPORTKIT_TEXT"));
        }
        // asterisk-java finds its event classes through the context class loader; the channel makes that the
        // plugin's, or the application's copy of asterisk-java (on this test's class path) would be mixed in
        Path log = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));
        assertTrue(Files.isRegularFile(log), "the IT log " + log + " (set by Failsafe) is missing");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("org.asteriskjava.manager.event.FullyBootedEvent["),
                "asterisk-java did not build and dispatch the FullyBooted event");
        assertFalse(text.contains("cannot be cast"), "asterisk-java mixed class loaders");
    }
}
