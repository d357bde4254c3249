package dev.supportkit.storage.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.error.FieldError;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.Request;
import dev.supportkit.core.testing.EngineFixture;
import dev.supportkit.storage.jdbc.testing.TestDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;

/**
 * One character policy on every store: what could be stored differently (NUL, lone surrogates) or mislead a
 * reader (controls and bidi overrides in a subject) is refused with rule {@code characters}; what is allowed
 * (tabs and line breaks in a description, emoji, right-to-left text) reads back exactly as the call returned it.
 */
class CharacterPolicyOnStoresTest {
    private TestDatabase.Fresh database;

    @AfterEach
    void drop() {
        if (database != null) {
            database.drop().run();
        }
    }

    private EngineFixture engine(TestDatabase server) {
        if (server == null) {
            return new EngineFixture();
        }
        database = server.create();
        Map<String, String> settings = new HashMap<>();
        settings.put("supportkit.storage.provider", "jdbc");
        database.settings().forEach((key, value) -> settings.put("supportkit.providers.jdbc." + key, value));
        return new EngineFixture(settings);
    }

    private static List<String> rejected(EngineFixture fx, String subject, String text) {
        ValidationException e = assertThrows(ValidationException.class,
                () -> fx.registered(fx.draft().subject(subject).text(text)));
        return e.errors().stream().map(error -> error.field() + " " + error.rule()).sorted().toList();
    }

    @ParameterizedTest(name = "{0}")
    @NullSource
    @EnumSource(TestDatabase.class)
    @DisplayName("bad characters are refused naming the field; allowed ones read back exactly, on every store")
    void oneCharacterPolicy(TestDatabase server) {
        try (EngineFixture fx = engine(server)) {
            String fine = "Calls drop";
            String text = "Since 9:00\tno calls.";
            assertEquals(List.of("contact.subject characters"), rejected(fx, "invoice\u202Efdp.exe", text));
            assertEquals(List.of("contact.subject characters"), rejected(fx, "line\nbreak", text));
            assertEquals(List.of("contact.text characters"), rejected(fx, fine, "nul\u0000byte"));
            assertEquals(List.of("contact.text characters"), rejected(fx, fine, "lone \uD800 surrogate"));
            assertEquals(List.of("contact.text characters"), rejected(fx, fine, "bell\u0007"));
            assertEquals(List.of("contact.subject characters", "contact.text characters"),
                    rejected(fx, "escape\u001B[31m", "reversed \uDC00"));

            String subject = "АТС не отвечает 📞 שלום";
            String description = "Line one\n\tindented line\r\nעברית \u202Bembedded\u202C and 😀";
            Request stored = fx.registered(fx.draft().subject(subject).text(description));
            Request read = fx.engine.quality().request(fx.auditor, stored.id());
            assertEquals(subject, read.subject());
            assertEquals(description, read.description());
            assertEquals(stored, read, "what the call returned is what the store keeps");
            FieldError sample = assertThrows(ValidationException.class,
                    () -> fx.registered(fx.draft().subject("a\u0000b"))).errors().get(0);
            assertEquals("must not contain NUL: U+0000 at position 1", sample.message());
        }
    }
}
