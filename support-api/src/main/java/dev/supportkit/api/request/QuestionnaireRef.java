package dev.supportkit.api.request;

import dev.supportkit.api.intake.QuestionnaireId;
import java.util.Objects;

/**
 * One exact version of an intake questionnaire.
 *
 * @param id      the questionnaire
 * @param version its version
 */
public record QuestionnaireRef(QuestionnaireId id, int version) {
    /**
     * Checks the parts.
     *
     * @param id      the questionnaire
     * @param version its version, from 1
     */
    public QuestionnaireRef {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, was " + version);
        }
    }

    @Override
    public String toString() {
        return id + " v" + version;
    }
}
