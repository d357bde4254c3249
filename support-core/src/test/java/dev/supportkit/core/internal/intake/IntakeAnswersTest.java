package dev.supportkit.core.internal.intake;

import static dev.supportkit.core.internal.intake.IntakeSamples.PBX;
import static dev.supportkit.core.internal.intake.IntakeSamples.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supportkit.api.directory.ComponentId;
import dev.supportkit.api.directory.ComponentKind;
import dev.supportkit.api.directory.SupportedSystem;
import dev.supportkit.api.directory.SystemComponent;
import dev.supportkit.api.directory.SystemId;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import dev.supportkit.api.journal.JournalEntry;
import dev.supportkit.api.request.ContactDraft;
import dev.supportkit.api.request.QuestionnaireRef;
import dev.supportkit.api.request.Request;
import dev.supportkit.api.request.RequestQuery;
import dev.supportkit.core.testing.EngineFixture;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Questionnaire answers are checked with the contact at registration (A/01.3): every type valid and invalid,
 * required and conditional questions, all errors at once, nothing stored from an invalid contact, and the
 * request keeps the exact questionnaire version with the normalised answers.
 */
class IntakeAnswersTest {
    private static EngineFixture fx;
    private static final SystemId CCTV = SystemId.of("sys-cctv");
    private static final SystemId OTHER_CCTV = SystemId.of("sys-vasilek-cctv");

    @BeforeAll
    static void start() {
        fx = new EngineFixture();
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(CCTV, fx.org, "Office CCTV", "Vision",
                "V-100", false, List.of(new SystemComponent(ComponentId.of("cmp-camera"), ComponentKind.HARDWARE,
                "CAM-1", "SN-7", fx.site))));
        fx.engine.directory().saveSystem(fx.admin, new SupportedSystem(OTHER_CCTV, fx.otherOrg, "Plant CCTV",
                "Vision", "V-100", false, List.of(new SystemComponent(ComponentId.of("cmp-plant-camera"),
                ComponentKind.HARDWARE, "CAM-1", "SN-9", fx.otherSite))));
        fx.engine.intake().defineQuestionnaire(fx.admin, IntakeSamples.pbx(1));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** A new-request draft about the PBX, with the one required answer. */
    private static ContactDraft.Builder draft() {
        return fx.draft().newRequest(true).answer("users-affected", "one");
    }

    private static int requestCount() {
        return fx.engine.quality().requests(fx.auditor, RequestQuery.builder().limit(1000).build()).size();
    }

    @Test
    @DisplayName("valid answers of every type are kept normalised, in the questionnaire's order, with the exact version")
    void everyTypeValid() {
        Request r = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .answer("details", "  Started after the storm  ")
                .answer("device", "cmp-psu")
                .answer("since", "2026-03-12T09:30")
                .answer("handsets", "12.50")
                .answer("symptoms", "BUSY-TONE", "no-dial-tone")
                .answer("whole-office", "YES")
                .answer("users-affected", "All").build());

