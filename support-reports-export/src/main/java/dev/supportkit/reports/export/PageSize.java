package dev.supportkit.reports.export;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/** The paper of the PDF export. */
public enum PageSize {
    /** ISO A4 portrait, 210 × 297 mm. */
    A4(PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight()),
    /** ISO A4 landscape, 297 × 210 mm: room for wide tables. */
    A4_LANDSCAPE(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()),
    /** US Letter portrait, 8.5 × 11 in. */
    LETTER(PDRectangle.LETTER.getWidth(), PDRectangle.LETTER.getHeight()),
    /** US Letter landscape, 11 × 8.5 in. */
    LETTER_LANDSCAPE(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());

    private final float width;
    private final float height;

    PageSize(float width, float height) {
        this.width = width;
        this.height = height;
    }

    /** The page rectangle in PDF points. */
    PDRectangle rectangle() {
        return new PDRectangle(width, height);
    }
}
