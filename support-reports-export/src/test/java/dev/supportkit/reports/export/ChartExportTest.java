package dev.supportkit.reports.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.reports.table.ChartFormat;
import dev.supportkit.api.reports.table.ReportChart;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartExportTest {
    private final ReportExporter exporter = ReportExporter.defaults();

    private byte[] chart(ReportChart chart, ChartFormat format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.chart(chart, format, width, height, out);
        return out.toByteArray();
    }

    @Test
    @DisplayName("a chart as PNG decodes at the requested size and shows its series colours")
    void png() throws IOException {
        for (ReportChart chart : List.of(Samples.barChart(), Samples.lineChart(), Samples.pieChart())) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(chart(chart, ChartFormat.PNG, 640, 360)));
            assertEquals(640, image.getWidth(), chart.title());
            assertEquals(360, image.getHeight(), chart.title());
            int rgb = Charts.PALETTE[0].getRGB();
            long first = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    first += image.getRGB(x, y) == rgb ? 1 : 0;
                }
            }
            assertTrue(first > 100, chart.title() + ": pixels of the first series colour: " + first);
        }
    }

    @Test
    @DisplayName("a chart as SVG is well-formed XML of the requested size carrying the chart's title")
    void svg() throws Exception {
        byte[] svg = chart(Samples.barChart(), ChartFormat.SVG, 800, 400);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // the SVG 1.1 DOCTYPE names the W3C's DTD: parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        assertEquals("svg", document.getDocumentElement().getLocalName());
        assertEquals("http://www.w3.org/2000/svg", document.getDocumentElement().getNamespaceURI());
        assertTrue(new String(svg, StandardCharsets.UTF_8).startsWith("<?xml"), "an XML document");
        NodeList titles = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title");
        assertEquals(1, titles.getLength());
        assertEquals("Решено по специалистам", titles.item(0).getTextContent());
        assertEquals("Решено; Получено",
                document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "desc").item(0).getTextContent());
        NodeList paths = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "path");
        assertTrue(paths.getLength() > 20, "bars, axes and lettering drawn as paths: " + paths.getLength());
        assertTrue(new String(svg, StandardCharsets.UTF_8).contains("fill:rgb(31,119,180)"),
                "the first series in its palette colour");
        String width = document.getDocumentElement().getAttribute("width");
        assertTrue(width.startsWith("800"), "width " + width);
    }
}
