package dev.supportkit.core.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.Actor;
import dev.supportkit.api.Role;
import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.testing.EngineFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an actor says about itself goes into the journal: it follows the character policy and fits. */
class ActorTextTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', value = {
        "actor.displayName|characters|a line break",
        "actor.displayName|characters|a control character",
        "actor.displayName|max-length|201 characters",
        "actor.id|max-length|65 characters",
        "actor.id|characters|a right-to-left override"})
    @DisplayName("a bad actor id or display name is refused before anything is written, naming the field")
    void badActorText(String field, String rule, String what) {
        String name = "Anna Operator";
        String id = "spc-anna";
        switch (what) {
            case "a line break" -> name = "Anna\nSYSTEM closed the request";
            case "a control character" -> name = "Anna\u0007";
            case "201 characters" -> name = "a".repeat(201);
            case "65 characters" -> id = "s".repeat(65);
            default -> id = "spc-\u202Eanna";
        }
        Actor actor = Actor.staff(id, name, Role.FIRST_LINE_OPERATOR, fx.tenant);
        int before = fx.engine.quality().requests(fx.auditor, RequestQuery.all()).size();
        ValidationException error = assertThrows(ValidationException.class,
                () -> fx.engine.intake().registerContact(actor, fx.draft().newRequest(true).build()));
        assertEquals(field, error.errors().get(0).field());
        assertEquals(rule, error.errors().get(0).rule());
        assertEquals(before, fx.engine.quality().requests(fx.auditor, RequestQuery.all()).size(), "nothing written");
    }
}
