package dev.supportkit.crm.common;

/** Cuts texts to a CRM's limit, saying so in the text itself. */
public final class CrmTexts {
    private CrmTexts() {
    }

    /**
     * Cuts a text to at most {@code max} characters (never inside a surrogate pair), ending it with a note of how
     * much was kept.
     *
     * @param text the text
     * @param max  the CRM's limit in characters, at least 100
     * @return the text, or its cut form
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        String note = "\n[… cut by SupportKit: the CRM keeps at most " + max + " characters, the full text has "
                + text.length() + "; see the request's journal]";
        int keep = Math.max(0, max - note.length());
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + note;
    }
}
