package dev.supportkit.notify.fax;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.notify.fax.testing.Faxes;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FaxRendererTest {
    private final FaxRenderer renderer = new FaxRenderer(Clock.fixed(Instant.parse("2026-03-12T09:00:00Z"),
            ZoneOffset.UTC));

    @Test
    @DisplayName("the fonts come from the class path (the jasperreports-fonts jar), not from the machine")
    void fontsFromTheClassPath() throws Exception {
        for (String font : List.of(FaxRenderer.REGULAR_FONT, FaxRenderer.BOLD_FONT)) {
            var url = FaxRenderer.class.getResource(font);
            assertTrue(url != null && url.toString().contains("jasperreports-fonts"), font + " from " + url);
        }
    }

    @Test
    @DisplayName("wrapping: words stay whole, a too-long word is broken, empty lines are kept")
    void wrap() throws Exception {
        try (PDDocument document = new PDDocument();
             InputStream in = FaxRenderer.class.getResourceAsStream(FaxRenderer.REGULAR_FONT)) {
            PDType0Font font = PDType0Font.load(document, new ByteArrayInputStream(in.readAllBytes()), true);
            float width = font.getStringWidth("Привет мир") / 1000 * 10;
            assertEquals(List.of("Привет мир", "и снова", "", "привет"),
                    FaxRenderer.wrap("Привет мир и снова\n\nпривет\n\n", font, 10, width));
            List<String> broken = FaxRenderer.wrap("ааааааааааааааааааааааааа", font, 10, width);
            assertTrue(broken.size() > 1, broken.toString());
            assertEquals("ааааааааааааааааааааааааа", String.join("", broken));
            for (String line : broken) {
                assertTrue(font.getStringWidth(line) / 1000 * 10 <= width, line);
            }
            assertEquals("a?b c\nd", FaxRenderer.printable("a字b\u0000 c\r\n\u200Bd", font));
        }
    }

    @Test
    @DisplayName("the same notification, key and clock render to the same bytes (stable document id)")
    void deterministic() throws Exception {
        byte[] first = renderer.render(Faxes.SUBJECT, Faxes.BODY, Locale.ROOT, "key-1");
        assertArrayEquals(first, renderer.render(Faxes.SUBJECT, Faxes.BODY, Locale.ROOT, "key-1"));
        assertTrue(Faxes.text(first).startsWith(Faxes.flat(Faxes.SUBJECT + " " + Faxes.BODY)));
    }

    @Test
    @DisplayName("no subject: no heading; no body: an empty page with its footer")
    void emptyParts() throws Exception {
        assertEquals(Faxes.flat(Faxes.BODY) + " 2026-03-12 09:00 +00:00 1 / 1",
                Faxes.text(renderer.render(null, Faxes.BODY, null, null)));
        assertEquals("2026-03-12 09:00 +00:00 1 / 1", Faxes.text(renderer.render(" ", null, null, null)));
    }
}
