package dev.supportkit.examples.webdesk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Starts a desk for a test: a free port on loopback, H2 in a fresh directory, the demo users and data. The
 * engine's background pass is off ({@code supportkit.jobs.poll-interval-ms=0}): message deliveries journalled
 * by the engine would otherwise race the test's commands on the same request and make them conflict.
 */
final class DeskFixture {
    private DeskFixture() {
    }

    static WebDesk start(Path dataDirectory) {
        try {
            Path config = Files.writeString(dataDirectory.resolve("engine.properties"),
                    "supportkit.jobs.poll-interval-ms=0\n");
            return WebDesk.start(new DeskSettings("127.0.0.1", 0, dataDirectory.resolve("db"), Optional.empty(),
                    Optional.of(config), false, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
