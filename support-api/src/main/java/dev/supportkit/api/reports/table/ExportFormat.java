package dev.supportkit.api.reports.table;

/** The file formats a whole {@link ReportTable} is exported to. */
public enum ExportFormat {
    /** Comma-separated values, RFC 4180, UTF-8. */
    CSV,
    /** An Office Open XML workbook with typed cells. */
    XLSX,
    /** A PDF document with a title page, the charts and the paged table. */
    PDF;

    /**
     * Returns the file extension without the dot, e.g. {@code xlsx}.
     *
     * @return the file extension without the dot
     */
    public String extension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Returns the MIME type of the format, e.g. for a mail attachment or an HTTP response.
     *
     * @return the MIME type
     */
    public String mediaType() {
        return switch (this) {
            case CSV -> "text/csv";
            case XLSX -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case PDF -> "application/pdf";
        };
    }
}
