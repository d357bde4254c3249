package dev.supportkit.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.Role;
import dev.supportkit.api.TenantId;
import dev.supportkit.api.event.DomainEvent;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.journal.Visibility;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.ContactId;
import dev.supportkit.api.request.Priority;
import dev.supportkit.api.request.RequestId;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.internal.plugin.DiscoveredFactory;
import dev.supportkit.core.internal.plugin.DiscoveredProviders;
import dev.supportkit.core.internal.plugin.ProviderDiscovery;
import dev.supportkit.spi.DataCodec;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.event.EventSink;
import dev.supportkit.spi.event.EventSinkFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every event-sink plugin jar (classifier {@code plugin}) must do, checked after {@code package} by a sink
 * module's Failsafe test that extends this class: its manifest declares the PF4J plugin; it bundles its broker
 * client but not the SupportKit API, SLF4J or PF4J; and loaded by the engine's own PF4J discovery from a plugins
 * directory, with only the API/SPI and SLF4J from the application, its sink publishes an event the real broker
 * receives. Failsafe passes the jar as {@code supportkit.plugin.jar} and the version as
 * {@code supportkit.plugin.version}. Shipped in support-core's test-jar.
 */
public abstract class EventSinkPluginJarContract {
    private static final String SERVICES = "META-INF/services/" + EventSinkFactory.class.getName();

    private Path jar;

    /** @return the PF4J plugin id, e.g. {@code supportkit-events-nats} */
    protected abstract String pluginId();

    /** @return the factory id, e.g. {@code nats} */
    protected abstract String factoryId();

    /** @return jar entries that must be bundled (the plugin's classes and its broker client) */
    protected abstract List<String> bundledEntries();

    /** @return the sink's settings, pointing at the real broker */
    protected abstract Map<String, String> settings();

    /**
     * Prepares to receive (e.g. subscribes) before the sink publishes.
     *
     * @throws Exception when the broker cannot be reached
     */
    protected abstract void listen() throws Exception;

    /**
     * Asserts the broker holds or delivered the event.
     *
     * @param event the event the sink published
     * @throws Exception when reading from the broker fails
     */
    protected abstract void assertArrived(DomainEvent event) throws Exception;

    @BeforeEach
    final void findJar() {
        jar = PluginJars.built();
    }

    @Test
    @DisplayName("the manifest declares the PF4J plugin; it bundles its client, not the API, SLF4J or PF4J")
    void manifestAndContents() throws IOException {
        PluginJars.assertDeclares(jar, pluginId());
        try (JarFile file = new JarFile(jar.toFile())) {
            for (String present : bundledEntries()) {
                assertNotNull(file.getEntry(present), "missing " + present);
            }
            for (String prefix : List.of("dev/supportkit/api/", "dev/supportkit/spi/", "org/slf4j/", "org/pf4j/")) {
                assertTrue(file.stream().noneMatch(e -> e.getName().startsWith(prefix)), "must not bundle " + prefix);
            }
            try (InputStream in = file.getInputStream(file.getEntry(SERVICES))) {
                assertFalse(new String(in.readAllBytes(), StandardCharsets.UTF_8).isBlank(), SERVICES);
            }
        }
    }

    @Test
    @DisplayName("the engine's PF4J discovery loads the jar from a plugins directory and its sink publishes")
    void engineDiscoveryLoadsThePlugin(@TempDir Path plugins) throws Exception {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
        try (DiscoveredProviders discovered = ProviderDiscovery.discover(Optional.of(plugins),
                new NotificationPluginJarContract.EngineSide())) {
            List<DiscoveredFactory<EventSinkFactory>> factories = discovered.all(EventSinkFactory.class);
            assertEquals(1, factories.size(), factories.toString());
            assertEquals(factoryId(), factories.get(0).id());
            assertFalse(factories.get(0).source().isClasspath(), "found in the plugin, not on the class path");
            listen();
            DomainEvent event = sampleEvent();
            try (EventSink sink = factories.get(0).factory().create(new Context(settings()))) {
                sink.publish(event);
            }
            assertArrived(event);
        }
    }

    /** A registration event with a fresh id and Cyrillic text. */
    protected static DomainEvent sampleEvent() {
        RequestId request = RequestId.of("req-" + UUID.randomUUID());
        JournalEntry entry = new JournalEntry(request, 1, Instant.parse("2026-03-12T06:05:00Z"), "spc-anna", "Анна",
                Role.FIRST_LINE_OPERATOR, Optional.of(Channel.PHONE), LaborFunction.A_01_3, Visibility.CUSTOMER_VISIBLE,
                new RequestEvent.Registered(ContactId.of("c-1"), Channel.PHONE, Priority.HIGH, "АТС не отвечает"),
                "Request registered", "0".repeat(64), "1".repeat(64));
        return new DomainEvent(UUID.randomUUID().toString(), TenantId.of("acme"), request, 1,
                LaborFunction.A_01_3.code(), entry);
    }

    /** A provider context as the engine builds it. */
    private record Context(ProviderSettings settings, Clock clock, String nodeId, DataCodec codec)
            implements ProviderContext {
        Context(Map<String, String> values) {
            this(new ProviderSettings(values), Clock.fixed(Instant.parse("2026-03-12T06:05:00Z"), ZoneOffset.UTC),
                    "node-plugin-test", new JacksonCodec());
        }
    }
}
