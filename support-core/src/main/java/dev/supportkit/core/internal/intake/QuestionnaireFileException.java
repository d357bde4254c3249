package dev.supportkit.core.internal.intake;

import java.util.List;

/**
 * A questionnaire file could not be read: lists every problem, each naming the field (e.g.
 * {@code questions[2].type: 'multi' is not a question type ...}).
 */
public final class QuestionnaireFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @serial the file */
    private final String source;
    /** @serial the problems */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param source   the file's name
     * @param problems every problem found; not empty
     */
    public QuestionnaireFileException(String source, List<String> problems) {
        super("Questionnaire file '" + source + "' has " + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the file's name.
     *
     * @return the file's name
     */
    public String source() {
        return source;
    }

    /**
     * Returns every problem, each naming the field.
     *
     * @return every problem, each naming the field
     */
    public List<String> problems() {
        return problems;
    }
}
