package dev.supportkit.api.intake;

/**
 * The kind of answer a questionnaire question takes. Answers travel as text values; the engine checks
 * each against its question's type.
 */
public enum QuestionType {
    /** Free text, at most the question's {@code maxLength} characters. One value. */
    TEXT,
    /** One of the question's options. One value. */
    SINGLE_CHOICE,
    /** Any number of the question's options, each at most once. */
    MULTIPLE_CHOICE,
    /** A decimal number ({@code 12}, {@code -3.5}) within the question's bounds. One value. */
    NUMBER,
    /**
     * A date or date-time in ISO-8601: {@code 2026-11-25}, {@code 2026-11-25T09:30} or
     * {@code 2026-11-25T09:30:00+03:00}. One value.
     */
    DATE_TIME,
    /** {@code yes} or {@code no}. One value. */
    YES_NO,
    /** The id of a component of one of the customer's supported systems. One value. */
    EQUIPMENT
}
