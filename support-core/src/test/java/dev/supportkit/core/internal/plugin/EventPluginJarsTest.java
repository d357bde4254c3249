package dev.supportkit.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.event.EventSinkFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CRM adapter plugin jar and an event-sink plugin jar, compiled against support-api alone, receive every
 * version and every journalled change of a request.
 */
class EventPluginJarsTest {
    private static final String FACTORY = "com.example.crmplugin.FileCrmFactory";
    private static final String SOURCE = """
            package com.example.crmplugin;

            import dev.supportkit.spi.ProviderContext;
            import dev.supportkit.spi.crm.CrmAdapter;
            import dev.supportkit.spi.crm.CrmAdapterFactory;
import dev.supportkit.spi.event.EventSinkFactory;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
import java.time.Duration;
            import java.nio.file.StandardOpenOption;

            public class FileCrmFactory implements CrmAdapterFactory {
                @Override
                public String id() {
                    return "file-crm";
                }

                @Override
                public CrmAdapter create(ProviderContext context) {
                    Path file = Path.of(context.settings().get("file").orElseThrow());
                    return (request, key) -> {
                        try {
                            Files.writeString(file, key + " " + request.version() + " " + request.status() + "\\n",
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
                }
            }
            """;

    private static final String SINK_FACTORY = "com.example.sinkplugin.FileSinkFactory";
    private static final String SINK_SOURCE = """
            package com.example.sinkplugin;

            import dev.supportkit.spi.ProviderContext;
            import dev.supportkit.spi.event.EventSink;
            import dev.supportkit.spi.event.EventSinkFactory;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
import java.time.Duration;
            import java.nio.file.StandardOpenOption;

            public class FileSinkFactory implements EventSinkFactory {
                @Override
                public String id() {
                    return "file-sink";
                }

                @Override
                public EventSink create(ProviderContext context) {
                    Path file = Path.of(context.settings().get("file").orElseThrow());
                    return event -> {
                        try {
                            Files.writeString(file, event.eventId() + " " + event.entry().sequence() + "\\n",
                                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    };
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    @DisplayName("an event-sink plugin jar, enabled in the configuration, publishes every journalled change once")
    void sinkPluginJarPublishesEveryChange() throws Exception {
        Path plugins = pluginJar("file-sink", SINK_FACTORY, SINK_SOURCE, EventSinkFactory.class);
        Path events = work.resolve("events.txt");

        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, Map.of(
                "supportkit.plugins.directory", plugins.toString(), "supportkit.providers.file-sink.enabled", "true",
                "supportkit.providers.file-sink.file", events.toString()))) {
            Request closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
            drain(fx);
            String prefix = "acme:" + closed.id().value() + ":";
            List<String> expected = fx.engine.journal().entries(fx.auditor, closed.id()).stream()
                    .map(e -> prefix + e.sequence() + " " + e.sequence()).toList();
            assertEquals(expected, Files.readAllLines(events).stream().filter(l -> l.startsWith(prefix)).toList());
        }
    }

    @Test
    @DisplayName("a CRM plugin jar built against support-api alone receives every version of a request, in order")
    void pluginJarReceivesEveryVersion() throws Exception {
        Path plugins = pluginJar("file-crm", FACTORY, SOURCE, CrmAdapterFactory.class);
        Path pushes = work.resolve("pushes.txt");

        Request closed;
        List<String> lines;
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, Map.of(
                "supportkit.plugins.directory", plugins.toString(),
                "supportkit.providers.file-crm.file", pushes.toString()))) {
            closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
            drain(fx);
            lines = Files.readAllLines(pushes);
        }
        List<String> expected = new ArrayList<>();
        List<RequestStatus> life = List.of(RequestStatus.REGISTERED, RequestStatus.IN_PROGRESS_FIRST_LINE,
                RequestStatus.RESOLVED, RequestStatus.SIGNED_OFF, RequestStatus.CLOSED);
        for (int v = 1; v <= life.size(); v++) {
            expected.add("acme:" + closed.id().value() + ":v" + v + " " + v + " " + life.get(v - 1));
        }
        assertEquals(expected, lines);
    }

    /** Compiles one factory against support-api alone and packages it as a plugin jar in a plugins directory. */
    private Path pluginJar(String id, String factoryClass, String source, Class<?> service) throws Exception {
        Path file = work.resolve("src/" + id + "/" + factoryClass.replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = TestPluginJars.compile(work.resolve(id), apiOnly(), List.of(file));
        Path plugins = work.resolve("plugins");
        TestPluginJars.jar(plugins.resolve(id + "-1.0.0.jar"), classes,
                TestPluginJars.manifest(id, "1.0.0", ">=1.0.0 & <2.0.0"), service, factoryClass);
        return plugins;
    }

    private static void drain(EngineFixture fx) {
        for (int pass = 0; pass < 100 && !fx.engine.runDueWork().idle(); pass++) {
            fx.clock.advance(Duration.ofMinutes(1));
        }
    }

    /** The location of support-api's classes: the only thing the plugin is compiled against. */
    private static String apiOnly() throws URISyntaxException {
        return Path.of(CrmAdapterFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
