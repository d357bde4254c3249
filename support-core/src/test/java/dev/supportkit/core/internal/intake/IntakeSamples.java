package dev.supportkit.core.internal.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supportkit.api.error.ValidationException;
import dev.supportkit.api.intake.Question;
import dev.supportkit.api.intake.QuestionType;
import dev.supportkit.api.intake.Questionnaire;
import dev.supportkit.api.intake.QuestionnaireId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.function.Executable;

/** Questionnaires and assertions shared by the intake tests. */
final class IntakeSamples {
    static final QuestionnaireId PBX = QuestionnaireId.of("q-pbx");

    private IntakeSamples() {
    }

    /**
     * A questionnaire for the fixture's PBX model with one question of every type: a required single choice,
     * a required yes/no shown only when everyone is affected, a multiple choice, a bounded number, a date-time,
     * an equipment question and a short text.
     */
    static Questionnaire pbx(int version) {
        return new Questionnaire(PBX, version, "PBX: calls do not go through", Optional.of("NT-PBX 300"),
                Optional.empty(), "Telephony department", LocalDate.of(2026, 3, 1), List.of(
                Question.choice("users-affected", "How many users are affected?", QuestionType.SINGLE_CHOICE, true,
                        List.of("one", "several", "all")),
                Question.of("whole-office", "Is the whole office without calls?", QuestionType.YES_NO, true)
                        .shownWhen("users-affected", "all"),
                Question.choice("symptoms", "What do callers hear?", QuestionType.MULTIPLE_CHOICE, false,
                        List.of("no-dial-tone", "busy-tone", "one-way-audio")),
                Question.of("handsets", "How many handsets are dead?", QuestionType.NUMBER, false)
                        .between(BigDecimal.ONE, new BigDecimal("500")),
                Question.of("since", "Since when?", QuestionType.DATE_TIME, false),
                Question.of("device", "Which device shows the fault?", QuestionType.EQUIPMENT, false),
                new Question("details", "Anything else?", QuestionType.TEXT, false, List.of(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 50)));
    }

    /** A questionnaire with one optional text question. */
    static Questionnaire simple(String id, int version, String model, String category) {
        return new Questionnaire(QuestionnaireId.of(id), version, "Questionnaire " + id, Optional.ofNullable(model),
                Optional.ofNullable(category), "Service desk", LocalDate.of(2026, 3, 1),
                List.of(Question.of("details", "What happens?", QuestionType.TEXT, false)));
    }

    /** Runs a call that must be rejected and checks the exact set of "field rule" pairs. */
    static ValidationException assertRejected(Executable call, String... expected) {
        ValidationException error = assertThrows(ValidationException.class, call);
        List<String> actual = error.errors().stream().map(e -> e.field() + " " + e.rule()).toList();
        assertEquals(new TreeSet<>(Arrays.asList(expected)), new TreeSet<>(actual), "field errors: " + error.getMessage());
        assertEquals(actual.size(), new TreeSet<>(actual).size(), "each error once: " + actual);
        return error;
    }
}
