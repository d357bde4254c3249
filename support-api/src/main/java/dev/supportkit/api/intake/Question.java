package dev.supportkit.api.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One question of an intake questionnaire.
 *
 * @param key       the answer's key, unique in the questionnaire: letters, digits, {@code -} and {@code _},
 *                  at most 64 characters
 * @param text      what the operator asks (or the portal shows); required
 * @param type      the kind of answer
 * @param required  whether an answer is required (when the question is shown)
 * @param options   the allowed answers of a choice question; empty for other types
 * @param condition when present, the question is shown only for certain answers to an earlier one
 * @param min       the smallest allowed number of a {@link QuestionType#NUMBER} question, if bounded
 * @param max       the largest allowed number of a {@link QuestionType#NUMBER} question, if bounded
 * @param maxLength the longest allowed text answer, 1 to 10000; 2000 when not set (0)
 */
public record Question(String key, String text, QuestionType type, boolean required, List<String> options,
                       Optional<QuestionCondition> condition, Optional<BigDecimal> min, Optional<BigDecimal> max,
                       int maxLength) {
    /** The text length allowed when a question does not set one. */
    public static final int DEFAULT_MAX_LENGTH = 2000;

    /**
     * Fills in the defaults: no options, no condition, no bounds, {@link #DEFAULT_MAX_LENGTH}.
     *
     * @param key       the answer's key
     * @param text      what the operator asks
     * @param type      the kind of answer
     * @param required  whether an answer is required
     * @param options   the allowed answers of a choice question
     * @param condition when the question is shown
     * @param min       the smallest allowed number
     * @param max       the largest allowed number
     * @param maxLength the longest allowed text answer
     */
    public Question {
        options = options == null ? List.of() : List.copyOf(options);
        condition = condition == null ? Optional.empty() : condition;
        min = min == null ? Optional.empty() : min;
        max = max == null ? Optional.empty() : max;
        maxLength = maxLength == 0 ? DEFAULT_MAX_LENGTH : maxLength;
    }

    /**
     * A question without options, condition or bounds.
     *
     * @param key      the answer's key
     * @param text     what the operator asks
     * @param type     the kind of answer
     * @param required whether an answer is required
     * @return the question
     */
    public static Question of(String key, String text, QuestionType type, boolean required) {
        return new Question(key, text, type, required, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0);
    }

    /**
     * A choice question.
     *
     * @param key      the answer's key
     * @param text     what the operator asks
     * @param type     {@link QuestionType#SINGLE_CHOICE} or {@link QuestionType#MULTIPLE_CHOICE}
     * @param required whether an answer is required
     * @param options  the allowed answers
     * @return the question
     */
    public static Question choice(String key, String text, QuestionType type, boolean required,
                                  List<String> options) {
        return new Question(key, text, type, required, options, Optional.empty(), Optional.empty(),
                Optional.empty(), 0);
    }

    /**
     * This question, shown only when an earlier question was answered with one of the values.
     *
     * @param question the key of the earlier question
     * @param anyOf    the answers that make this question shown
     * @return a copy with the condition
     */
    public Question shownWhen(String question, String... anyOf) {
        return new Question(key, text, type, required, options,
                Optional.of(new QuestionCondition(question, List.of(anyOf))), min, max, maxLength);
    }

    /**
     * This question with bounds for its number.
     *
     * @param lowest  the smallest allowed number, or null for none
     * @param highest the largest allowed number, or null for none
     * @return a copy with the bounds
     */
    public Question between(BigDecimal lowest, BigDecimal highest) {
        return new Question(key, text, type, required, options, condition, Optional.ofNullable(lowest),
                Optional.ofNullable(highest), maxLength);
    }
}
