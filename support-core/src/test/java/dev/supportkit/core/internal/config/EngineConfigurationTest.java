package dev.supportkit.core.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.storage.memory.InMemoryStorageProvider;
import dev.supportkit.spi.ProviderContext;
import dev.supportkit.spi.storage.StorageProvider;
import dev.supportkit.spi.storage.StorageProviderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from a file, the environment and the builder, with every error reported at once. */
class EngineConfigurationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-12T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A storage factory that records the context it was created with. */
    static final class RecordingStorage implements StorageProviderFactory {
        final AtomicReference<ProviderContext> context = new AtomicReference<>();

        @Override
        public String id() {
            return "recording";
        }

        @Override
        public StorageProvider create(ProviderContext ctx) {
            context.set(ctx);
            return new InMemoryStorageProvider();
        }
    }

    private SupportEngine.Builder builder() {
        return SupportEngine.builder().clock(CLOCK).environment(Map.of());
    }

    @Test
    @DisplayName("a properties file sets the node id and a provider's own settings")
    void propertiesFile() throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.properties"), """
                supportkit.node-id=node-a
                supportkit.storage.provider=recording
                supportkit.providers.recording.url=jdbc:h2:mem:x
                supportkit.providers.recording.pool-size=4
                """);
        RecordingStorage storage = new RecordingStorage();
        try (SupportEngine engine = builder().configFile(file).storage(storage).build()) {
            assertEquals("node-a", engine.nodeId());
            assertEquals("recording", engine.storageProviderId());
            assertEquals("node-a", storage.context.get().nodeId());
            assertEquals("jdbc:h2:mem:x", storage.context.get().settings().get("url").orElseThrow());
            assertEquals(4, storage.context.get().settings().getInt("pool-size", 0));
            assertEquals(engine.clock(), storage.context.get().clock(), "the engine's clock: the builder's, in microseconds");
            assertEquals(CLOCK.instant(), storage.context.get().clock().instant());
        }
    }

    @Test
    @DisplayName("a YAML file is read as nested keys")
    void yamlFile() throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.yaml"), """
                supportkit:
                  node-id: node-yaml
                  providers:
                    recording:
                      url: jdbc:h2:file:./data/supportkit
                """);
        RecordingStorage storage = new RecordingStorage();
        try (SupportEngine engine = builder().configFile(file).storage(storage).build()) {
            assertEquals("node-yaml", engine.nodeId());
            assertEquals("jdbc:h2:file:./data/supportkit", storage.context.get().settings().get("url").orElseThrow());
        }
    }

    @Test
    @DisplayName("the environment overrides the file, and values set on the builder override both")
    void precedence() throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.properties"), """
                supportkit.node-id=from-file
                supportkit.providers.recording.url=file-url
                supportkit.providers.recording.user=file-user
                """);
        RecordingStorage storage = new RecordingStorage();
        Map<String, String> env = Map.of("SUPPORTKIT_NODE_ID", "from-env",
                "SUPPORTKIT_PROVIDERS_RECORDING_URL", "env-url",
                "SUPPORTKIT_PROVIDERS_RECORDING_POOL_SIZE", "8",
                "UNRELATED_VARIABLE", "ignored");
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(env).configFile(file)
                .storage(storage).build()) {
            assertEquals("from-env", engine.nodeId());
            assertEquals("env-url", storage.context.get().settings().get("url").orElseThrow());
            assertEquals("file-user", storage.context.get().settings().get("user").orElseThrow());
            assertEquals("8", storage.context.get().settings().get("pool-size").orElseThrow());
        }
        try (SupportEngine engine = SupportEngine.builder().clock(CLOCK).environment(env).configFile(file)
                .set("supportkit.node-id", "from-builder").build()) {
            assertEquals("from-builder", engine.nodeId());
        }
    }

    @Test
    @DisplayName("every configuration problem is reported together when the engine is built")
    void allProblemsAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.properties"), """
                supportkit.node-id=has spaces!
                supportkit.storge.provider=memory
                supportkit.storage.provider=nosuchstore
                supportkit.plugins.directory=%s
                """.formatted(dir.resolve("missing").toString().replace("\\", "/")));
        ConfigurationException error = assertThrows(ConfigurationException.class,
                () -> builder().configFile(file).build());
        assertEquals(4, error.problems().size(), error::getMessage);
        String all = error.getMessage();
        assertTrue(all.contains("supportkit.node-id"), all);
        assertTrue(all.contains("supportkit.storge.provider: unknown configuration key"), all);
        assertTrue(all.contains("supportkit.storage.provider: no storage provider 'nosuchstore'"), all);
        assertTrue(all.contains("available: memory"), all);
        assertTrue(all.contains("supportkit.plugins.directory"), all);
    }

    @Test
    @DisplayName("a missing or unparseable file is a configuration problem, not a crash")
    void badFiles() throws Exception {
        ConfigurationException missing = assertThrows(ConfigurationException.class,
                () -> builder().configFile(dir.resolve("nope.yaml")).build());
        assertTrue(missing.getMessage().contains("does not exist"), missing::getMessage);

        Path broken = Files.writeString(dir.resolve("broken.yaml"), "supportkit: [unclosed\n  - : :");
        ConfigurationException unparseable = assertThrows(ConfigurationException.class,
                () -> builder().configFile(broken).build());
        assertTrue(unparseable.getMessage().contains("cannot be parsed"), unparseable::getMessage);

        Path wrongType = Files.writeString(dir.resolve("supportkit.xml"), "<x/>");
        ConfigurationException type = assertThrows(ConfigurationException.class,
                () -> builder().configFile(wrongType).build());
        assertTrue(type.getMessage().contains(".properties, .yaml or .yml"), type::getMessage);
    }

    @Test
    @DisplayName("provider settings never print their values")
    void settingsHideValues() throws Exception {
        Path file = Files.writeString(dir.resolve("supportkit.properties"),
                "supportkit.providers.recording.password=s3cret\n");
        RecordingStorage storage = new RecordingStorage();
        try (SupportEngine ignored = builder().configFile(file).storage(storage).build()) {
            String printed = storage.context.get().settings().toString();
            assertTrue(printed.contains("password"), printed);
            assertTrue(!printed.contains("s3cret"), printed);
        }
    }
}
