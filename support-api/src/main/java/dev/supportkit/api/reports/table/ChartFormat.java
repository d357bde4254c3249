package dev.supportkit.api.reports.table;

/** The image formats a single {@link ReportChart} is written to. */
public enum ChartFormat {
    /** A raster image. */
    PNG,
    /** A vector image (SVG 1.1 XML). */
    SVG;

    /**
     * Returns the file extension without the dot, e.g. {@code svg}.
     *
     * @return the file extension without the dot
     */
    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns the MIME type of the format.
     *
     * @return the MIME type
     */
    public String mediaType() {
        return this == PNG ? "image/png" : "image/svg+xml";
    }
}
