package dev.supportkit.notify.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Which bodies count as HTML, and their plain-text rendering. */
class EmailContentTest {
    @Test
    @DisplayName("common tags make a body HTML; angle brackets in plain text do not")
    void detection() {
        assertTrue(EmailContent.looksLikeHtml("<p>Привет</p>"));
        assertTrue(EmailContent.looksLikeHtml("Строка<br/>строка"));
        assertTrue(EmailContent.looksLikeHtml("<a href=\"https://example.com\">ссылка</a>"));
        assertFalse(EmailContent.looksLikeHtml("Ответ на <ваш вопрос> и 2 < 3 > 1"));
        assertFalse(EmailContent.looksLikeHtml("Пишите на <support@example.com>"));
        assertFalse(EmailContent.looksLikeHtml(""));
    }

    @Test
    @DisplayName("blocks and breaks become lines, lists dashes, entities characters; scripts vanish")
    void plainText() {
        assertEquals("Заголовок\n\nПункты:\n\n- один\n- два\n\nA & B <ok> \"q\" ' x € 😀",
                EmailContent.htmlToText("<html><head><style>p{}</style></head><body><h1>Заголовок</h1>"
                        + "<p>Пункты:<ul><li>один</li><li>два</li></ul></p><script>alert(1)</script>"
                        + "A &amp; B &lt;ok&gt; &quot;q&quot; &#39; x &#8364; &#x1F600;</body></html>"));
    }
}
