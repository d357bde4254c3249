package dev.supportkit.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestStatus;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.spi.crm.CrmAdapterFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CRM adapter plugin jar, compiled against support-api alone, receives every version of a request. */
class CrmPluginJarTest {
    private static final String FACTORY = "com.example.crmplugin.FileCrmFactory";
    private static final String SOURCE = """
            package com.example.crmplugin;

            import dev.supportkit.spi.ProviderContext;
            import dev.supportkit.spi.crm.CrmAdapter;
            import dev.supportkit.spi.crm.CrmAdapterFactory;
            import java.io.IOException;
            import java.io.UncheckedIOException;
            import java.nio.file.Files;
            import java.nio.file.Path;
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

    @TempDir
    Path work;

    @Test
    @DisplayName("a CRM plugin jar built against support-api alone receives every version of a request, in order")
    void pluginJarReceivesEveryVersion() throws Exception {
        Path source = Files.createDirectories(work.resolve("src/com/example/crmplugin")).resolve("FileCrmFactory.java");
        Files.writeString(source, SOURCE);
        Path classes = TestPluginJars.compile(work, apiOnly(), List.of(source));
        Path plugins = work.resolve("plugins");
        TestPluginJars.jar(plugins.resolve("file-crm-1.0.0.jar"), classes,
                TestPluginJars.manifest("file-crm", "1.0.0", ">=1.0.0 & <2.0.0"), CrmAdapterFactory.class, FACTORY);
        Path pushes = work.resolve("pushes.txt");

        Request closed;
        List<String> lines;
        try (EngineFixture fx = new EngineFixture(TenantId.of("acme"), null, Map.of(
                "supportkit.plugins.directory", plugins.toString(),
                "supportkit.providers.file-crm.file", pushes.toString()))) {
            closed = fx.requestIn(RequestStatus.CLOSED, SupportLine.FIRST_LINE);
            for (int pass = 0; pass < 100 && !fx.engine.runDueWork().idle(); pass++) {
                fx.clock.advance(java.time.Duration.ofMinutes(1));
            }
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

    /** The location of support-api's classes: the only thing the plugin is compiled against. */
    private static String apiOnly() throws URISyntaxException {
        return Path.of(CrmAdapterFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
