package dev.supportkit.reports.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * A PDF font with the text helpers the layout needs: widths, word wrapping, and replacing characters the font has no
 * glyph for (which PDFBox would refuse) with '?'.
 */
final class PdfText {
    private static final byte UNKNOWN = 0;
    private static final byte PRESENT = 1;
    private static final byte MISSING = 2;

    final PDFont font;
    private final byte[] basic = new byte[0x10000];

    PdfText(PDFont font) {
        this.font = font;
    }

    /** The text with tabs and line breaks as spaces and characters without a glyph as '?'. */
    String safe(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int replacement = Character.isISOControl(cp) ? ' ' : has(cp) ? -1 : '?';
            if (replacement >= 0 && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                if (replacement >= 0) {
                    out.append((char) replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    private boolean has(int cp) {
        if (cp < basic.length && basic[cp] != UNKNOWN) {
            return basic[cp] == PRESENT;
        }
        boolean present;
        try {
            font.encode(new String(Character.toChars(cp)));
            present = true;
        } catch (IllegalArgumentException | IOException e) {
            present = false;
        }
        if (cp < basic.length) {
            basic[cp] = present ? PRESENT : MISSING;
        }
        return present;
    }

    /** The width of safe text in points at {@code size}. */
    float width(String safeText, float size) throws IOException {
        return font.getStringWidth(safeText) / 1000f * size;
    }

    /**
     * Breaks text into at most {@code maxLines} lines no wider than {@code width}: at spaces where it can, inside a
     * word where it must; line breaks in the text start new lines; a cut last line ends with '…'.
     */
    List<String> wrap(String text, float size, float width, int maxLines) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r\n|\r|\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : safe(paragraph).split(" ", -1)) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (width(candidate, size) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (width(rest, size) > width && rest.length() > 1) {
                    int cut = fitting(rest, size, width);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            if (lines.size() > maxLines) {
                break;
            }
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            String last = cut.get(maxLines - 1);
            while (!last.isEmpty() && width(last + "…", size) > width) {
                last = last.substring(0, last.offsetByCodePoints(last.length(), -1));
            }
            cut.set(maxLines - 1, last + (has('…') ? "…" : "..."));
            return cut;
        }
        return lines;
    }

    /** How many chars of {@code text} (at least one code point) fit in {@code width}. */
    private int fitting(String text, float size, float width) throws IOException {
        int end = text.offsetByCodePoints(0, 1);
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (width(text.substring(0, next), size) > width) {
                break;
            }
            end = next;
        }
        return end;
    }
}
