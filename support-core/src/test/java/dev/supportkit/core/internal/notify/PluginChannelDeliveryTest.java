package dev.supportkit.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ContactPoint;
import dev.supportkit.api.directory.DeliveryPreferences;
import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.journal.RequestEvent;
import dev.supportkit.api.request.Channel;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.internal.json.JacksonCodec;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.core.testing.ScriptedChannelFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A channel a plugin declares (not one of the built-in constants) carries contacts and messages. */
class PluginChannelDeliveryTest {
    private static final Channel TELEGRAM = Channel.of("telegram");
    private final ScriptedChannelFactory telegram = new ScriptedChannelFactory("telegram-bot", TELEGRAM);
    private final EngineFixture fx = new EngineFixture(Map.of(), builder -> builder.notificationChannel(telegram));

    @AfterEach
    void close() {
        fx.close();
    }

    @Test
    @DisplayName("a contact by the plugin's channel is stored, and the customer's message goes to the plugin")
    void deliversOnThePluginsChannel() {
        fx.engine.directory().savePreferences(fx.admin, new DeliveryPreferences(fx.rep.value(),
                List.of(new ContactPoint(Channel.of("telegram"), "@irina_p")), null, Locale.forLanguageTag("ru")));
        Request request = fx.registered(fx.draft().channel(TELEGRAM));
        assertEquals(TELEGRAM, request.channel());

        assertEquals(1, fx.engine.runDueWork().messages());
        assertEquals(1, telegram.received.size());
        assertEquals("@irina_p", telegram.received.get(0).address());
        assertTrue(telegram.received.get(0).subject().contains("PBX does not answer"));

        Request stored = fx.engine.quality().request(fx.auditor, request.id());
        assertEquals("telegram", stored.channel().name());
        List<JournalEntry> journal = fx.engine.journal().entries(fx.auditor, request.id());
        RequestEvent.DeliveryAttempted attempt = journal.stream().map(JournalEntry::event)
                .filter(RequestEvent.DeliveryAttempted.class::isInstance)
                .map(RequestEvent.DeliveryAttempted.class::cast).findFirst().orElseThrow();
        assertEquals(TELEGRAM, attempt.channel());
        assertEquals("DELIVERED", attempt.outcome());
        assertTrue(fx.engine.journal().verify(fx.auditor, request.id()).intact());
    }

    @Test
    @DisplayName("a contact point on a channel no started plugin delivers on is a field error")
    void undeclaredChannelIsNotDeliverable() {
        ValidationException error = assertThrows(ValidationException.class, () -> fx.engine.directory()
                .savePreferences(fx.admin, new DeliveryPreferences(fx.rep.value(), List.of(
                        new ContactPoint(Channel.of("viber"), "+74951234567"),
                        new ContactPoint(TELEGRAM, "line\nbreak")), null, Locale.ENGLISH)));
        assertEquals(List.of("preferences.contactPoints[0].channel deliverable",
                        "preferences.contactPoints[1].address format"),
                error.errors().stream().map(e -> e.field() + " " + e.rule()).toList());
    }

    @Test
    @DisplayName("channel ids are 1 to 32 lower-case letters, digits, '-', '_' from a letter; built-ins by id or name")
    void channelIds() {
        assertSame(Channel.EMAIL, Channel.of("EMAIL"));
        assertSame(Channel.WEB_FORM, Channel.of("web_form"));
        assertEquals("WEB_FORM", Channel.WEB_FORM.name());
        assertEquals(Channel.of("max-messenger_2"), Channel.of("max-messenger_2"));
        assertNotEquals(Channel.of("telegram"), Channel.of("viber"));
        assertEquals(32, Channel.of("a".repeat(32)).id().length());
        for (String bad : List.of("Telegram", "9chat", "tele gram", "телеграм", "a".repeat(33), "-x")) {
            FieldError error = assertThrows(ValidationException.class, () -> Channel.of(bad)).errors().get(0);
            assertEquals("channel", error.field(), bad);
            assertEquals("format", error.rule(), bad);
        }
        assertEquals("required", assertThrows(ValidationException.class, () -> Channel.of(""))
                .errors().get(0).rule());
        assertThrows(IllegalArgumentException.class, () -> Channel.valueOf("telegram"),
                "valueOf keeps the former enum's meaning: built-in names only");
    }

    @Test
    @DisplayName("JSON holds a built-in channel by its former enum name and a plugin's by its id")
    void jsonForm() {
        JacksonCodec codec = new JacksonCodec();
        assertEquals("\"EMAIL\"", codec.toJson(Channel.EMAIL));
        assertSame(Channel.EMAIL, codec.fromJson("\"EMAIL\"", Channel.class));
        assertEquals("\"telegram\"", codec.toJson(TELEGRAM));
        assertEquals(TELEGRAM, codec.fromJson("\"telegram\"", Channel.class));
    }
}
