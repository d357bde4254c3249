package dev.supportkit.reports.export;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The TrueType fonts of the exports: DejaVu Sans (regular and bold, shipped in this jar with its licence) unless the
 * exporter was given another font file.
 *
 * @param regular the regular face's TTF bytes
 * @param bold    the bold face's TTF bytes (the regular one again for an override)
 * @param awt     the regular face for charts
 * @param awtBold the bold face for chart titles
 */
record Fonts(byte[] regular, byte[] bold, Font awt, Font awtBold) {
    private static final String DIRECTORY = "/dev/supportkit/reports/export/fonts/";

    /** The bundled DejaVu Sans, loaded once. */
    private static final class Bundled {
        static final Fonts INSTANCE = new Fonts(resource("DejaVuSans.ttf"), resource("DejaVuSans-Bold.ttf"));
    }

    Fonts(byte[] regular, byte[] bold) {
        this(regular, bold, awt(regular), awt(bold));
    }

    static Fonts bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * Loads a TrueType or OpenType font for AWT.
     *
     * @throws IllegalArgumentException when the bytes are no font AWT can read
     */
    static Font awt(byte[] ttf) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
        } catch (FontFormatException | IOException e) {
            throw new IllegalArgumentException("not a TrueType font: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = Fonts.class.getResourceAsStream(DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("the font " + DIRECTORY + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + name, e);
        }
    }
}
