package dev.supportkit.core.internal.intake;

import static dev.supportkit.core.internal.intake.IntakeSamples.PBX;
import static dev.supportkit.core.internal.intake.IntakeSamples.assertRejected;
import static dev.supportkit.core.internal.intake.IntakeSamples.simple;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.error.NotFoundException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionCondition;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.core.testing.EngineFixture;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Defining questionnaires (A/01.3): every rule, immutable versions, and the most specific one for a contact. */
class IntakeQuestionnaireDefinitionTest {
    private final EngineFixture fx = new EngineFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private static Questionnaire withQuestions(Question... questions) {
        Questionnaire base = IntakeSamples.pbx(1);
        return new Questionnaire(base.id(), 1, base.title(), base.systemModel(), base.category(), base.agreedBy(),
                base.agreedOn(), java.util.Arrays.asList(questions));
    }

    private static Question text(String key) {
        return Question.of(key, "Question " + key, QuestionType.TEXT, false);
    }

    private static Question choice(String key, String... options) {
        return Question.choice(key, "Question " + key, QuestionType.SINGLE_CHOICE, false, List.of(options));
    }

    private static Question withMaxLength(Question q, int maxLength) {
        return new Question(q.key(), q.text(), q.type(), q.required(), q.options(), q.condition(), q.min(), q.max(),
                maxLength);
    }

