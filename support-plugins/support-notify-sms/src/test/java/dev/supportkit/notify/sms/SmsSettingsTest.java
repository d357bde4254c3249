package dev.supportkit.notify.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings: defaults, every problem at once, the password never shown. */
class SmsSettingsTest {
    private static final String SECRET = "s3cr3t-long-password";

    private static SmsSettings parse(Map<String, String> values) {
        return SmsSettings.parse(new ProviderSettings(values));
    }

    @Test
    @DisplayName("only host and system-id are required; the rest have defaults")
    void defaults() {
        SmsSettings settings = parse(Map.of("host", " smsc.example ", "system-id", "sk"));
        assertEquals("smsc.example", settings.host());
        assertEquals(2775, settings.port());
        assertEquals("", settings.password());
        assertEquals(SmsSettings.SourceKind.NONE, settings.source().kind());
        assertEquals(10_000, settings.bindTimeoutMs());
        assertEquals(10_000, settings.submitTimeoutMs());
        assertEquals(30_000, settings.enquireLinkMs());
    }

    @Test
    @DisplayName("every bad setting is reported at once, each naming its key; the password's value never")
    void everyProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> parse(Map.of(
                "port", "99999", "system-id", "a-system-id-that-is-too-long", "password", SECRET,
                "system-type", "x".repeat(13), "source-address", "Too Long Sender Name", "bind-timeout-ms", "fast",
                "submit-timeout-ms", "10", "enquire-link-ms", "0", "hots", "smsc")));
        List<String> problems = e.problems();
        assertEquals(10, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("supportkit.providers.sms.hots: unknown setting"), problems.get(0));
        assertTrue(problems.contains("supportkit.providers.sms.host: required: the SMSC's host name or address"));
        assertTrue(problems.contains("supportkit.providers.sms.port: must be an integer from 1 to 65535, was '99999'"));
        assertTrue(problems.contains("supportkit.providers.sms.password: must be at most 8 ASCII characters "
                + "(SMPP 3.4), was 20 characters long"), problems.toString());
        assertTrue(problems.contains("supportkit.providers.sms.bind-timeout-ms: must be an integer of at least 100, "
                + "was 'fast'"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("supportkit.providers.sms.source-address: must be")));
        assertFalse(e.getMessage().contains(SECRET));
    }

    @Test
    @DisplayName("sender kinds: +number is international, digits a short code, letters a sender name")
    void senders() {
        assertEquals(new SmsSettings.SourceAddress(SmsSettings.SourceKind.INTERNATIONAL, "74951234567"),
                parse(Map.of("host", "h", "system-id", "s", "source-address", "+74951234567")).source());
        assertEquals(new SmsSettings.SourceAddress(SmsSettings.SourceKind.SHORT_CODE, "7755"),
                parse(Map.of("host", "h", "system-id", "s", "source-address", "7755")).source());
        assertEquals(new SmsSettings.SourceAddress(SmsSettings.SourceKind.ALPHANUMERIC, "Support-Kit"),
                parse(Map.of("host", "h", "system-id", "s", "source-address", "Support-Kit")).source());
    }

    @Test
    @DisplayName("toString masks the password; scrub removes it from any text")
    void secretMasking() {
        SmsSettings settings = parse(Map.of("host", "h", "system-id", "s", "password", "pa55word"));
        assertFalse(settings.toString().contains("pa55word"), settings.toString());
        assertTrue(settings.toString().contains("password=****"), settings.toString());
        assertEquals("login **** refused", settings.scrub("login pa55word refused"));
    }
}
