package dev.supportkit.notify.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailAddressesTest {
    @Test
    @DisplayName("a mailbox with or without a display name; a Cyrillic name is kept and encoded as UTF-8")
    void parsesOneMailbox() throws AddressException {
        assertEquals("bob@example.com", MailAddresses.parseMailbox("  bob@example.com ").getAddress());
        InternetAddress named = MailAddresses.parseMailbox("Служба поддержки <help@example.com>");
        assertEquals("help@example.com", named.getAddress());
        assertEquals("Служба поддержки", named.getPersonal());
        assertEquals("=?UTF-8?B?0KHQu9GD0LbQsdCwINC/0L7QtNC00LXRgNC20LrQuA==?= <help@example.com>",
                named.toString());
        assertEquals("example.com", MailAddresses.domain(MailAddresses.parseMailbox("Bob <Bob@Example.COM>")));
    }

    @Test
    @DisplayName("an internationalised domain becomes punycode")
    void idn() throws AddressException {
        assertEquals("ivan@xn--e1afmkfd.xn--p1ai", MailAddresses.parseMailbox("ivan@пример.рф").getAddress());
        assertEquals("ivan@xn--e1afmkfd.xn--p1ai",
                MailAddresses.parseMailbox("Иван <ivan@пример.рф>").getAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bob", "bob@", "@example.com", "a@b@c.com", "bob@example.com, eve@example.com",
            "friends: bob@example.com;", "иван@example.com", "bob@example.com\nBcc: eve@example.com",
            "bob@exa mple.com", "<>", "bob@пример..рф"})
    @DisplayName("anything but exactly one ASCII-local-part mailbox is refused")
    void refuses(String text) {
        assertThrows(AddressException.class, () -> MailAddresses.parseMailbox(text));
    }

    @Test
    @DisplayName("forDisplay escapes control characters and cuts long text")
    void forDisplay() {
        assertEquals("bob@example.com\\r\\nBcc: x\\x0", MailAddresses.forDisplay("bob@example.com\r\nBcc: x\0"));
        assertEquals("a".repeat(200) + "...", MailAddresses.forDisplay("a".repeat(201)));
        assertEquals("a".repeat(200), MailAddresses.forDisplay("a".repeat(200)));
        assertEquals("null", MailAddresses.forDisplay(null));
    }

    @Test
    @DisplayName("null is refused, not thrown as NullPointerException")
    void refusesNull() {
        assertThrows(AddressException.class, () -> MailAddresses.parseMailbox(null));
    }
}
