package dev.supportkit.notify.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MessageIdsTest {
    @Test
    @DisplayName("a plain key is used as it is; any other is sanitised and given a hash, so no two keys collide")
    void messageId() {
        assertEquals("<0b7c9f6e-1d2a-4c1e-9a55-3f1f7c1e2b00@example.com>",
                MessageIds.messageId("0b7c9f6e-1d2a-4c1e-9a55-3f1f7c1e2b00", "example.com"));
        String a = MessageIds.messageId("req 1", "example.com");
        String b = MessageIds.messageId("req_1", "example.com");
        String c = MessageIds.messageId("req/1", "example.com");
        assertEquals("<req_1@example.com>", b);
        assertTrue(a.matches("<req_1\\.[0-9a-f]{16}@example\\.com>"), a);
        assertNotEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(a, MessageIds.messageId("req 1", "example.com"), "stable");
        String longKey = "x".repeat(300);
        String id = MessageIds.messageId(longKey, "example.com");
        assertTrue(id.length() < 80, id);
        assertNotEquals(id, MessageIds.messageId(longKey + "y", "example.com"));
        assertTrue(MessageIds.messageId("<bad>\r\n@key", "example.com").matches("<[A-Za-z0-9_-]+\\.[0-9a-f]{16}@example\\.com>"));
    }

    @Test
    @DisplayName("the header value: printable ASCII as it is, anything else as a UTF-8 encoded-word")
    void headerValue() throws Exception {
        assertEquals("req-1", MessageIds.headerValue("req-1"));
        String encoded = MessageIds.headerValue("заявка\r\n42");
        assertTrue(encoded.startsWith("=?UTF-8?B?"), encoded);
        assertEquals("заявка\r\n42", MimeUtility.decodeText(MimeUtility.unfold(encoded)));
    }
}
