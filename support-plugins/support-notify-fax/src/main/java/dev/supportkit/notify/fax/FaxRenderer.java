package dev.supportkit.notify.fax;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Renders a notification to an A4 PDF for a fax machine: the subject as a bold heading, then the body,
 * both wrapped at word boundaries (a word wider than the line is broken), on as many pages as needed,
 * each with a footer of the clock's date and time and the page number. The text is set in DejaVu Sans,
 * embedded as a subset, so Cyrillic (and Latin, Greek, ...) renders on any receiver; a character the
 * font lacks becomes {@code ?}. The fonts come from the class path (the {@code jasperreports-fonts}
 * artifact), never from the machine.
 */
final class FaxRenderer {
    /** DejaVu Sans, from {@code net.sf.jasperreports:jasperreports-fonts}. */
    static final String REGULAR_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans.ttf";
    /** DejaVu Sans Bold, from the same artifact. */
    static final String BOLD_FONT = "/net/sf/jasperreports/fonts/dejavu/DejaVuSans-Bold.ttf";

    static final PDRectangle PAGE = PDRectangle.A4;
    /** 20 mm. */
    static final float MARGIN = 56.7f;
    static final float HEADING_SIZE = 16;
    static final float HEADING_LEADING = 21;
    static final float BODY_SIZE = 11;
    static final float BODY_LEADING = 15;
    static final float FOOTER_SIZE = 8;
    /** Space between the heading and the body. */
    static final float HEADING_GAP = 12;

    private static final DateTimeFormatter FOOTER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);

    private final Clock clock;
    private final byte[] regular;
    private final byte[] bold;

    /**
     * Loads the fonts.
     *
     * @param clock the engine's clock, for the footer and the PDF's creation date
     * @throws UncheckedIOException if a font is missing from the class path
     */
    FaxRenderer(Clock clock) {
        this.clock = clock;
        this.regular = font(REGULAR_FONT);
        this.bold = font(BOLD_FONT);
    }

    private static byte[] font(String resource) {
        try (InputStream in = FaxRenderer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the font " + resource + " is not on the class path "
                        + "(it comes from net.sf.jasperreports:jasperreports-fonts)"));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + resource, e);
        }
    }

    /** A line placed on a page. */
    private record Placed(String text, boolean heading, float y) {
    }

    /**
     * Renders one fax.
     *
     * @param subject        the heading, or null/blank for none
     * @param body           the text, or null
     * @param locale         the language, recorded in the PDF, or null
     * @param idempotencyKey makes the PDF's document id stable across attempts, or null
     * @return the PDF
     * @throws IOException if PDFBox fails
     */
    byte[] render(String subject, String body, Locale locale, String idempotencyKey) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font headingFont = PDType0Font.load(document, new ByteArrayInputStream(bold), true);
            PDType0Font bodyFont = PDType0Font.load(document, new ByteArrayInputStream(regular), true);
            float width = PAGE.getWidth() - 2 * MARGIN;

            List<String> heading = subject == null || subject.isBlank() ? List.of()
                    : wrap(printable(subject.strip(), headingFont), headingFont, HEADING_SIZE, width);
            List<String> text = wrap(printable(body == null ? "" : body, bodyFont), bodyFont, BODY_SIZE, width);

            List<List<Placed>> pages = paginate(heading, text);
            ZonedDateTime now = ZonedDateTime.ofInstant(clock.instant(), clock.getZone());
            String time = FOOTER_TIME.format(now);
            for (int i = 0; i < pages.size(); i++) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    for (Placed line : pages.get(i)) {
                        show(content, line.heading() ? headingFont : bodyFont,
                                line.heading() ? HEADING_SIZE : BODY_SIZE, MARGIN, line.y(), line.text());
                    }
                    String footer = time + "   " + (i + 1) + " / " + pages.size();
                    float footerWidth = bodyFont.getStringWidth(footer) / 1000 * FOOTER_SIZE;
                    show(content, bodyFont, FOOTER_SIZE, PAGE.getWidth() - MARGIN - footerWidth, MARGIN / 2, footer);
                }
            }

            PDDocumentInformation info = document.getDocumentInformation();
            if (!heading.isEmpty()) {
                info.setTitle(String.join(" ", heading));
            }
            info.setCreator("SupportKit fax channel");
            info.setCreationDate(GregorianCalendar.from(now));
            if (locale != null && !locale.getLanguage().isEmpty()) {
                document.getDocumentCatalog().setLanguage(locale.toLanguageTag());
            }
            if (idempotencyKey != null) {
                document.setDocumentId(stableId(idempotencyKey));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    /** Lays the heading and body lines out top to bottom, starting a new page where one is full. */
    private static List<List<Placed>> paginate(List<String> heading, List<String> text) {
        float top = PAGE.getHeight() - MARGIN;
        float bottom = MARGIN;
        List<List<Placed>> pages = new ArrayList<>();
        List<Placed> page = new ArrayList<>();
        pages.add(page);
        float y = top;
        for (String line : heading) {
            y -= HEADING_LEADING;
            page.add(new Placed(line, true, y));
        }
        if (!heading.isEmpty()) {
            y -= HEADING_GAP;
        }
        for (String line : text) {
            if (y - BODY_LEADING < bottom) {
                page = new ArrayList<>();
                pages.add(page);
                y = top;
            }
            y -= BODY_LEADING;
            if (!line.isEmpty()) {
                page.add(new Placed(line, false, y));
            }
        }
        return pages;
    }

    private static void show(PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
            throws IOException {
        content.beginText();
        content.setFont(font, size);
        content.newLineAtOffset(x, y);
        content.showText(text);
        content.endText();
    }

    /**
     * Normalises line ends to {@code \n}, tabs to four blanks, drops other control characters, and replaces
     * every character the font cannot show with {@code ?}.
     */
    static String printable(String text, PDType0Font font) {
        Map<Integer, Boolean> known = new HashMap<>();
        StringBuilder result = new StringBuilder(text.length());
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
        normalised.codePoints().forEach(cp -> {
            if (cp == '\n') {
                result.append('\n');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else if (known.computeIfAbsent(cp, c -> canShow(font, c))) {
                result.appendCodePoint(cp);
            } else {
                result.append('?');
            }
        });
        return result.toString();
    }

    private static boolean canShow(PDType0Font font, int codePoint) {
        try {
            font.encode(Character.toString(codePoint));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }

    /** Breaks text into lines no wider than {@code width}: paragraphs at {@code \n}, then at blanks. */
    static List<String> wrap(String text, PDType0Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            String current = "";
            for (String word : paragraph.strip().split(" +")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = current.isEmpty() ? word : current + " " + word;
                if (width(font, size, candidate) <= width) {
                    current = candidate;
                    continue;
                }
                if (!current.isEmpty()) {
                    lines.add(current);
                }
                while (width(font, size, word) > width) {
                    int fits = fittingPrefix(word, font, size, width);
                    lines.add(word.substring(0, fits));
                    word = word.substring(fits);
                }
                current = word;
            }
            lines.add(current);
        }
        while (lines.size() > 1 && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The length of the longest prefix (whole code points, at least one) that fits the width. */
    private static int fittingPrefix(String word, PDType0Font font, float size, float width) throws IOException {
        int end = word.offsetByCodePoints(0, 1);
        while (end < word.length()) {
            int next = word.offsetByCodePoints(end, 1);
            if (width(font, size, word.substring(0, next)) > width) {
                break;
            }
            end = next;
        }
        return end;
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    private static long stableId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
