package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportTable;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PdfExportTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T07:30:00Z"), ZoneOffset.UTC);

    private static byte[] export(ReportTable table) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportExporter.builder().zone("Europe/Moscow").clock(CLOCK).build().export(table, ExportFormat.PDF, out);
        return out.toByteArray();
    }

    private static String text(PDDocument document, int page) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }

    private static List<PDImageXObject> images(PDPage page) throws IOException {
        List<PDImageXObject> images = new ArrayList<>();
        PDResources resources = page.getResources();
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDImageXObject image) {
                images.add(image);
            }
        }
        return images;
    }

    /** Pixels within 6 of the colour on each channel. */
    private static int pixels(BufferedImage image, Color color) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color pixel = new Color(image.getRGB(x, y));
                if (Math.abs(pixel.getRed() - color.getRed()) <= 6 && Math.abs(pixel.getGreen() - color.getGreen()) <= 6
                        && Math.abs(pixel.getBlue() - color.getBlue()) <= 6) {
                    count++;
                }
            }
        }
        return count;
    }

    @Test
    @DisplayName("PDF rendered to PNG: the title page holds the chart image, drawn in the series colours; Cyrillic text extracts as given")
    void chartsAndCyrillic() throws IOException {
        byte[] pdf = export(Samples.group());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages(), "title page with the chart, then the table");

            List<String> titleLines = text(document, 1).lines().map(String::strip).toList();
            assertTrue(titleLines.contains(Samples.TITLE), "title extracted as given: " + titleLines);
            assertTrue(titleLines.contains(Samples.SUBTITLE), "subtitle extracted as given: " + titleLines);
            assertTrue(titleLines.contains("Сформирован: 01.12.2026 10:30 (Europe/Moscow)"), titleLines.toString());

            List<PDImageXObject> chartImages = images(document.getPage(0));
            assertEquals(1, chartImages.size(), "one image XObject: the chart");
            float contentWidth = document.getPage(0).getMediaBox().getWidth() - 72;
            assertEquals((int) contentWidth * PdfExport.CHART_SCALE, chartImages.get(0).getWidth(),
                    "the chart image is twice its size on the page");

            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage titlePage = renderer.renderImageWithDPI(0, 144);
            BufferedImage tablePage = renderer.renderImageWithDPI(1, 144);
            Path png = Files.createDirectories(Path.of("target", "rendered")).resolve("group-report-page-1.png");
            ImageIO.write(titlePage, "png", png.toFile());
            ImageIO.write(tablePage, "png", png.resolveSibling("group-report-page-2.png").toFile());
            int firstSeries = pixels(titlePage, Charts.PALETTE[0]);
            int secondSeries = pixels(titlePage, Charts.PALETTE[1]);
            assertTrue(firstSeries > 2_000, "bars of the first series on the rendered page: " + firstSeries);
            assertTrue(secondSeries > 2_000, "bars of the second series on the rendered page: " + secondSeries);
            assertEquals(0, pixels(tablePage, Charts.PALETTE[0]), "no chart colour on the table page");
            assertTrue(images(document.getPage(1)).isEmpty());

            String table = text(document, 2);
            for (String expected : List.of("Специалист", "Иванова Анна", "Петров, \"Пётр\"", "Сидоров",
                    "вторая строка", "30.11.2026 12:15", "26 ч 05 мин", "2 ч 15 мин", "40 с", "Строк: 4")) {
                assertTrue(table.contains(expected), "'" + expected + "' on the table page:\n" + table);
            }
            for (COSName name : document.getPage(1).getResources().getFontNames()) {
                PDFont font = document.getPage(1).getResources().getFont(name);
                assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                assertTrue(font.getName().contains("DejaVuSans"), font.getName());
            }
        }
    }

    @Test
    @DisplayName("PDF pages a long table, repeating the header on every page, each row once and in order")
    void pagesWithRepeatedHeader() throws IOException {
        byte[] pdf = export(Samples.generated(400));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 4, "pages: " + document.getNumberOfPages());
            StringBuilder all = new StringBuilder();
            for (int page = 2; page <= document.getNumberOfPages(); page++) {
                String text = text(document, page);
                assertTrue(text.contains("Номер") && text.contains("Название") && text.contains("Доля"),
                        "header repeated on page " + page);
                assertTrue(text.contains("стр. " + page), "page number on page " + page);
                all.append(text);
            }
            int at = -1;
            for (int i = 0; i < 400; i++) {
                int found = all.indexOf("Строка " + i + " ", at + 1);
                assertTrue(found > at, "row " + i + " after row " + (i - 1));
                at = found;
            }
        }
    }

    @Test
    @DisplayName("PDF with line and pie charts: each drawn as an image on the pages after the title")
    void lineAndPieCharts() throws IOException {
        ReportTable table = Samples.groupBuilder().chart(Samples.barChart()).chart(Samples.lineChart())
                .chart(Samples.pieChart()).build();
        try (PDDocument document = Loader.loadPDF(export(table))) {
            int images = 0;
            for (PDPage page : document.getPages()) {
                images += images(page).size();
            }
            assertEquals(3, images);
        }
    }

    @Test
    @DisplayName("PDF shows characters the font lacks as '?', tabs as spaces, and says when a table has no rows")
    void missingGlyphsAndEmptyTables() throws IOException {
        ReportTable odd = ReportTable.builder("Символы").column("text", "Текст", dev.supportkit.api.reports.table.ColumnType.TEXT)
                .rows(List.of(Samples.row("знак \uD80C\uDC00\tи 漢字 конец"))).build();
        try (PDDocument document = Loader.loadPDF(export(odd))) {
            assertTrue(text(document, 2).contains("знак ? и ?? конец"), text(document, 2));
        }
        ReportTable empty = ReportTable.builder("Пусто").column("text", "Текст", dev.supportkit.api.reports.table.ColumnType.TEXT)
                .rows(List.of()).build();
        try (PDDocument document = Loader.loadPDF(export(empty))) {
            assertEquals(2, document.getNumberOfPages());
            assertTrue(text(document, 2).contains("Нет строк."), text(document, 2));
        }
    }
}