        assertEquals(Optional.of(new QuestionnaireRef(PBX, 1)), r.intake().questionnaire());
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("users-affected", List.of("all"));
        expected.put("whole-office", List.of("yes"));
        expected.put("symptoms", List.of("no-dial-tone", "busy-tone"));
        expected.put("handsets", List.of("12.5"));
        expected.put("since", List.of("2026-03-12T09:30:00"));
        expected.put("device", List.of("cmp-psu"));
        expected.put("details", List.of("Started after the storm"));
        assertEquals(expected, r.intake().answers());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(r.intake().answers().keySet()), "questionnaire order");
        assertEquals(r, fx.engine.quality().request(fx.auditor, r.id()), "stored as returned");
        JournalEntry registered = fx.engine.journal().entries(fx.auditor, r.id()).get(0);
        assertTrue(registered.description().contains("questionnaire q-pbx v1"), registered.description());
    }

    @Test
    @DisplayName("the other accepted spellings: a date, a date-time with offset, a comma decimal, a negative-free bound")
    void otherSpellings() {
        Request withDate = fx.engine.intake().registerContact(fx.operator, draft().answer("since", "2026-03-11")
                .answer("handsets", "500").build());
        assertEquals(List.of("2026-03-11"), withDate.intake().answers().get("since"));
        assertEquals(List.of("500"), withDate.intake().answers().get("handsets"));
        Request withOffset = fx.engine.intake().registerContact(fx.operator, draft()
                .answer("since", "2026-03-11T08:00:00+03:00").answer("handsets", "1,5").build());
        assertEquals(List.of("2026-03-11T08:00:00+03:00"), withOffset.intake().answers().get("since"));
        assertEquals(List.of("1.5"), withOffset.intake().answers().get("handsets"));
    }

    static Stream<Arguments> invalidAnswers() {
        return Stream.of(
                Arguments.of("users-affected", List.of("many"), "one-of"),
                Arguments.of("users-affected", List.of("one", "all"), "single-value"),
                Arguments.of("symptoms", List.of("static"), "one-of"),
                Arguments.of("symptoms", List.of("busy-tone", "Busy-Tone"), "no-duplicates"),
                Arguments.of("handsets", List.of("twelve"), "number"),
                Arguments.of("handsets", List.of("1e3"), "number"),
                Arguments.of("handsets", List.of("0.5"), "min"),
                Arguments.of("handsets", List.of("501"), "max"),
                Arguments.of("handsets", List.of("3", "4"), "single-value"),
                Arguments.of("since", List.of("yesterday"), "date-time"),
                Arguments.of("since", List.of("2026-13-01"), "date-time"),
                Arguments.of("device", List.of("cmp-unknown"), "equipment"),
                Arguments.of("device", List.of("cmp-camera"), "equipment"),
                Arguments.of("device", List.of("cmp-plant-camera"), "equipment"),
                Arguments.of("details", List.of("x".repeat(51)), "max-length"),
                Arguments.of("colour", List.of("red"), "unknown-question"));
    }

    @ParameterizedTest(name = "{0} = {1} breaks {2}")
    @MethodSource("invalidAnswers")
    @DisplayName("an invalid answer is rejected naming the question and the rule, and nothing is stored")
    void invalidAnswer(String key, List<String> values, String rule) {
        int before = requestCount();
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator,
                draft().answer(key, values.toArray(String[]::new)).build()), "answers." + key + " " + rule);
        assertEquals(before, requestCount(), "nothing registered");
    }

    @Test
    @DisplayName("yes-no takes yes or no, in English or Russian, stored as yes or no")
    void yesNo() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().answer("users-affected", "all")
                .answer("whole-office", "maybe").build()), "answers.whole-office yes-no");
        Request russian = fx.engine.intake().registerContact(fx.operator, draft().answer("users-affected", "all")
                .answer("whole-office", "Да").build());
        assertEquals(List.of("yes"), russian.intake().answers().get("whole-office"));
        Request no = fx.engine.intake().registerContact(fx.operator, draft().answer("users-affected", "all")
                .answer("whole-office", "НЕТ").build());
        assertEquals(List.of("no"), no.intake().answers().get("whole-office"));
    }

    @Test
    @DisplayName("a required question must be answered; a blank answer counts as none")
    void required() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).build()),
                "answers.users-affected required");
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true)
                .answer("users-affected", "  ").build()), "answers.users-affected required");
    }

    @Test
    @DisplayName("a conditional question: required when shown, must not be answered when hidden")
    void conditional() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().answer("users-affected", "all")
                .build()), "answers.whole-office required");
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().answer("whole-office", "yes")
                .build()), "answers.whole-office not-asked");
        Request hidden = fx.engine.intake().registerContact(fx.operator, draft().build());
        assertEquals(Map.of("users-affected", List.of("one")), hidden.intake().answers(), "hidden and not asked");
    }

    @Test
    @DisplayName("a question shown by an invalid answer is not judged")
    void dependentOnInvalid() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().answer("users-affected", "many")
                .answer("whole-office", "maybe").build()), "answers.users-affected one-of");
    }

    @Test
    @DisplayName("every contact error and every answer error are reported together, and nothing is stored")
    void allErrorsAtOnce() {
        int before = requestCount();
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).subject(null)
                        .text("t".repeat(10_001)).answer("handsets", "many").answer("colour", "red")
                        .answer("since", "soon").build()),
                "contact.subject required", "contact.text max-length", "answers.users-affected required",
                "answers.handsets number", "answers.colour unknown-question", "answers.since date-time");
        assertEquals(before, requestCount(), "nothing registered");
    }

    @Test
    @DisplayName("equipment: a component of the contact's system, or without a system of any of the organisation's")
    void equipment() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().answer("device", "cmp-camera")
                .build()), "answers.device equipment");
        Request withoutSystem = fx.engine.intake().registerContact(fx.operator, draft().system(null)
                .questionnaire(PBX).answer("device", "cmp-camera").build());
        assertEquals(List.of("cmp-camera"), withoutSystem.intake().answers().get("device"));
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft().system(null).questionnaire(PBX)
                .answer("device", "cmp-plant-camera").build()), "answers.device equipment");
    }

    @Test
    @DisplayName("a named questionnaire must exist; answers need a questionnaire")
    void questionnaireMustExist() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, draft()
                .questionnaire(QuestionnaireId.of("q-missing")).build()), "contact.questionnaire exists");
        assertRejected(() -> fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).system(CCTV)
                .answer("camera", "dark").build()), "answers no-questionnaire");
        Request none = fx.engine.intake().registerContact(fx.operator, fx.draft().newRequest(true).system(CCTV)
                .build());
        assertEquals(Optional.empty(), none.intake().questionnaire(), "no questionnaire applies to the CCTV model");
        assertEquals(Map.of(), none.intake().answers());
    }

    @Test
    @DisplayName("the request keeps the exact version: a later version applies only to later contacts")
    void exactVersionKept() {
        EngineFixture own = new EngineFixture();
        try {
            own.engine.intake().defineQuestionnaire(own.admin, IntakeSamples.pbx(1));
            Request first = own.engine.intake().registerContact(own.operator, own.draft().newRequest(true)
                    .answer("users-affected", "one").build());
            Questionnaire v1 = IntakeSamples.pbx(1);
            List<Question> more = new ArrayList<>(v1.questions());
            more.add(Question.of("extension", "Which extension?", QuestionType.TEXT, true));
            own.engine.intake().defineQuestionnaire(own.admin, new Questionnaire(PBX, 2, v1.title(), v1.systemModel(),
                    v1.category(), v1.agreedBy(), v1.agreedOn(), more));

            assertEquals(Optional.of(new QuestionnaireRef(PBX, 1)),
                    own.engine.quality().request(own.auditor, first.id()).intake().questionnaire());
            assertRejected(() -> own.engine.intake().registerContact(own.operator, own.draft().newRequest(true)
                    .answer("users-affected", "one").build()), "answers.extension required");
            Request second = own.engine.intake().registerContact(own.operator, own.draft().newRequest(true)
                    .answer("users-affected", "one").answer("extension", "204").build());
            assertEquals(Optional.of(new QuestionnaireRef(PBX, 2)), second.intake().questionnaire());
            assertRejected(() -> own.engine.intake().registerContact(own.operator, own.draft().subject(null)
                            .text("Calling again").attachTo(first.id()).answer("extension", "204").build()),
                    "answers.extension unknown-question");
        } finally {
            own.close();
        }
    }

    @Test
    @DisplayName("a customer's self-service contact is checked the same way")
    void customerSelfService() {
        assertRejected(() -> fx.engine.intake().registerContact(fx.customer, fx.draft().newRequest(true).build()),
                "answers.users-affected required");
        Request r = fx.engine.intake().registerContact(fx.customer, draft().build());
        assertFalse(r.intake().answers().isEmpty());
    }
}
