package dev.supportkit.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.journal.ChainVerification;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quickstart walks the whole life of a request and prints what the README promises. */
class QuickstartTest {
    @TempDir
    Path data;

    private String run(ChainVerification[] result) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            result[0] = Quickstart.run(out, data);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("the demo prints the journal with the labour-function codes and verifies the chain")
    void demoOutput() {
        ChainVerification[] result = new ChainVerification[1];
        String printed = run(result);
        assertTrue(result[0].intact());
        assertEquals(22, result[0].entriesChecked(), "10 actions, a work plan drafted, approved and done (4), a time record"
                + " and 7 delivered messages");
        for (String code : List.of("A/01.3", "A/02.3", "C/03.6", "B/02.6")) {
            assertTrue(printed.contains(code), () -> "missing " + code + " in\n" + printed);
        }
        assertTrue(printed.contains("final status CLOSED"), printed);
        assertTrue(printed.contains("Messages delivered by e-mail (10):"), printed);
        assertTrue(printed.contains("Told the customer: Мы ответим до 09:35 12 марта."), printed);
        assertTrue(printed.contains("SLA warning: the resolution deadline"), printed);
        assertTrue(printed.contains("priority raised to HIGH, escalated to group telephony"), printed);
        assertTrue(printed.contains("to galina.volkova@nordtel.example: Deadline breached"), printed);
        assertTrue(printed.contains("Заявка «No incoming calls reach the office» зарегистрирована"), printed);
        assertTrue(printed.contains("просим подтвердить"), printed);
        assertTrue(printed.contains("Work plan revision 1, APPROVED by galina: [diagnose (viktor, DONE), spare-psu"
                + " (dmitry, DONE)]"), printed);
        assertTrue(printed.contains("to dmitry.sokolov@nordtel.example: Task \"spare-psu\""), printed);
        assertTrue(printed.contains("Hash chain verified: all 22 entries intact."), printed);
        assertTrue(printed.contains("Time recorded on the request: 215 min, by function [C/03.6 215 min]"), printed);
        for (String consumer : List.of("the listener", "the event sink")) {
            assertTrue(printed.contains("Domain events received by " + consumer + ": 22, 22 distinct event ids, one "
                    + "for every journal entry, in journal order"), printed);
        }
        assertTrue(printed.contains("suggested: FAQ faq-forwarding «Как настроить переадресацию звонков на мобильный "
                + "телефон?»"), printed);
        assertTrue(printed.contains("Чтобы отменить переадресацию, наберите #21#."), printed);
        assertTrue(printed.contains("it solved the problem at the first contact; the request is RESOLVED"), printed);
        assertTrue(printed.contains("1 request(s) solved at the first contact, first-contact resolution rate 50 %"), printed);
        assertTrue(printed.contains("priority CRITICAL, emergency yes: text mentions 'полностью не работает'"),
                printed);
        assertTrue(printed.contains("Installation works \"Установка АТС в новом филиале\": agreed by [commissioning,"
                + " installation], moved once, SIGNED_OFF (АТС установлена и запущена)."), printed);
        int agreed = printed.indexOf("Согласовано время работ по заявке «Установка АТС в новом филиале»");
        int moved = printed.indexOf("Перенесено время работ по заявке «Установка АТС в новом филиале»");
        assertTrue(agreed > 0 && moved > agreed, "the customer gets both messages in Russian: " + printed);
        assertTrue(printed.contains("Failure register, March 2026: 1 failure(s); by model {NT-PSU 300W=1}; by cause"
                + " {power.psu=1}; MTBF [NT-PSU 300W 744 h]"), printed);
        assertTrue(printed.contains("Quality of group telephony, March 2026 (D/02.7): score "), printed);
        assertTrue(printed.contains("resolution deadlines met in time"), printed);
    }

    @Test
    @DisplayName("a second run over the same data directory sees the first run's request")
    void secondRunSeesTheFirst() {
        ChainVerification[] result = new ChainVerification[1];
        assertTrue(run(result).contains("holds 0 request(s) from earlier runs"));
        String second = run(result);
        assertTrue(second.contains("holds 6 request(s) from earlier runs"), second);
        assertTrue(result[0].intact());
    }

    @Test
    @DisplayName("the demo writes the month's group report as PDF (charts, Cyrillic) and XLSX (typed cells) and prints their paths")
    void reportFiles() throws Exception {
        ChainVerification[] result = new ChainVerification[1];
        String printed = run(result);
        Path reports = data.resolve("reports");
        Path pdf = reports.resolve("group-metrics-2026-03.pdf");
        Path xlsx = reports.resolve("group-metrics-2026-03.xlsx");
        Path evaluation = reports.resolve("group-evaluation-2026-03.pdf");
        assertTrue(printed.contains("Reports written: " + pdf.toAbsolutePath() + ", " + xlsx.toAbsolutePath() + ", "
                + evaluation.toAbsolutePath()), printed);

        List<String> keys;
        try (ReadableWorkbook workbook = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals("Группа", rows.get(0).getCell(0).asString());
            assertEquals("Решено", rows.get(0).getCell(3).asString());
            List<Row> current = rows.stream().skip(1).filter(r -> "текущий".equals(r.getCell(1).asString())).toList();
            assertEquals(1, current.size(), "the group's row of this month");
            assertEquals("telephony", current.get(0).getCell(0).asString());
            for (Row row : current) {
                assertEquals(CellType.NUMBER, row.getCell(2).getType(), "received is a number");
                assertEquals(CellType.NUMBER, row.getCell(3).getType(), "resolved is a number");
            }
            keys = current.stream().map(r -> r.getCell(0).asString()).toList();
            assertTrue(current.stream().anyMatch(r -> r.getCell(3).asNumber().intValue() > 0),
                    "the group resolved requests this month");
        }

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Показатели по заявкам"), text);
            assertTrue(text.contains("01.03.2026 – 31.03.2026"), "the month in Moscow time: " + text);
            keys.forEach(k -> assertTrue(text.contains(k), k + " in " + text));
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 72);
            Path png = Files.createDirectories(Path.of("target", "rendered")).resolve("demo-group-metrics.png");
            ImageIO.write(page, "png", png.toFile());
            assertTrue(saturatedPixels(page) > 500, "the charts' coloured bars are drawn on the first page");
        }
        try (PDDocument document = Loader.loadPDF(evaluation.toFile())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Оценка качества: telephony"), text);
            assertTrue(text.contains("first-response") && text.contains("satisfaction"), text);
        }
    }

    /** Pixels of a clear colour (not white, grey or black): what the charts draw and text does not. */
    private static int saturatedPixels(BufferedImage image) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    count++;
                }
            }
        }
        return count;
    }
}