    static Stream<Arguments> invalidDefinitions() {
        Questionnaire base = IntakeSamples.pbx(1);
        UnaryOperator<Questionnaire> id = q -> q;
        List<Question> many = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            many.add(text("q" + i));
        }
        return Stream.of(
                Arguments.of("bad id", (UnaryOperator<Questionnaire>) q -> new Questionnaire(
                        QuestionnaireId.of("bad id!"), 1, q.title(), q.systemModel(), q.category(), q.agreedBy(),
                        q.agreedOn(), q.questions()), List.of("questionnaire.id format")),
                Arguments.of("no id", (UnaryOperator<Questionnaire>) q -> new Questionnaire(null, 1, q.title(),
                        q.systemModel(), q.category(), q.agreedBy(), q.agreedOn(), q.questions()),
                        List.of("questionnaire.id required")),
                Arguments.of("version 0", (UnaryOperator<Questionnaire>) q -> new Questionnaire(q.id(), 0, q.title(),
                        q.systemModel(), q.category(), q.agreedBy(), q.agreedOn(), q.questions()),
                        List.of("questionnaire.version min")),
                Arguments.of("blank title, blank model, long category, no agreement",
                        (UnaryOperator<Questionnaire>) q -> new Questionnaire(q.id(), 1, " ", Optional.of(" "),
                                Optional.of("c".repeat(101)), null, null, q.questions()),
                        List.of("questionnaire.title required", "questionnaire.systemModel not-blank",
                                "questionnaire.category max-length", "questionnaire.agreedBy required",
                                "questionnaire.agreedOn required")),
                Arguments.of("no questions", (UnaryOperator<Questionnaire>) q -> withQuestions(),
                        List.of("questionnaire.questions required")),
                Arguments.of("201 questions", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        many.toArray(Question[]::new)), List.of("questionnaire.questions max-size")),
                Arguments.of("duplicate and malformed keys", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        text("a"), text("a"), text("bad key"), text(null)),
                        List.of("questionnaire.questions[1].key unique", "questionnaire.questions[2].key format",
                                "questionnaire.questions[3].key required")),
                Arguments.of("no text, no type", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        new Question("a", " ", null, false, List.of(), Optional.empty(), Optional.empty(),
                                Optional.empty(), 0)),
                        List.of("questionnaire.questions[0].text required", "questionnaire.questions[0].type required")),
                Arguments.of("choice without options, options on text", (UnaryOperator<Questionnaire>) q ->
                        withQuestions(choice("a"), new Question("b", "B?", QuestionType.TEXT, false, List.of("x"),
                                Optional.empty(), Optional.empty(), Optional.empty(), 0)),
                        List.of("questionnaire.questions[0].options required",
                                "questionnaire.questions[1].options only-for-choice")),
                Arguments.of("duplicate and blank options", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        choice("a", "one", "One", " ")),
                        List.of("questionnaire.questions[0].options[1] unique",
                                "questionnaire.questions[0].options[2] required")),
                Arguments.of("condition on a later question and on itself", (UnaryOperator<Questionnaire>) q ->
                        withQuestions(text("a").shownWhen("b", "yes"), Question.of("b", "B?", QuestionType.YES_NO,
                                false).shownWhen("b", "yes")),
                        List.of("questionnaire.questions[0].condition.question earlier-question",
                                "questionnaire.questions[1].condition.question earlier-question")),
                Arguments.of("condition on a text question", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        text("a"), text("b").shownWhen("a", "x")),
                        List.of("questionnaire.questions[1].condition.question choice-question")),
                Arguments.of("condition values not answers of the earlier question", (UnaryOperator<Questionnaire>) q ->
                        withQuestions(choice("a", "one", "all"), text("b").shownWhen("a", "all", "some"),
                                Question.of("c", "C?", QuestionType.YES_NO, false), text("d").shownWhen("c", "maybe"),
                                new Question("e", "E?", QuestionType.TEXT, false, List.of(),
                                        Optional.of(new QuestionCondition("a", List.of())), Optional.empty(),
                                        Optional.empty(), 0)),
                        List.of("questionnaire.questions[1].condition.anyOf[1] one-of",
                                "questionnaire.questions[3].condition.anyOf[0] one-of",
                                "questionnaire.questions[4].condition.anyOf required")),
                Arguments.of("bounds on text, min above max", (UnaryOperator<Questionnaire>) q -> withQuestions(
                        text("a").between(BigDecimal.ONE, null),
                        Question.of("b", "B?", QuestionType.NUMBER, false).between(BigDecimal.TEN, BigDecimal.ONE)),
                        List.of("questionnaire.questions[0].min only-for-number",
                                "questionnaire.questions[1].min min-max")),
                Arguments.of("max length out of range, and on a number", (UnaryOperator<Questionnaire>) q ->
                        withQuestions(withMaxLength(text("a"), 10_001), withMaxLength(text("b"), -1),
                                withMaxLength(Question.of("c", "C?", QuestionType.NUMBER, false), 10)),
                        List.of("questionnaire.questions[0].maxLength range", "questionnaire.questions[1].maxLength range",
                                "questionnaire.questions[2].maxLength only-for-text")),
                Arguments.of("valid", id, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDefinitions")
    @DisplayName("every broken rule of a definition is reported at once and nothing is stored")
    void definitionRules(String name, UnaryOperator<Questionnaire> change, List<String> expected) {
        Questionnaire q = change.apply(IntakeSamples.pbx(1));
        if (expected.isEmpty()) {
            assertEquals(q, fx.engine.intake().defineQuestionnaire(fx.admin, q));
            return;
        }
        assertRejected(() -> fx.engine.intake().defineQuestionnaire(fx.admin, q), expected.toArray(String[]::new));
        assertEquals(List.of(), fx.engine.intake().questionnaires(fx.auditor), "nothing stored");
    }

    @Test
    @DisplayName("a stored version is canonical: texts stripped, condition values spelt as the options, bounds plain")
    void canonicalForm() {
        Questionnaire q = new Questionnaire(PBX, 1, "  PBX  ", Optional.of(" NT-PBX 300 "), Optional.empty(),
                " Telephony ", java.time.LocalDate.of(2026, 3, 1), List.of(
                choice("a", " One ", "All"),
                Question.of("b", " B? ", QuestionType.NUMBER, false).between(new BigDecimal("1.50"), null)
                        .shownWhen("a", "all"),
                Question.of("c", "C?", QuestionType.YES_NO, false),
                text("d").shownWhen("c", "YES")));
        Questionnaire stored = fx.engine.intake().defineQuestionnaire(fx.admin, q);
        assertEquals("PBX", stored.title());
        assertEquals(Optional.of("NT-PBX 300"), stored.systemModel());
        assertEquals(List.of("One", "All"), stored.questions().get(0).options());
        assertEquals(List.of("All"), stored.questions().get(1).condition().orElseThrow().anyOf());
        assertEquals(List.of("yes"), stored.questions().get(3).condition().orElseThrow().anyOf());
        assertEquals(0, new BigDecimal("1.5").compareTo(stored.questions().get(1).min().orElseThrow()));
        assertEquals(stored, fx.engine.intake().questionnaire(fx.operator, PBX, 1));
        assertEquals(stored, fx.engine.intake().defineQuestionnaire(fx.admin, q), "the same input again is accepted");
    }

    @Test
    @DisplayName("versions go 1, 2, 3: a gap is refused; an identical re-definition is accepted; a changed one is not")
    void versions() {
        assertRejected(() -> fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(2)),
                "questionnaire.version next-version");
        Questionnaire v1 = fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1));
        assertRejected(() -> fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(3)),
                "questionnaire.version next-version");
        Questionnaire v2 = fx.engine.intake().defineQuestionnaire(fx.admin, simple("q-pbx", 2, "NT-PBX 300", null));

        assertEquals(v1, fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1)), "identical again");
        var error = assertRejected(() -> fx.engine.intake().defineQuestionnaire(fx.admin,
                simple("q-pbx", 1, "NT-PBX 300", null)), "questionnaire.version immutable");
        assertEquals(true, error.getMessage().contains("define version 3"), error.getMessage());

        assertEquals(v1, fx.engine.intake().questionnaire(fx.auditor, PBX, 1), "version 1 unchanged");
        assertEquals(v2, fx.engine.intake().questionnaire(fx.customer, PBX, 2));
        assertEquals(List.of(v2), fx.engine.intake().questionnaires(fx.operator), "the latest of each");
        assertThrows(NotFoundException.class, () -> fx.engine.intake().questionnaire(fx.operator, PBX, 3));
        assertThrows(NotFoundException.class, () -> fx.engine.intake().questionnaire(fx.operator,
                QuestionnaireId.of("q-none"), 1));
    }

    @Test
    @DisplayName("questionnaires are listed by id, latest versions only, per tenant")
    void listing() {
        fx.engine.intake().defineQuestionnaire(fx.admin, simple("q-b", 1, null, null));
        fx.engine.intake().defineQuestionnaire(fx.admin, simple("q-a", 1, null, null));
        Questionnaire a2 = fx.engine.intake().defineQuestionnaire(fx.admin, simple("q-a", 2, null, "printing"));
        assertEquals(List.of("q-a v2", "q-b v1"), fx.engine.intake().questionnaires(fx.auditor).stream()
                .map(q -> q.ref().toString()).toList());
        assertEquals(a2, fx.engine.intake().questionnaires(fx.admin).get(0));
        EngineFixture other = new EngineFixture(dev.supportkit.api.TenantId.of("other"), null);
        try {
            assertEquals(List.of(), other.engine.intake().questionnaires(other.auditor));
        } finally {
            other.close();
        }
    }

    @Test
    @DisplayName("the most specific questionnaire applies: model and category > model > category > neither")
    void mostSpecific() {
        var intake = fx.engine.intake();
        Optional<SystemId> pbx = Optional.of(fx.system);
        Optional<String> calls = Optional.of("telephony/no-calls");
        assertEquals(Optional.empty(), intake.questionnaireFor(fx.operator, pbx, calls), "none defined");

        intake.defineQuestionnaire(fx.admin, simple("q-generic", 1, null, null));
        assertEquals("q-generic", intake.questionnaireFor(fx.operator, pbx, calls).orElseThrow().id().value());
        intake.defineQuestionnaire(fx.admin, simple("q-calls", 1, null, "Telephony/No-Calls"));
        assertEquals("q-calls", intake.questionnaireFor(fx.operator, pbx, calls).orElseThrow().id().value());
        intake.defineQuestionnaire(fx.admin, simple("q-model", 1, "nt-pbx 300", null));
        assertEquals("q-model", intake.questionnaireFor(fx.operator, pbx, calls).orElseThrow().id().value());
        intake.defineQuestionnaire(fx.admin, simple("q-both", 1, "NT-PBX 300", "telephony/no-calls"));
        intake.defineQuestionnaire(fx.admin, simple("q-other-model", 1, "V-100", "telephony/no-calls"));
        assertEquals("q-both", intake.questionnaireFor(fx.operator, pbx, calls).orElseThrow().id().value());

        assertEquals("q-model", intake.questionnaireFor(fx.operator, pbx, Optional.of("printing"))
                .orElseThrow().id().value(), "another category: the model's");
        assertEquals("q-model", intake.questionnaireFor(fx.operator, pbx, Optional.empty())
                .orElseThrow().id().value());
        assertEquals("q-calls", intake.questionnaireFor(fx.operator, Optional.empty(), calls)
                .orElseThrow().id().value(), "no system: the category's");
        assertEquals("q-generic", intake.questionnaireFor(fx.operator, Optional.empty(), Optional.empty())
                .orElseThrow().id().value());

        Questionnaire both2 = intake.defineQuestionnaire(fx.admin, simple("q-both", 2, "NT-PBX 300",
                "telephony/no-calls"));
        assertEquals(both2, intake.questionnaireFor(fx.customer, pbx, calls).orElseThrow(), "the latest version");
        intake.defineQuestionnaire(fx.admin, simple("q-aaa", 1, "NT-PBX 300", "telephony/no-calls"));
        assertEquals("q-aaa", intake.questionnaireFor(fx.operator, pbx, calls).orElseThrow().id().value(),
                "equally specific: the smallest id");
    }

    @Test
    @DisplayName("contacts on another node use a version defined here at the latest after the directory cache time")
    void otherNodesSeeNewVersionsAfterTheCacheTime() {
        dev.supportkit.core.testing.MutableClock clock = new dev.supportkit.core.testing.MutableClock(
                EngineFixture.START);
        dev.supportkit.core.testing.SharedStorageFactory shared = new dev.supportkit.core.testing.SharedStorageFactory();
        List<dev.supportkit.core.SupportEngine> nodes = new ArrayList<>();
        try {
            for (String node : List.of("node-a", "node-b")) {
                nodes.add(dev.supportkit.core.SupportEngine.builder().clock(clock).environment(java.util.Map.of())
                        .storage(shared).set("supportkit.node-id", node).set("supportkit.jobs.poll-interval-ms", "0")
                        .set("supportkit.directory.cache-seconds", "30").build());
            }
            EngineFixture a = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), nodes.get(0));
            EngineFixture b = new EngineFixture(dev.supportkit.api.TenantId.of("acme"), nodes.get(1));
            a.engine.intake().defineQuestionnaire(a.admin, simple("q-generic", 1, null, null));
            assertEquals("q-generic", b.registered().intake().questionnaire().orElseThrow().id().value());

            a.engine.intake().defineQuestionnaire(a.admin, simple("q-model", 1, "NT-PBX 300", null));
            assertEquals("q-model", a.registered().intake().questionnaire().orElseThrow().id().value(),
                    "at once on the node that defined it");
            assertEquals("q-model", b.engine.intake().questionnaireFor(b.operator, Optional.of(b.system),
                    Optional.empty()).orElseThrow().id().value(), "reading it is never stale");
            clock.advance(java.time.Duration.ofSeconds(20));
            assertEquals("q-generic", b.registered().intake().questionnaire().orElseThrow().id().value(),
                    "the other node's contacts keep the list it read for 30 s");
            clock.advance(java.time.Duration.ofSeconds(11));
            assertEquals("q-model", b.registered().intake().questionnaire().orElseThrow().id().value());
        } finally {
            nodes.forEach(dev.supportkit.core.SupportEngine::close);
        }
    }

    @Test
    @DisplayName("a system the caller cannot see, or that does not exist, is not found")
    void systemMustBeVisible() {
        SystemId theirs = SystemId.of("sys-vasilek");
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(theirs, fx.otherOrg, "PBX", "Nordtel",
                "NT-PBX 300", false, List.of()));
        fx.engine.intake().defineQuestionnaire(fx.admin, simple("q-generic", 1, null, null));
        assertThrows(NotFoundException.class, () -> fx.engine.intake().questionnaireFor(fx.customer,
                Optional.of(theirs), Optional.empty()));
        assertThrows(NotFoundException.class, () -> fx.engine.intake().questionnaireFor(fx.operator,
                Optional.of(SystemId.of("sys-none")), Optional.empty()));
        assertEquals("q-generic", fx.engine.intake().questionnaireFor(fx.otherCustomer, Optional.of(theirs),
                Optional.empty()).orElseThrow().id().value());
    }
}
