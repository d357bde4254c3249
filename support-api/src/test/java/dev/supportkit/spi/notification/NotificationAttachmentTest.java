package dev.supportkit.spi.notification;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.TenantId;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Files sent with a notification: checked parts, copied bytes; a notification without files has none. */
class NotificationAttachmentTest {
    @Test
    @DisplayName("bad names, media types and sizes are refused naming the field and the rule")
    void badPartsAreRefused() {
        assertEquals(List.of("attachment.fileName characters", "attachment.mediaType format"),
                rules(() -> new NotificationAttachment("../etc/passwd", "text", new byte[1])));
        assertEquals(List.of("attachment.fileName length", "attachment.content required"),
                rules(() -> new NotificationAttachment(" ", "text/csv", null)));
        assertEquals(List.of("attachment.content size"), rules(() -> new NotificationAttachment("big.bin",
                "application/octet-stream", new byte[NotificationAttachment.MAX_BYTES + 1])));
        assertEquals(List.of("attachment.fileName characters"),
                rules(() -> new NotificationAttachment("a\nb.csv", "text/csv", new byte[1])));
    }

    @Test
    @DisplayName("the bytes are copied in and out; equal files are equal")
    void bytesAreCopied() {
        byte[] bytes = {1, 2, 3};
        NotificationAttachment file = new NotificationAttachment("Сводка.csv", "text/csv", bytes);
        bytes[0] = 9;
        file.content()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, file.content());
        assertEquals(file, new NotificationAttachment("Сводка.csv", "text/csv", new byte[] {1, 2, 3}));
        assertEquals(List.of(), new Notification("k", TenantId.of("t"), "a@b.example", "s", "b", Locale.ROOT, null)
                .attachments());
        assertEquals(List.of(file), Notification.builder().idempotencyKey("k").attachment(file).build().attachments());
    }

    private static List<String> rules(Runnable call) {
        return assertThrows(ValidationException.class, call::run).errors().stream()
                .map((FieldError e) -> e.field() + " " + e.rule()).toList();
    }
}
