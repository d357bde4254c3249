package dev.supportkit.spi.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumberTest {
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {
        "+74951234567 | 74951234567",
        "+7 (495) 123-45-67 | 74951234567",
        "  +44.20.7946.0958  | 442079460958",
        "+1234567 | 1234567",
        "+123456789012345 | 123456789012345",
        "74951234567 | ",
        "+0951234567 | ",
        "+123456 | ",
        "+1234567890123456 | ",
        "+7 495 12a 45 67 | ",
        "'' | "}, delimiter = '|')
    void digitsOfInternationalNumbersOnly(String address, String digits) {
        assertEquals(Optional.ofNullable(digits), PhoneNumber.digits(address));
    }

    @org.junit.jupiter.api.Test
    void nullIsNoNumber() {
        assertEquals(Optional.empty(), PhoneNumber.digits(null));
    }
}
