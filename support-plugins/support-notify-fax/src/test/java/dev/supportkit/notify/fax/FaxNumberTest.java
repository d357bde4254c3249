package dev.supportkit.notify.fax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaxNumberTest {
    @ParameterizedTest
    @CsvSource({
            "+74951234567, 74951234567, +74951234567",
            "'+7 (495) 123-45-67', 74951234567, +74951234567",
            "8 495 123.45.67, 84951234567, 84951234567",
            "+1 212 555 0100, 12125550100, +12125550100",
            "1234567, 1234567, 1234567",
            "+123456789012345, 123456789012345, +123456789012345"})
    @DisplayName("E.164-style numbers, with separators dropped")
    void parses(String text, String digits, String shown) {
        FaxNumber number = FaxNumber.parse(text);
        assertEquals(digits, number.digits());
        assertEquals(shown, number.toString());
    }

    @Test
    @DisplayName("what is refused, and why")
    void refuses() {
        assertEquals("no fax number given", assertThrows(IllegalArgumentException.class,
                () -> FaxNumber.parse(null)).getMessage());
        assertEquals("a fax number has 7 to 15 digits (E.164), this one has 16", assertThrows(
                IllegalArgumentException.class, () -> FaxNumber.parse("+1234567890123456")).getMessage());
        assertEquals("an international number (+...) cannot start with 0", assertThrows(
                IllegalArgumentException.class, () -> FaxNumber.parse("+0123456789")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FaxNumber.parse("+7 495 CALL-NOW"));
        assertThrows(IllegalArgumentException.class, () -> FaxNumber.parse("7+4951234567"));
    }
}
