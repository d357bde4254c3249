package dev.supportkit.reports.export;

import dev.supportkit.api.reports.table.ColumnType;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportColumn;
import dev.supportkit.api.reports.table.ReportTable;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Writes a table as PDF: a title page with the title, subtitle and time of writing, the charts as images at twice
 * their size, then the table paged with its header repeated on each page. Pages are written to a temporary file as
 * they fill (PDFBox's temp-file stream cache), so the heap holds one page of rows at a time.
 */
final class PdfExport {
    /** Pixels per point of the chart images. */
    static final int CHART_SCALE = 2;
    private static final float MARGIN = 36;
    private static final float TITLE_SIZE = 22;
    private static final float SUBTITLE_SIZE = 13;
    private static final float SMALL_SIZE = 8;
    private static final float CELL_SIZE = 8.5f;
    private static final float CELL_PAD = 3;
    private static final float LEADING = 1.25f;
    private static final int CELL_LINES = 4;
    private static final int HEADER_LINES = 3;
    private static final Color HEADER_FILL = new Color(0xDD, 0xEB, 0xF7);
    private static final Color ZEBRA_FILL = new Color(0xF5, 0xF7, 0xFA);
    private static final Color RULE = new Color(0xC8, 0xCE, 0xD6);
    private static final Color MUTED = new Color(0x60, 0x60, 0x60);

    private final Values values;
    private final PageSize pageSize;
    private final Fonts fonts;
    private final Clock clock;

    private PDDocument document;
    private PdfText regular;
    private PdfText bold;
    private PDPageContentStream content;
    private float y;
    private int pageNumber;
    private String runningHead;

    PdfExport(Values values, PageSize pageSize, Fonts fonts, Clock clock) {
        this.values = values;
        this.pageSize = pageSize;
        this.fonts = fonts;
        this.clock = clock;
    }

    /** Writes the document to {@code out} (not closed). @return the number of rows written */
    long write(ReportTable table, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            document = doc;
            return write(doc, table, out);
        } finally {
            content = null;
            document = null;
            pageNumber = 0;
            runningHead = null;
        }
    }

    private long write(PDDocument doc, ReportTable table, OutputStream out) throws IOException {
        try {
            regular = new PdfText(PDType0Font.load(doc, new ByteArrayInputStream(fonts.regular()), true));
            bold = fonts.bold() == fonts.regular() ? regular
                    : new PdfText(PDType0Font.load(doc, new ByteArrayInputStream(fonts.bold()), true));
            Instant now = clock.instant();
            info(doc, table, now);
            titlePage(table, now);
            for (ReportChart chart : table.charts()) {
                chart(chart);
            }
            long rows = table(table);
            finishPage();
            doc.save(new Unclosed(out));
            return rows;
        } finally {
            finishPage();
        }
    }

    private void info(PDDocument doc, ReportTable table, Instant now) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(table.title());
        table.subtitle().ifPresent(info::setSubject);
        info.setCreator("SupportKit");
        info.setProducer("SupportKit support-reports-export (Apache PDFBox, XChart)");
        Calendar created = GregorianCalendar.from(now.atZone(values.zone()));
        info.setCreationDate(created);
    }

    private boolean russian() {
        return Values.russian(values.locale());
    }

    private PDRectangle box() {
        return pageSize.rectangle();
    }

    private float contentWidth() {
        return box().getWidth() - 2 * MARGIN;
    }

    private float top() {
        return box().getHeight() - MARGIN;
    }

    private float bottom() {
        return MARGIN + SMALL_SIZE * 2;
    }

    private void newPage() throws IOException {
        finishPage();
        PDPage page = new PDPage(box());
        document.addPage(page);
        content = new PDPageContentStream(document, page, PDPageContentStream.AppendMode.OVERWRITE, true);
        pageNumber++;
        y = top();
        if (runningHead != null) {
            text(regular, SMALL_SIZE, MUTED, MARGIN, y - SMALL_SIZE, regular.safe(runningHead));
            y -= SMALL_SIZE * 2.5f;
        }
        String number = regular.safe((russian() ? "стр. " : "page ") + pageNumber);
        text(regular, SMALL_SIZE, MUTED, box().getWidth() - MARGIN - regular.width(number, SMALL_SIZE),
                MARGIN - SMALL_SIZE / 2, number);
    }

    private void finishPage() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }

    private void text(PdfText font, float size, Color color, float x, float baseline, String safeText)
            throws IOException {
        if (safeText.isEmpty()) {
            return;
        }
        content.beginText();
        content.setFont(font.font, size);
        content.setNonStrokingColor(color);
        content.newLineAtOffset(x, baseline);
        content.showText(safeText);
        content.endText();
    }

    private void fill(Color color, float x, float bottomY, float width, float height) throws IOException {
        content.setNonStrokingColor(color);
        content.addRect(x, bottomY, width, height);
        content.fill();
    }

    private void rule(float x, float lineY, float width) throws IOException {
        content.setStrokingColor(RULE);
        content.setLineWidth(0.5f);
        content.moveTo(x, lineY);
        content.lineTo(x + width, lineY);
        content.stroke();
    }

    private void paragraph(PdfText font, float size, Color color, String text) throws IOException {
        for (String line : font.wrap(text, size, contentWidth(), 6)) {
            y -= size * LEADING;
            text(font, size, color, MARGIN, y, line);
        }
    }

    private void titlePage(ReportTable table, Instant now) throws IOException {
        newPage();
        y -= TITLE_SIZE;
        paragraph(bold, TITLE_SIZE, Color.BLACK, table.title());
        if (table.subtitle().isPresent()) {
            y -= SUBTITLE_SIZE * 0.5f;
            paragraph(regular, SUBTITLE_SIZE, Color.DARK_GRAY, table.subtitle().get());
        }
        y -= SMALL_SIZE;
        paragraph(regular, 10, MUTED, (russian() ? "Сформирован: " : "Written: ")
                + values.display(ColumnType.INSTANT, now) + " (" + values.zone().getId() + ")");
        y -= 18;
        runningHead = table.title() + table.subtitle().map(s -> " — " + s).orElse("");
    }

    /** Places a chart below the cursor, on a new page when it does not fit. */
    private void chart(ReportChart spec) throws IOException {
        float pageContentHeight = top() - bottom() - SMALL_SIZE * 2.5f;
        int width = (int) contentWidth();
        int height = (int) Math.min(contentWidth() * 0.5f, pageContentHeight / 2 - 12);
        if (y - height < bottom()) {
            newPage();
        }
        Chart<?, ?> chart = Charts.build(spec, width, height, fonts);
        PDImageXObject image = LosslessFactory.createFromImage(document, Charts.image(chart, CHART_SCALE));
        y -= height;
        content.drawImage(image, MARGIN, y, width, height);
        y -= 12;
    }

    /** The table's columns: widths by type, scaled to the page; numbers right-aligned. */
    private record Layout(List<ReportColumn> columns, float[] x, float[] width, boolean[] right) {
        static Layout of(List<ReportColumn> columns, float left, float total) {
            float[] weights = new float[columns.size()];
            float sum = 0;
            for (int c = 0; c < weights.length; c++) {
                weights[c] = switch (columns.get(c).type()) {
                    case TEXT -> 3f;
                    case INSTANT -> 1.7f;
                    case DATE, DURATION -> 1.3f;
                    default -> 1.1f;
                };
                sum += weights[c];
            }
            float[] x = new float[weights.length];
            float[] width = new float[weights.length];
            boolean[] right = new boolean[weights.length];
            float at = left;
            for (int c = 0; c < weights.length; c++) {
                x[c] = at;
                width[c] = total * weights[c] / sum;
                at += width[c];
                ColumnType type = columns.get(c).type();
                right[c] = type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.PERCENT
                        || type == ColumnType.DURATION;
            }
            return new Layout(columns, x, width, right);
        }
    }

    private long table(ReportTable table) throws IOException {
        Layout layout = Layout.of(table.columns(), MARGIN, contentWidth());
        List<ReportColumn> columns = table.columns();
        newPage();
        header(layout);
        long index = 0;
        try (Stream<List<Object>> rows = table.rows()) {
            Iterator<List<Object>> iterator = rows.iterator();
            List<List<String>> cells = new ArrayList<>(columns.size());
            while (iterator.hasNext()) {
                List<Object> row = Values.check(iterator.next(), columns, index);
                cells.clear();
                int lines = 1;
                for (int c = 0; c < columns.size(); c++) {
                    List<String> wrapped = regular.wrap(values.display(columns.get(c).type(), row.get(c)), CELL_SIZE,
                            layout.width()[c] - 2 * CELL_PAD, CELL_LINES);
                    cells.add(wrapped);
                    lines = Math.max(lines, wrapped.size());
                }
                float height = lines * CELL_SIZE * LEADING + 2 * CELL_PAD;
                if (y - height < bottom()) {
                    newPage();
                    header(layout);
                }
                if (index % 2 == 1) {
                    fill(ZEBRA_FILL, MARGIN, y - height, contentWidth(), height);
                }
                cellsRow(regular, layout, cells, Color.BLACK);
                y -= height;
                rule(MARGIN, y, contentWidth());
                index++;
            }
        }
        y -= CELL_SIZE * 2;
        if (y < bottom()) {
            newPage();
        }
        text(regular, CELL_SIZE, MUTED, MARGIN, y, regular.safe(index == 0
                ? (russian() ? "Нет строк." : "No rows.")
                : (russian() ? "Строк: " : "Rows: ") + values.display(ColumnType.INTEGER, index)));
        return index;
    }

    private void header(Layout layout) throws IOException {
        List<List<String>> cells = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < layout.columns().size(); c++) {
            List<String> wrapped = bold.wrap(layout.columns().get(c).title(), CELL_SIZE,
                    layout.width()[c] - 2 * CELL_PAD, HEADER_LINES);
            cells.add(wrapped);
            lines = Math.max(lines, wrapped.size());
        }
        float height = lines * CELL_SIZE * LEADING + 2 * CELL_PAD;
        fill(HEADER_FILL, MARGIN, y - height, contentWidth(), height);
        cellsRow(bold, layout, cells, Color.BLACK);
        y -= height;
        rule(MARGIN, y, contentWidth());
    }

    /** Writes the lines of each cell from the cursor down; does not move the cursor. */
    private void cellsRow(PdfText font, Layout layout, List<List<String>> cells, Color color) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            float baseline = y - CELL_PAD - CELL_SIZE;
            for (String line : cells.get(c)) {
                float x = layout.right()[c]
                        ? layout.x()[c] + layout.width()[c] - CELL_PAD - font.width(line, CELL_SIZE)
                        : layout.x()[c] + CELL_PAD;
                text(font, CELL_SIZE, color, x, baseline, line);
                baseline -= CELL_SIZE * LEADING;
            }
        }
    }
}
