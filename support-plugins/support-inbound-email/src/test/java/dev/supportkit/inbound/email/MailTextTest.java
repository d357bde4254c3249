package dev.supportkit.inbound.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** HTML reduced to text; quoted history, quoted lines and signatures trimmed. */
class MailTextTest {
    @Test
    void htmlBecomesTextWithoutQuotes() {
        assertEquals("Привет, мир\nВторая строка", MailText.trimQuoted(MailText.htmlToText(
                "<html><head><style>p{}</style></head><body><p>Привет, <b>мир</b></p><div>Вторая&nbsp;строка</div>"
                        + "<div class=\"gmail_quote\">On Monday X wrote:<blockquote>old</blockquote></div></body></html>")));
    }

    @Test
    void historyAndSignatureTrimmed() {
        assertEquals("Спасибо, заработало.", MailText.trimQuoted("Спасибо, заработало.\n\n"
                + "12.03.2026, 10:00, Support <support@desk.example> пишет:\n> Перезагрузите АТС\n"));
        assertEquals("Fixed, thanks.\nOne more line", MailText.trimQuoted("Fixed, thanks.\n> quoted\nOne more line\n"
                + "-- \nIvan"));
        assertEquals("Top\n\nreply", MailText.trimQuoted("Top\n\nreply\n\n-----Original Message-----\nFrom: a\nold"));
    }

    @Test
    void onlyQuotedTextIsKeptAsItWas() {
        assertEquals("> only a quote", MailText.trimQuoted("> only a quote"));
    }
}
