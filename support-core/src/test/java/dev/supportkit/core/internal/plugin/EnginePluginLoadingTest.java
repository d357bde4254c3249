package dev.supportkit.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.core.SupportEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine builder loads real PF4J plugin jars from its configured plugins directory. */
class EnginePluginLoadingTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path work;

    @Test
    @DisplayName("a plugin jar in the plugins directory contributes its channel to the engine")
    void loadsPluginJarThroughTheEngine() throws Exception {
        Path classes = TestPluginJars.compileEchoPlugin(work, "echo-plugin");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        TestPluginJars.jar(plugins.resolve("echo-plugin-1.0.0.jar"), classes,
                TestPluginJars.manifest("echo-plugin", "1.0.0", ">=1.0.0 & <2.0.0"), true);

        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .pluginsDirectory(plugins).set("supportkit.providers.echo-plugin.enabled", "true").build()) {
            assertTrue(engine.notificationChannelIds().contains("echo-plugin"), engine.notificationChannelIds()::toString);
            assertEquals(List.of("echo-plugin@1.0.0"), engine.plugins());
        }
    }

    @Test
    @DisplayName("a discovered channel starts only when configured; enabled=false stops even an explicit one")
    void channelsStartWhenConfigured() {
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of()).build()) {
            assertTrue(engine.notificationChannelIds().isEmpty(), "the class path's test channel is not configured");
        }
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .set("supportkit.providers.test-classpath-echo.greeting", "hi").build()) {
            assertEquals(java.util.Set.of("test-classpath-echo"), engine.notificationChannelIds());
        }
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(Map.of())
                .notificationChannel(new TestClasspathEchoChannelFactory())
                .set("supportkit.providers.test-classpath-echo.enabled", "false").build()) {
            assertTrue(engine.notificationChannelIds().isEmpty());
        }
    }

    @Test
    @DisplayName("a plugin built for another SPI major version stops the build with a clear message")
    void refusesPluginForAnotherMajorVersion() throws Exception {
        Path classes = TestPluginJars.compileEchoPlugin(work, "future-echo");
        Path plugins = Files.createDirectories(work.resolve("plugins"));
        TestPluginJars.jar(plugins.resolve("future-echo-3.0.0.jar"), classes,
                TestPluginJars.manifest("future-echo", "3.0.0", ">=2.0.0 & <3.0.0"), true);

        ConfigurationException error = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .clock(CLOCK).environment(Map.of()).pluginsDirectory(plugins).build());
        assertTrue(error.getMessage().contains("future-echo"), error::getMessage);
        assertTrue(error.getMessage().contains(">=2.0.0 & <3.0.0"), error::getMessage);
        assertTrue(error.getMessage().contains("provides SPI 1.0.0"), error::getMessage);
    }
}
