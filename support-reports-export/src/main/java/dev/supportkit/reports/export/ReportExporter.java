package dev.supportkit.reports.export;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.reports.table.ChartFormat;
import dev.supportkit.api.reports.table.ExportFormat;
import dev.supportkit.api.reports.table.ReportChart;
import dev.supportkit.api.reports.table.ReportTable;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes reports to files: a {@link ReportTable} as CSV, XLSX or PDF with its charts, a {@link ReportChart} alone as
 * PNG or SVG.
 *
 * <p>Rows are streamed from {@link ReportTable#rows()} to the output and never collected: CSV and XLSX write each row
 * as it comes (a workbook starts a further sheet when one holds Excel's 1,048,576 rows), PDF lays rows out page by page
 * and keeps finished pages in a temporary file. Every value is checked against its column's type; a wrong one stops
 * the export with a {@link ValidationException} naming the row and column ({@code rows[41].resolved}), and what was
 * written until then is incomplete.
 *
 * <p>CSV is RFC 4180 in UTF-8 (optionally with a byte order mark for Excel), its header the column titles, its values
 * locale-neutral: numbers with a dot, dates ISO-8601, instants ISO-8601 with the offset of the exporter's zone,
 * durations ISO-8601 ({@code PT1H30M}), null as an empty field. XLSX cells are typed (numbers, dates, durations with
 * Excel number formats); the charts' data goes on a sheet of its own. PDF shows values in the exporter's locale
 * (Russian or English) and zone, in DejaVu Sans (embedded, Cyrillic included) unless another font is given.
 *
 * <p>An exporter is immutable and may be shared between threads. It flushes but never closes the streams it is given,
 * and it closes each {@link ReportTable#rows()} stream it opens; the caller closes the table.
 */
public final class ReportExporter {
    /** The most data rows of one XLSX sheet: Excel's limit less the header row. */
    public static final int MAX_ROWS_PER_SHEET = XlsxExport.EXCEL_MAX_ROWS - 1;
    /** The largest width or height of a chart image, in pixels. */
    public static final int MAX_CHART_SIZE = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(ReportExporter.class);
    private static final Set<String> LANGUAGES = Set.of("ru", "en");

    private final Locale locale;
    private final ZoneId zone;
    private final PageSize pageSize;
    private final Fonts fonts;
    private final boolean csvByteOrderMark;
    private final int rowsPerSheet;
    private final Clock clock;

    private ReportExporter(Builder builder, Fonts fonts) {
        this.locale = builder.locale;
        this.zone = builder.zone;
        this.pageSize = builder.pageSize;
        this.fonts = fonts;
        this.csvByteOrderMark = builder.csvByteOrderMark;
        this.rowsPerSheet = builder.rowsPerSheet;
        this.clock = builder.clock;
    }

    /**
     * Starts a builder with the defaults: Russian, UTC, A4 landscape, DejaVu Sans, CSV without a byte order mark.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns an exporter with the defaults of {@link #builder()}.
     *
     * @return an exporter
     */
    public static ReportExporter defaults() {
        return builder().build();
    }

    /**
     * Writes a table in a format to a stream; flushes the stream and leaves it open.
     *
     * @param table  the report; its rows are read once
     * @param format CSV, XLSX or PDF
     * @param out    where the file goes
     * @throws ValidationException naming {@code table}, {@code format} or {@code out} when missing, or the row and
     *                             column of a value of the wrong type
     * @throws IOException         when writing fails
     */
    public void export(ReportTable table, ExportFormat format, OutputStream out) throws IOException {
        List<FieldError> errors = new ArrayList<>();
        required(table, "table", errors);
        required(format, "format", errors);
        required(out, "out", errors);
        throwIfAny(errors);
        Values values = new Values(locale, zone);
        long rows = switch (format) {
            case CSV -> CsvExport.write(table, values, csvByteOrderMark, out);
            case XLSX -> XlsxExport.write(table, values, rowsPerSheet, out);
            case PDF -> new PdfExport(values, pageSize, fonts, clock).write(table, out);
        };
        out.flush();
        LOG.debug("exported '{}' as {}: {} rows", table.title(), format, rows);
    }

    /**
     * Writes a table to a file, replacing it; the file name is the caller's (see {@link ExportFormat#extension()}).
     *
     * @param table  the report
     * @param format CSV, XLSX or PDF
     * @param file   the file to write
     * @throws ValidationException as {@link #export(ReportTable, ExportFormat, OutputStream)}, or naming {@code file}
     * @throws IOException         when writing fails
     */
    public void export(ReportTable table, ExportFormat format, Path file) throws IOException {
        if (file == null) {
            throw new ValidationException(List.of(new FieldError("file", "required", "is required")));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            export(table, format, out);
        }
    }

    /**
     * Draws one chart as an image; flushes the stream and leaves it open.
     *
     * @param chart  the chart
     * @param format PNG or SVG
     * @param width  the image width in pixels, 1 to {@value #MAX_CHART_SIZE}
     * @param height the image height in pixels, 1 to {@value #MAX_CHART_SIZE}
     * @param out    where the image goes
     * @throws ValidationException naming {@code chart}, {@code format}, {@code width}, {@code height} or {@code out}
     *                             and the rule broken, all at once
     * @throws IOException         when writing fails
     */
    public void chart(ReportChart chart, ChartFormat format, int width, int height, OutputStream out)
            throws IOException {
        List<FieldError> errors = new ArrayList<>();
        required(chart, "chart", errors);
        required(format, "format", errors);
        size(width, "width", errors);
        size(height, "height", errors);
        required(out, "out", errors);
        throwIfAny(errors);
        Chart<?, ?> drawn = Charts.build(chart, width, height, fonts);
        OutputStream open = new Unclosed(out);
        if (format == ChartFormat.PNG) {
            BufferedImage image = Charts.image(drawn, 1);
            if (!ImageIO.write(image, "png", open)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } else {
            ByteArrayOutputStream svg = new ByteArrayOutputStream();
            VectorGraphicsEncoder.saveVectorGraphic(drawn, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            open.write(Charts.titledSvg(svg.toString(StandardCharsets.UTF_8), chart).getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
    }

    private static void required(Object value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "required", "is required"));
        }
    }

    private static void size(int value, String field, List<FieldError> errors) {
        if (value < 1 || value > MAX_CHART_SIZE) {
            errors.add(new FieldError(field, "range", "must be 1 to " + MAX_CHART_SIZE + " pixels, got " + value));
        }
    }

    private static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * Returns the locale numbers and dates are shown in.
     *
     * @return the locale, Russian or English
     */
    public Locale locale() {
        return locale;
    }

    /**
     * Returns the zone instants are shown in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return zone;
    }

    /**
     * Returns the PDF paper.
     *
     * @return the page size
     */
    public PageSize pageSize() {
        return pageSize;
    }

    /** Sets up a {@link ReportExporter}; {@link #build()} checks every setting at once. */
    public static final class Builder {
        private Locale locale = Locale.forLanguageTag("ru");
        private ZoneId zone = ZoneOffset.UTC;
        private String zoneText;
        private PageSize pageSize = PageSize.A4_LANDSCAPE;
        private Path font;
        private boolean csvByteOrderMark;
        private int rowsPerSheet = MAX_ROWS_PER_SHEET;
        private Clock clock = Clock.systemUTC(); // the one place the system clock is chosen

        private Builder() {
        }

        /**
         * Sets the language of number and date formats and of the PDF's own words: Russian ({@code ru}) or English
         * ({@code en}); the country part is kept ({@code ru-RU}). Default Russian.
         *
         * @param locale a Russian or English locale
         * @return this builder
         */
        public Builder locale(Locale locale) {
            this.locale = locale;
            return this;
        }

        /**
         * Sets the zone instants are shown in. Default UTC.
         *
         * @param zone the zone
         * @return this builder
         */
        public Builder zone(ZoneId zone) {
            this.zone = zone;
            this.zoneText = null;
            return this;
        }

        /**
         * Sets the zone instants are shown in by its id, e.g. {@code Europe/Moscow}; checked by {@link #build()}.
         *
         * @param zoneId the zone id
         * @return this builder
         */
        public Builder zone(String zoneId) {
            this.zoneText = zoneId == null ? "" : zoneId;
            return this;
        }

        /**
         * Sets the PDF paper. Default A4 landscape.
         *
         * @param pageSize the page size
         * @return this builder
         */
        public Builder pageSize(PageSize pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        /**
         * Uses another TrueType or OpenType font file for the PDF text and the charts (regular and bold), e.g. one
         * with more scripts than DejaVu Sans. Default: the bundled DejaVu Sans.
         *
         * @param font a readable {@code .ttf} or {@code .otf} file, or {@code null} for the bundled font
         * @return this builder
         */
        public Builder font(Path font) {
            this.font = font;
            return this;
        }

        /**
         * Starts CSV files with a UTF-8 byte order mark, which Excel needs to read them as UTF-8. Default off.
         *
         * @param byteOrderMark whether to write the mark
         * @return this builder
         */
        public Builder csvByteOrderMark(boolean byteOrderMark) {
            this.csvByteOrderMark = byteOrderMark;
            return this;
        }

        /**
         * Sets how many data rows an XLSX sheet takes before a further sheet starts. Default and maximum
         * {@value ReportExporter#MAX_ROWS_PER_SHEET}, Excel's limit.
         *
         * @param rows 1 to {@value ReportExporter#MAX_ROWS_PER_SHEET}
         * @return this builder
         */
        public Builder rowsPerSheet(int rows) {
            this.rowsPerSheet = rows;
            return this;
        }

        /**
         * Sets the clock of the "written at" line of PDFs. Default the system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Checks every setting and builds the exporter.
         *
         * @return the exporter
         * @throws ValidationException naming {@code locale}, {@code zone}, {@code pageSize}, {@code font},
         *                             {@code rowsPerSheet} or {@code clock} and the rule broken, all at once
         */
        public ReportExporter build() {
            List<FieldError> errors = new ArrayList<>();
            if (locale == null) {
                errors.add(new FieldError("locale", "required", "is required"));
            } else if (!LANGUAGES.contains(locale.getLanguage())) {
                errors.add(new FieldError("locale", "supported",
                        "must be Russian (ru) or English (en), got '" + locale.toLanguageTag() + "'"));
            }
            if (zoneText != null) {
                try {
                    zone = ZoneId.of(zoneText);
                } catch (DateTimeException e) {
                    errors.add(new FieldError("zone", "format",
                            "must be a zone id such as Europe/Moscow or +03:00, got '" + zoneText + "'"));
                }
            } else if (zone == null) {
                errors.add(new FieldError("zone", "required", "is required"));
            }
            required(pageSize, "pageSize", errors);
            required(clock, "clock", errors);
            if (rowsPerSheet < 1 || rowsPerSheet > MAX_ROWS_PER_SHEET) {
                errors.add(new FieldError("rowsPerSheet", "range",
                        "must be 1 to " + MAX_ROWS_PER_SHEET + ", got " + rowsPerSheet));
            }
            Fonts fonts = font == null ? Fonts.bundled() : readFont(font, errors);
            throwIfAny(errors);
            return new ReportExporter(this, Objects.requireNonNull(fonts));
        }

        private static Fonts readFont(Path file, List<FieldError> errors) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                errors.add(new FieldError("font", "readable", "must be a readable file, got '" + file + "'"));
                return null;
            }
            if (!name.endsWith(".ttf") && !name.endsWith(".otf")) {
                errors.add(new FieldError("font", "format", "must be a .ttf or .otf file, got '" + file + "'"));
                return null;
            }
            try {
                byte[] bytes = Files.readAllBytes(file);
                return new Fonts(bytes, bytes);
            } catch (IOException | IllegalArgumentException e) {
                errors.add(new FieldError("font", "format",
                        "must be a TrueType or OpenType font, '" + file + "' is not: " + e.getMessage()));
                return null;
            }
        }
    }
}
