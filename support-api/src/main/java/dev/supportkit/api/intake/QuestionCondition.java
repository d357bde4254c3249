package dev.supportkit.api.intake;

import java.util.List;
import java.util.Objects;

/**
 * Makes a question conditional: it is asked (and its answer checked) only when an earlier question was
 * answered with one of the given values.
 *
 * @param question the key of an earlier question in the same questionnaire
 * @param anyOf    the answers to it that make this question shown; at least one
 */
public record QuestionCondition(String question, List<String> anyOf) {
    /**
     * Copies the values.
     *
     * @param question the key of an earlier question
     * @param anyOf    the answers to it that make this question shown
     */
    public QuestionCondition {
        Objects.requireNonNull(question, "question");
        anyOf = anyOf == null ? List.of() : List.copyOf(anyOf);
    }
}
