package dev.supportkit.inbound.email;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Contact;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.internal.plugin.DiscoveredFactory;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;
import dev.supportkit.core.testing.NotificationPluginJarContract;
import dev.supportkit.core.testing.PluginJars;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.inbound.InboundSource;
import dev.supportkit.spi.inbound.InboundSourceFactory;
import dev.supportkit.spi.state.ProviderState;
import dev.supportkit.spi.state.ProviderStateStore;
import java.time.Clock;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The PF4J plugin jar, loaded from a plugins directory by the engine's discovery, registering a real mail. */
class PluginJarIT {
    @RegisterExtension
    static final GreenMailExtension GREENMAIL = new GreenMailExtension(new ServerSetup[] {
            ServerSetupTest.IMAP.dynamicPort()});

    @TempDir
    Path plugins;

    @Test
    void pluginJarRegistersMail() throws Exception {
        Path jar = PluginJars.built();
        PluginJars.assertDeclares(jar, "supportkit-inbound-email");
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String entry : List.of("dev/supportkit/inbound/email/InboundEmailSourceFactory.class",
                    "org/eclipse/angus/mail/imap/IMAPStore.class", "org/jsoup/Jsoup.class",
                    "META-INF/services/dev.supportkit.spi.inbound.InboundSourceFactory")) {
                assertTrue(file.getEntry(entry) != null, "bundles " + entry);
            }
            assertEquals(null, file.getEntry("dev/supportkit/spi/inbound/InboundSource.class"), "the API is the engine's");
        }
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        GreenMailUser inbox = GREENMAIL.setUser("support@desk.example", "support", "secret");
        Map<String, String> settings = TestMails.mailboxSettings("", GREENMAIL.getImap().getPort(), "100ms");
        // The engine side sees only the SupportKit API and SPI, SLF4J and PF4J: the factory can only come from the jar.
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins),
                new NotificationPluginJarContract.EngineSide());
             EngineFixture fx = new EngineFixture()) {
            List<DiscoveredFactory<InboundSourceFactory>> factories = discovered.all(InboundSourceFactory.class);
            assertEquals(1, factories.size(), factories.toString());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            assertEquals("inbound-email", factories.get(0).id());
            assertNotEquals(InboundEmailSourceFactory.class, factories.get(0).factory().getClass(),
                    "the plugin's own class, from its own class loader");
            try (InboundSource source = factories.get(0).factory().create(new Context(new ProviderSettings(settings),
                    fx.clock, "node-plugin", new MapState()))) {
                source.start(fx.engine);
                inbox.deliver(TestMails.plain("<plugin-1@romashka.example>", "irina@romashka.example",
                        "support@desk.example", "Не работает АТС", "plugin-token"));
                await().atMost(Duration.ofSeconds(30)).until(() -> contacts(fx).size() == 1);
                assertEquals(Channel.EMAIL, contacts(fx).get(0).channel());
            }
        }
    }

    /** A provider context as the engine builds it. */
    private record Context(ProviderSettings settings, Clock clock, String nodeId, ProviderStateStore state)
            implements ProviderContext {
        @Override
        public DataCodec codec() {
            throw new UnsupportedOperationException("the inbound source needs no codec");
        }
    }

    /** Provider state in a map, compare-and-set under a lock. */
    private static final class MapState implements ProviderStateStore {
        private final Map<String, ProviderState> values = new java.util.HashMap<>();

        @Override
        public synchronized Optional<ProviderState> get(String key) {
            return Optional.ofNullable(values.get(key));
        }

        @Override
        public synchronized boolean compareAndSet(String key, int expectedVersion, String value) {
            int current = values.containsKey(key) ? values.get(key).version() : 0;
            if (current != expectedVersion) {
                return false;
            }
            values.put(key, new ProviderState(key, current + 1, value, java.time.Instant.EPOCH));
            return true;
        }
    }

    private static List<Contact> contacts(EngineFixture fx) {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(RequestQuery.MAX_LIMIT).build())
                .stream().flatMap(r -> fx.engine.intake().contacts(fx.auditor, r.id()).stream())
                .filter(c -> c.text().contains("plugin-token")).toList();
    }
}
