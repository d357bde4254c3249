package dev.supportkit.core.internal.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.journal.JournalCheckpoint;
import dev.supportkit.core.SupportEngine;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.testing.EngineFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With {@code supportkit.journal.checkpoint-directory} set, every checkpoint is also written there. */
class CheckpointFileTest {
    @TempDir
    Path directory;

    @Test
    @DisplayName("a checkpoint is written whole as JSON under the tenant, and what is read back verifies")
    void checkpointIsWritten() throws IOException {
        try (EngineFixture fx = new EngineFixture(Map.of("supportkit.journal.checkpoint-directory",
                directory.toString()))) {
            fx.registered();
            fx.registered();
            JournalCheckpoint taken = fx.engine.journal().checkpoint(fx.auditor);
            List<Path> files;
            try (Stream<Path> listed = Files.list(directory.resolve(fx.tenant.value()))) {
                files = listed.toList();
            }
            assertEquals(1, files.size(), "one file, no partial one left: " + files);
            assertTrue(files.get(0).getFileName().toString().matches("checkpoint-.*\\.json"), files.toString());
            JournalCheckpoint read = new JacksonCodec().fromJson(Files.readString(files.get(0),
                    StandardCharsets.UTF_8), JournalCheckpoint.class);
            assertEquals(taken, read);
            assertEquals(2, read.heads().size());
            assertEquals(List.of(), fx.engine.journal().verifyAgainst(fx.auditor, read));
        }
    }

    @Test
    @DisplayName("an empty checkpoint directory setting is refused at start, naming the key")
    void emptyDirectoryIsRefused() {
        ConfigurationException error = assertThrows(ConfigurationException.class, () -> SupportEngine.builder()
                .environment(Map.of()).set("supportkit.journal.checkpoint-directory", " ").build());
        assertTrue(error.getMessage().contains("supportkit.journal.checkpoint-directory"), error.getMessage());
    }
}
