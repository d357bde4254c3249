package dev.supportkit.spi.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.error.ConfigurationException;
import dev.supportkit.spi.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SettingsReaderTest {
    enum Mode { FAST, SAFE_MODE }

    private static final String P = "supportkit.providers.demo.";
    private static final Setting<String> HOST = Setting.string("host").required().description("the host").build();
    private static final Setting<Integer> PORT = Setting.integer("port").range(1, 65_535).defaultValue(25)
            .description("the port").build();
    private static final Setting<Integer> RETRIES = Setting.integer("retries").atLeast(0).defaultValue(3)
            .description("retries").build();
    private static final Setting<String> PASSWORD = Setting.string("password").secret().description("the password")
            .build();
    private static final Setting<Mode> MODE = Setting.choice("mode", Mode.class).defaultValue(Mode.FAST)
            .description("the mode").build();
    private static final Setting<Boolean> DEBUG = Setting.bool("debug").defaultValue(false).description("debug")
            .build();
    private static final Setting<Duration> WAIT = Setting.duration("wait").range(100, 60_000)
            .defaultValue(Duration.ofSeconds(5)).description("how long to wait").build();
    private static final List<Setting<?>> ALL = List.of(HOST, PORT, RETRIES, PASSWORD, MODE, DEBUG, WAIT);

    private static SettingsReader reader(Map<String, String> values) {
        return SettingsReader.of(P, new ProviderSettings(values), ALL);
    }

    @Test
    @DisplayName("configured values are parsed; absent ones take their defaults")
    void valuesAndDefaults() {
        SettingsReader reader = reader(Map.of("host", " mail.example.com ", "port", "2525", "mode", "safe_mode",
                "debug", "TRUE", "wait", "30s"));
        assertEquals("mail.example.com", reader.get(HOST));
        assertEquals(2525, reader.get(PORT));
        assertEquals(3, reader.get(RETRIES));
        assertEquals(Mode.SAFE_MODE, reader.get(MODE));
        assertTrue(reader.get(DEBUG));
        assertEquals(Duration.ofSeconds(30), reader.get(WAIT));
        assertEquals(Optional.empty(), reader.optional(PASSWORD));
        assertEquals(List.of(), reader.problems());
        reader.throwIfProblems();
    }

    @Test
    @DisplayName("every problem is collected into one exception naming the full key and the rule")
    void everyProblemAtOnce() {
        SettingsReader reader = reader(Map.of("hots", "x", "port", "70000", "retries", "-1", "mode", "slow",
                "debug", "yes", "wait", "PT2H"));
        reader.get(HOST);
        assertEquals(25, reader.get(PORT), "a bad value yields the default");
        reader.get(RETRIES);
        reader.get(MODE);
        reader.get(DEBUG);
        reader.get(WAIT);
        ConfigurationException e = assertThrows(ConfigurationException.class, reader::throwIfProblems);
        assertEquals(List.of(
                P + "hots: unknown setting (known: debug, host, mode, password, port, retries, wait)",
                P + "host: required: the host",
                P + "port: must be an integer from 1 to 65535, was '70000'",
                P + "retries: must be an integer of at least 0, was '-1'",
                P + "mode: must be 'fast' or 'safe_mode', was 'slow'",
                P + "debug: must be 'true' or 'false', was 'yes'",
                P + "wait: must be a duration such as 30s, 5m or PT1H from 100 ms to 60000 ms, was 'PT2H'"),
                e.problems());
    }

    @Test
    @DisplayName("a secret's value is never quoted, and mask removes it from any text")
    void secretsAreMasked() {
        Setting<Integer> pin = Setting.integer("pin").secret().range(0, 9999).description("a pin").build();
        SettingsReader reader = SettingsReader.of(P, Map.of("host", "h", "password", "s3cret-pw", "pin", "12345"),
                List.of(HOST, PASSWORD, pin));
        reader.get(pin);
        assertEquals(List.of(P + "pin: must be an integer from 0 to 9999"), reader.problems());
        assertEquals("login failed for **** at h", reader.mask("login failed for s3cret-pw at h"));
        assertEquals("s3cret-pw", reader.get(PASSWORD), "a secret is not trimmed or changed");
        assertFalse(PASSWORD.toString().contains("s3cret"));
        assertEquals("ab is short", SettingsReader.mask("ab is short", List.of("ab")), "too short to mask safely");
        assertNull(SettingsReader.mask(null, List.of("x")));
    }

    @Test
    @DisplayName("own checks and reports are listed with the rest")
    void ownProblems() {
        SettingsReader reader = reader(Map.of("host", "h"));
        reader.problem(HOST, "must not be 'h'");
        reader.report(P + "url: is wrong");
        assertEquals(List.of(P + "host: must not be 'h'", P + "url: is wrong"), reader.problems());
        assertEquals(P + "port", reader.key(PORT));
        Setting<String> other = Setting.string("other").description("not declared").build();
        assertThrows(IllegalArgumentException.class, () -> reader.get(other));
    }

    @Test
    @DisplayName("declarations are checked when built")
    void declarationsAreChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Setting.integer("Bad_Name").range(10, 1).defaultValue(20).build());
        assertTrue(e.getMessage().contains("name must be lower-case"), e.getMessage());
        assertTrue(e.getMessage().contains("description is required"), e.getMessage());
        assertTrue(e.getMessage().contains("range 10..1 is empty"), e.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Setting.integer("port").range(1, 10).defaultValue(20).description("d").build());
        assertTrue(outside.getMessage().contains("default 20 is not an integer from 1 to 10"), outside.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Setting.string("host").required().defaultValue("x").description("d").build());
        assertThrows(IllegalArgumentException.class, () -> SettingsReader.of(P, Map.of(), List.of(HOST, HOST)));
    }

    @Test
    @DisplayName("defaults print as they would be configured")
    void defaultText() {
        assertEquals("25", PORT.defaultText());
        assertEquals("fast", MODE.defaultText());
        assertEquals("5s", WAIT.defaultText());
        assertEquals("", HOST.defaultText());
        assertEquals(List.of("fast", "safe_mode"), MODE.choices());
    }

    @Test
    @DisplayName("a blank number, choice, flag or duration is an error naming the key, not a silent default")
    void blankValues() {
        SettingsReader reader = reader(Map.of("host", "h", "port", "", "mode", " ", "debug", "", "wait", "  ",
                "password", " "));
        assertEquals(25, reader.get(PORT));
        assertEquals(Mode.FAST, reader.get(MODE));
        assertFalse(reader.get(DEBUG));
        assertEquals(Optional.empty(), reader.optional(WAIT));
        assertEquals(Optional.empty(), reader.optional(PASSWORD));
        List<String> problems = reader.problems();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(P + "port: must not be blank"), problems.get(0));
        assertTrue(problems.get(1).startsWith(P + "mode: must not be blank"), problems.get(1));
        assertTrue(problems.get(2).startsWith(P + "debug: must not be blank"), problems.get(2));
        assertTrue(problems.get(3).startsWith(P + "wait: must not be blank"), problems.get(3));
        assertThrows(ConfigurationException.class, reader::throwIfProblems);
    }

    @Test
    @DisplayName("blank required text is reported as missing; an optional value that breaks its rule is empty")
    void blankRequiredTextAndInvalidOptional() {
        SettingsReader reader = reader(Map.of("host", "  ", "wait", "soon"));
        assertNull(reader.get(HOST));
        assertEquals(Optional.empty(), reader.optional(WAIT));
        List<String> problems = reader.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(P + "host: required"), problems.get(0));
        assertTrue(problems.get(1).startsWith(P + "wait: "), problems.get(1));
    }
}
