package dev.supportkit.api.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An intake questionnaire (A/01.3): the questions an operator asks for one kind of supported system and
 * problem, agreed with the departments concerned. Versions are immutable; a change is a new version, and
 * a request keeps the exact version it was taken with. For a contact the engine picks the latest version
 * of the most specific questionnaire matching the system's model and the problem category (both named
 * beats one named beats none).
 *
 * @param id          identifier, the same for every version
 * @param version     the version, from 1
 * @param title       what it is for; required, at most 200 characters
 * @param systemModel the system model (the supported-system kind) it is for; empty for every model
 * @param category    the problem category it is for; empty for every category
 * @param agreedBy    the department that agreed it; required, at most 200 characters
 * @param agreedOn    the date it was agreed; required
 * @param questions   the questions in the order they are asked; at least one, at most 200
 */
public record Questionnaire(QuestionnaireId id, int version, String title, Optional<String> systemModel,
                            Optional<String> category, String agreedBy, LocalDate agreedOn,
                            List<Question> questions) {
    /**
     * Copies the question list.
     *
     * @param id          identifier
     * @param version     the version
     * @param title       what it is for
     * @param systemModel the system model it is for, if any
     * @param category    the problem category it is for, if any
     * @param agreedBy    the department that agreed it
     * @param agreedOn    the date it was agreed
     * @param questions   the questions
     */
    public Questionnaire {
        systemModel = systemModel == null ? Optional.empty() : systemModel;
        category = category == null ? Optional.empty() : category;
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * Returns the reference to this exact version.
     *
     * @return the reference to this exact version
     */
    public dev.supportkit.api.request.QuestionnaireRef ref() {
        return new dev.supportkit.api.request.QuestionnaireRef(id, version);
    }
}
