package dev.supportkit.reports.export;

import dev.supportkit.api.reports.table.ChartKind;
import dev.supportkit.api.reports.table.ChartSeries;
import dev.supportkit.api.reports.table.ReportChart;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** Draws a {@link ReportChart} with XChart in the exporter's font and a fixed series palette. */
final class Charts {
    /** The series colours, in order (a pie's slices take them in turn). */
    static final Color[] PALETTE = {
        new Color(0x1F77B4), new Color(0xFF7F0E), new Color(0x2CA02C), new Color(0xD62728),
        new Color(0x9467BD), new Color(0x8C564B), new Color(0xE377C2), new Color(0x17BECF),
    };
    private static final int ROTATE_LABELS_ABOVE = 8;

    private Charts() {
    }

    /**
     * Builds the XChart chart for a spec.
     *
     * @param fonts the fonts; sizes are derived from them
     */
    static Chart<?, ?> build(ReportChart spec, int width, int height, Fonts fonts) {
        Font font = fonts.awt();
        if (spec.kind() == ChartKind.PIE) {
            PieChart chart = new PieChart(width, height);
            chart.setTitle(spec.title());
            Set<String> names = new HashSet<>();
            ChartSeries series = spec.series().get(0);
            for (int i = 0; i < spec.categories().size(); i++) {
                chart.addSeries(distinct(names, spec.categories().get(i)), series.values().get(i));
            }
            style(chart.getStyler(), fonts);
            chart.getStyler().setLabelsFont(font.deriveFont(11f));
            chart.getStyler().setLabelsVisible(true);
            return chart;
        }
        CategoryChart chart = new CategoryChart(width, height);
        chart.setTitle(spec.title());
        chart.setXAxisTitle(spec.xTitle());
        chart.setYAxisTitle(spec.yTitle());
        chart.getStyler().setDefaultSeriesRenderStyle(spec.kind() == ChartKind.LINE
                ? CategorySeries.CategorySeriesRenderStyle.Line : CategorySeries.CategorySeriesRenderStyle.Bar);
        Set<String> names = new HashSet<>();
        for (ChartSeries series : spec.series()) {
            chart.addSeries(distinct(names, series.name()), spec.categories(), series.values());
        }
        style(chart.getStyler(), fonts);
        axes(chart.getStyler(), font, spec.categories().size());
        return chart;
    }

    private static void style(Styler styler, Fonts fonts) {
        Font font = fonts.awt();
        styler.setSeriesColors(PALETTE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderVisible(false);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxBackgroundColor(Color.WHITE);
        styler.setChartTitleBoxBorderColor(Color.WHITE);
        styler.setChartFontColor(Color.DARK_GRAY);
        styler.setBaseFont(font.deriveFont(11f));
        styler.setChartTitleFont(fonts.awtBold().deriveFont(14f));
        styler.setLegendFont(font.deriveFont(11f));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setAntiAlias(true);
    }

    private static void axes(AxesChartStyler styler, Font font, int categories) {
        styler.setAxisTitleFont(font.deriveFont(11f));
        styler.setAxisTickLabelsFont(font.deriveFont(10f));
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setPlotGridLinesColor(new Color(0xE0E0E0));
        styler.setAxisTickMarksColor(Color.GRAY);
        if (categories > ROTATE_LABELS_ABOVE) {
            styler.setXAxisLabelRotation(45);
        }
    }

    /** XChart needs distinct series names: a repeated one gets " (2)", " (3)" … */
    private static String distinct(Set<String> used, String name) {
        String candidate = name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = name + " (" + n + ")";
        }
        return candidate;
    }

    /**
     * XChart's SVG with its DOCTYPE (which names a DTD on the web) dropped and the chart's title and series as the
     * document's {@code <title>} and {@code <desc>}: XChart draws text as shapes, so this is where the words are.
     */
    static String titledSvg(String svg, ReportChart spec) {
        String text = svg.replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        int root = text.indexOf("<svg");
        int end = root < 0 ? -1 : text.indexOf('>', root);
        if (end < 0) {
            throw new IllegalStateException("XChart wrote no <svg> element");
        }
        StringBuilder series = new StringBuilder();
        for (ChartSeries s : spec.series()) {
            series.append(series.length() == 0 ? "" : "; ").append(s.name());
        }
        return text.substring(0, end + 1) + "\n  <title>" + xml(spec.title()) + "</title>\n  <desc>" + xml(series.toString())
                + "</desc>" + text.substring(end + 1);
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Paints a chart into an opaque image {@code scale} times its size (crisp in a PDF).
     *
     * @param scale pixels per chart unit, e.g. 2
     */
    static BufferedImage image(Chart<?, ?> chart, int scale) {
        BufferedImage image = new BufferedImage(chart.getWidth() * scale, chart.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return image;
    }
}
