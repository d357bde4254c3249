package dev.supportkit.notify.email.smtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.spi.ProviderSettings;
import dev.supportkit.spi.settings.SettingsReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    private static SmtpSettings read(Map<String, String> values) {
        SettingsReader reader = SettingsReader.of("p.", new ProviderSettings(values), SmtpSettings.SETTINGS);
        SmtpSettings settings = SmtpSettings.read(reader).orElse(null);
        assertEquals(List.of(), reader.problems());
        return settings;
    }

    @Test
    @DisplayName("starttls is required, not opportunistic; certificates are checked against the host by default")
    void startTlsProperties() {
        Properties props = read(Map.of("host", "smtp.example.com", "from", "a@example.com", "username", "u",
                "password", "pw-1234")).sessionProperties();
        assertEquals("true", props.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", props.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", props.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertNull(props.getProperty("mail.smtp.ssl.trust"));
        assertEquals("true", props.getProperty("mail.smtp.auth"));
        assertEquals("false", props.getProperty("mail.debug.auth"));
        assertEquals("10000", props.getProperty("mail.smtp.timeout"));
        assertEquals("10000", props.getProperty("mail.smtp.writetimeout"));
        assertFalse(props.toString().contains("pw-1234"), "the password is not a session property");
    }

    @Test
    @DisplayName("trust: a trusted host's certificate is taken as it is; another host is still checked")
    void trust() {
        Properties trusted = read(Map.of("host", "127.0.0.1", "from", "a@example.com", "security", "ssl",
                "trust", "127.0.0.1, localhost")).sessionProperties();
        assertEquals("true", trusted.getProperty("mail.smtp.ssl.enable"));
        assertEquals("127.0.0.1 localhost", trusted.getProperty("mail.smtp.ssl.trust"));
        assertEquals("false", trusted.getProperty("mail.smtp.ssl.checkserveridentity"));

        Properties other = read(Map.of("host", "smtp.example.com", "from", "a@example.com",
                "trust", "localhost")).sessionProperties();
        assertEquals("true", other.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertTrue(read(Map.of("host", "smtp.example.com", "from", "a@example.com", "trust", "*")).trustsHost());
    }

    @Test
    @DisplayName("scrub replaces the password wherever it appears; toString masks it")
    void secrets() {
        SmtpSettings settings = read(Map.of("host", "h", "from", "a@example.com", "username", "u",
                "password", "pw-1234"));
        assertEquals("reply: **** and ****", settings.scrub("reply: pw-1234 and pw-1234"));
        assertTrue(settings.toString().contains("password=****"), settings.toString());
        assertFalse(settings.toString().contains("pw-1234"));
    }
}
