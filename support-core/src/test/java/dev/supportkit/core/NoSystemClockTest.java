package dev.supportkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Time comes only from the injected Clock: no main source of any library module (the engine and every
 * plugin) reads the system clock or sleeps, except the single line where the builder picks its default
 * clock. (The benchmark runner, which measures elapsed time and is not part of the library, is not
 * scanned.)
 */
class NoSystemClockTest {
    private static final Pattern SYSTEM_CLOCK = Pattern.compile(
            "\\b(Instant|LocalDateTime|LocalDate|LocalTime|ZonedDateTime|OffsetDateTime|OffsetTime|Year|YearMonth"
                    + "|MonthDay)\\.now\\(\\s*\\)"
                    + "|System\\.currentTimeMillis\\(|System\\.nanoTime\\(|Clock\\.system(UTC|DefaultZone)?\\("
                    + "|new\\s+(java\\.util\\.)?Date\\(\\s*\\)|Calendar\\.getInstance\\("
                    // Jakarta Mail's default Date header is the system clock's; a sleep is a timing guess.
                    + "|setSentDate\\(|Thread\\.sleep\\(");
    private static final String ALLOWED = "the one place the system clock is chosen";

    private static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("support-api"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "project root not found above " + Path.of("").toAbsolutePath());
        return dir;
    }

    @Test
    @DisplayName("no main code of the engine or a plugin reads the system clock directly or sleeps")
    void noSystemClockInMainCode() throws IOException {
        List<String> offenders = new ArrayList<>();
        List<Path> scanned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(projectRoot())) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().replace('\\', '/').contains("/src/main/java/"))
                    // Benchmarks measure elapsed time; they are not part of the library.
                    .filter(p -> !p.toString().replace('\\', '/').contains("/support-benchmarks/"))
                    .forEach(p -> {
                        scanned.add(p);
                        try {
                            List<String> lines = Files.readAllLines(p);
                            for (int i = 0; i < lines.size(); i++) {
                                String line = lines.get(i);
                                if (SYSTEM_CLOCK.matcher(line).find() && !line.contains(ALLOWED)) {
                                    offenders.add(p + ":" + (i + 1) + ": " + line.strip());
                                }
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
        assertTrue(scanned.size() > 50, "the scan must see the project's main sources, saw " + scanned.size());
        assertEquals(List.of(), offenders);
    }

    @Test
    @DisplayName("the pattern catches the usual ways of reading the clock")
    void patternCatchesViolations() {
        for (String bad : List.of("Instant.now()", "LocalDateTime.now( )", "System.currentTimeMillis()",
                "Clock.systemUTC()", "new Date()", "System.nanoTime()", "Thread.sleep(10)",
                "message.setSentDate(new Date(0))")) {
            assertTrue(SYSTEM_CLOCK.matcher(bad).find(), bad);
        }
        assertTrue(!SYSTEM_CLOCK.matcher("Instant.now(clock)").find());
    }
}
