package dev.supportkit.api.error;

import java.util.Objects;

/**
 * One rule broken by one input field.
 *
 * @param field   dotted path of the field, e.g. {@code contact.subject}
 * @param rule    short machine-readable name of the rule, e.g. {@code required}, {@code max-length}
 * @param message a sentence for a person, e.g. "must not be longer than 200 characters"
 */
public record FieldError(String field, String rule, String message) {
    /**
     * Validates that all parts are present.
     *
     * @param field dotted path of the field, e.g. {@code contact.subject}
     * @param rule short machine-readable name of the rule, e.g. {@code required}, {@code max-length}
     * @param message a sentence for a person, e.g. "must not be longer than 200 characters"
     */
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + " [" + rule + "]: " + message;
    }
}
