package dev.supportkit.inbound.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Safelist;

/** A message body as a contact's text: HTML reduced to text, quoted history and signature trimmed. */
final class MailText {
    /** Where quoted history starts: a reply header of a mail program (English and Russian) or a forward marker. */
    private static final List<Pattern> HISTORY = List.of(
            Pattern.compile("^-{2,}\\s*(Original Message|Исходное сообщение|Forwarded message|Пересылаемое сообщение)"
                    + "\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^On .{1,200} wrote:\\s*$"),
            Pattern.compile("^.{1,200}(пишет|написал|написала|написал\\(а\\)):\\s*$"),
            Pattern.compile("^_{20,}\\s*$"),
            Pattern.compile("^(From|От|Von): .+$"));
    private static final Pattern SIGNATURE = Pattern.compile("^-- ?$");

    private MailText() {
    }

    /**
     * Reduces HTML to text with line breaks where blocks end; quoted blocks ({@code blockquote}, the quotes of
     * Gmail, Yandex and Outlook) are left out.
     *
     * @param html the HTML
     * @return the text
     */
    static String htmlToText(String html) {
        Document document = Jsoup.parse(html);
        document.select("blockquote, div.gmail_quote, div.yandex_quote, div#divRplyFwdMsg, div#appendonsend, "
                + "style, script, head").remove();
        document.outputSettings(new Document.OutputSettings().prettyPrint(false));
        document.select("br").after("\\n");
        document.select("p, div, li, tr, h1, h2, h3, h4, h5, h6, pre").before("\\n");
        String marked = document.body() == null ? document.html() : document.body().html();
        String cleaned = Jsoup.clean(marked.replace("\\n", "\n"), "", Safelist.none(),
                new Document.OutputSettings().prettyPrint(false));
        return Parser.unescapeEntities(cleaned, false).replace('\u00a0', ' ');
    }

    /**
     * Trims quoted history, the signature and blank lines at both ends; keeps the text as it was when nothing
     * would remain.
     *
     * @param text a plain-text body
     * @return the new words of the message
     */
    static String trimQuoted(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            String stripped = line.strip();
            if (SIGNATURE.matcher(line).matches() || HISTORY.stream().anyMatch(p -> p.matcher(stripped).matches())
                    && !kept.isEmpty()) {
                break;
            }
            if (stripped.startsWith(">")) {
                continue; // a quoted line, also between the sender's own lines
            }
            kept.add(line.stripTrailing());
        }
        String result = String.join("\n", kept).strip().replaceAll("\n{3,}", "\n\n");
        return result.isEmpty() ? text.strip() : result;
    }
}
