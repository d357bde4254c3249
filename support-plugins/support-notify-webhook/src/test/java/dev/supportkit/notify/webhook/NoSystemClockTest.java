package dev.supportkit.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Main code takes time only from the engine's clock, and never sleeps. */
class NoSystemClockTest {
    private static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime)\\.now\\("
                    + "|System\\.currentTimeMillis\\(|System\\.nanoTime\\(|Clock\\.system(UTC|DefaultZone)?\\("
                    + "|new\\s+(java\\.util\\.)?Date\\(\\s*\\)|Calendar\\.getInstance\\(|Thread\\.sleep\\(");

    @Test
    @DisplayName("no main source of the webhook plugin reads the system clock or sleeps")
    void noSystemClock() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                if (SYSTEM_CLOCK.matcher(lines.get(i)).find()) {
                    offenders.add(source + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertTrue(sources.size() >= 5, "the scan must see the plugin's sources, saw " + sources.size());
        assertEquals(List.of(), offenders);
        assertTrue(SYSTEM_CLOCK.matcher("x = Instant.now();").find(), "the pattern must catch Instant.now()");
        assertTrue(SYSTEM_CLOCK.matcher("long t = System.currentTimeMillis();").find());
    }
}
