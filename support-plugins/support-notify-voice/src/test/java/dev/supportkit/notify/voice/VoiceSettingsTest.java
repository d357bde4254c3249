package dev.supportkit.notify.voice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settings: defaults, every problem at once, the secret never shown. */
class VoiceSettingsTest {
    private static final Map<String, String> MINIMAL = Map.of("host", "pbx", "username", "sk", "secret", "s3cret",
            "channel-template", "PJSIP/{number}@trunk", "context", "tts", "extension", "s");

    @Test
    @DisplayName("defaults: port 5038, priority 1, tts, 10 s timeout, 30 s ringing")
    void defaults() {
        VoiceSettings settings = VoiceSettings.parse(new ProviderSettings(MINIMAL));
        assertEquals(5038, settings.port());
        assertEquals(1, settings.priority());
        assertEquals(VoiceSettings.Mode.TTS, settings.mode());
        assertEquals(Optional.empty(), settings.callerId());
        assertEquals(10_000, settings.timeoutMs());
        assertEquals(30_000, settings.ringTimeoutMs());
        assertEquals("PJSIP/79123456789@trunk", settings.channelFor("79123456789"));
        assertFalse(settings.toString().contains("s3cret"), settings.toString());
        assertTrue(settings.toString().contains("secret=****"), settings.toString());
    }

    @Test
    @DisplayName("every bad setting is reported at once; the secret's value never")
    void everyProblemAtOnce() {
        ConfigurationException e = assertThrows(ConfigurationException.class, () -> VoiceSettings.parse(
                new ProviderSettings(Map.of("port", "0", "secret", "top\nsecret-value", "channel-template", "{number}",
                        "mode", "robot", "priority", "first", "ring-timeout-ms", "500", "timeout", "1"))));
        List<String> problems = e.problems();
        assertEquals(List.of(
                "supportkit.providers.voice.timeout: unknown setting (known: caller-id, channel-template, context, "
                        + "extension, host, mode, operator-extension, port, priority, ring-timeout-ms, secret, "
                        + "timeout-ms, username)",
                "supportkit.providers.voice.host: required: the Asterisk host name or address",
                "supportkit.providers.voice.port: must be an integer from 1 to 65535, was '0'",
                "supportkit.providers.voice.username: required: the AMI user (manager.conf)",
                "supportkit.providers.voice.secret: must not contain line breaks",
                "supportkit.providers.voice.channel-template: must look like TECH/...{number}... (or {e164}), e.g. "
                        + "PJSIP/{number}@trunk, was '{number}'",
                "supportkit.providers.voice.context: required: the dialplan context of the answered call",
                "supportkit.providers.voice.mode: must be 'tts' or 'operator', was 'robot'",
                "supportkit.providers.voice.extension: required: the extension of the dialplan that speaks "
                        + "${SUPPORTKIT_TEXT}",
                "supportkit.providers.voice.priority: must be an integer of at least 1, was 'first'",
                "supportkit.providers.voice.ring-timeout-ms: must be an integer of at least 1000, was '500'"), problems);
        assertFalse(e.getMessage().contains("secret-value"));
    }

    @Test
    @DisplayName("mode=operator needs operator-extension instead of extension")
    void operatorMode() {
        Map<String, String> values = new java.util.HashMap<>(MINIMAL);
        values.remove("extension");
        values.put("mode", "operator");
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> VoiceSettings.parse(new ProviderSettings(values)));
        assertEquals(List.of("supportkit.providers.voice.operator-extension: required: the operator's extension "
                + "(mode=operator)"), e.problems());
        values.put("operator-extension", "100");
        VoiceSettings settings = VoiceSettings.parse(new ProviderSettings(values));
        assertEquals("100", settings.extension());
        assertEquals(VoiceSettings.Mode.OPERATOR, settings.mode());
    }
}
