package dev.supportkit.api.intake;

import dev.supportkit.api.Identifier;
import java.util.Objects;

/**
 * Identifier of an intake questionnaire (the same for all its versions).
 *
 * @param value the identifier text, 1 to 64 non-blank characters
 */
public record QuestionnaireId(String value) implements Identifier {
    /**
     * Checks the identifier text.
     *
     * @param value the identifier text
     */
    public QuestionnaireId {
        Objects.requireNonNull(value, "QuestionnaireId value");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("QuestionnaireId must be 1 to 64 non-blank characters, got '" + value + "'");
        }
    }

    /**
     * Returns the identifier with this text.
     *
     * @param value the identifier text
     * @return the identifier
     */
    public static QuestionnaireId of(String value) {
        return new QuestionnaireId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
