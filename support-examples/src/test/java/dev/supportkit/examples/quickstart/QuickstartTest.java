package dev.supportkit.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.journal.ChainVerification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The quickstart walks the whole life of a request and prints what the README promises. */
class QuickstartTest {
    @Test
    @DisplayName("the demo prints the journal with the labour-function codes and verifies the chain")
    void demoOutput() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ChainVerification result;
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            result = Quickstart.run(out);
        }
        String printed = buffer.toString(StandardCharsets.UTF_8);
        assertTrue(result.intact());
        assertEquals(10, result.entriesChecked());
        for (String code : List.of("A/01.3", "A/02.3", "C/03.6", "B/02.6")) {
            assertTrue(printed.contains(code), () -> "missing " + code + " in\n" + printed);
        }
        assertTrue(printed.contains("final status CLOSED"), printed);
        assertTrue(printed.contains("Hash chain verified: all 10 entries intact."), printed);
    }
}
