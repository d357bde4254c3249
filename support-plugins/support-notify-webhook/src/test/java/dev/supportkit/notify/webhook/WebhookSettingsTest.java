package dev.supportkit.notify.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.api.request.Channel;
import dev.supportkit.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings: defaults, every problem at once, the secret never shown. */
class WebhookSettingsTest {
    @Test
    @DisplayName("only the secret is required")
    void defaults() {
        WebhookSettings settings = WebhookSettings.parse(new ProviderSettings(Map.of("secret", "0123456789abcdef")),
                Channel.WEB_FORM);
        assertEquals(10_000, settings.timeoutMs());
        assertEquals("SupportKit-Webhook/1", settings.userAgent());
        assertEquals(Channel.WEB_FORM, settings.channel());
        assertEquals("WebhookSettings[secret=****, timeoutMs=10000, userAgent=SupportKit-Webhook/1, channel=WEB_FORM, "
                + "allowedTargets=public]", settings.toString());
    }

    @Test
    @DisplayName("every bad setting is reported at once; a short secret is refused without echoing it")
    void everyProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> WebhookSettings.parse(
                new ProviderSettings(Map.of("secret", "short-s3cret", "timeout-ms", "50", "user-agent", "Ага/1",
                        "channel", "pigeon", "url", "http://x")), Channel.WEB_FORM));
        List<String> problems = e.problems();
        assertEquals(List.of(
                "supportkit.providers.webhook.url: unknown setting (known: allowed-targets, channel, secret, timeout-ms, "
                        + "user-agent)",
                "supportkit.providers.webhook.secret: must be at least 16 characters, was 12",
                "supportkit.providers.webhook.timeout-ms: must be an integer of at least 100, was '50'",
                "supportkit.providers.webhook.user-agent: must be non-empty printable ASCII, was 'Ага/1'",
                "supportkit.providers.webhook.channel: must be one of " + java.util.Arrays.toString(Channel.values())
                        + ", was 'pigeon'"), problems);
        assertFalse(e.getMessage().contains("short-s3cret"));
        assertEquals(List.of("supportkit.providers.webhook.secret: required: the shared secret the requests are signed "
                + "with"), assertThrows(ConfigurationException.class, () -> WebhookSettings.parse(
                ProviderSettings.empty(), Channel.WEB_FORM)).problems());
    }

    @Test
    @DisplayName("a blank user agent or timeout is refused, not replaced by the default")
    void blankValuesAreRefused() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> WebhookSettings.parse(
                new ProviderSettings(Map.of("secret", "0123456789abcdef", "timeout-ms", " ", "user-agent", "  ")),
                Channel.WEB_FORM));
        assertEquals(List.of(
                "supportkit.providers.webhook.timeout-ms: must not be blank (connect and response timeout in "
                        + "milliseconds); leave the key out for the default",
                "supportkit.providers.webhook.user-agent: must be non-empty printable ASCII, was blank"),
                e.problems());
    }
}
