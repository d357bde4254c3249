package dev.supportkit.core.internal.calendar;

import java.util.List;
import java.util.Objects;

/**
 * A business calendar definition has problems. Every problem found in the definition is listed,
 * each as {@code "field.path: what is wrong"}, e.g.
 * {@code "calendars[0].weeklyHours.monday[1]: the end 09:00 is not after the start 18:00"}.
 */
public final class CalendarDefinitionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The name of the definition (a file name). */
    private final String source;
    /** Every problem, with its field path. */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param source   the name of the definition, e.g. its file name
     * @param problems every problem found, each {@code "field.path: message"}; not empty
     */
    public CalendarDefinitionException(String source, List<String> problems) {
        super(message(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    private static String message(String source, List<String> problems) {
        Objects.requireNonNull(problems, "problems");
        StringBuilder text = new StringBuilder();
        text.append(source).append(": ").append(problems.size())
                .append(problems.size() == 1 ? " problem" : " problems")
                .append(" in the business calendar definition");
        for (String problem : problems) {
            text.append(System.lineSeparator()).append("  - ").append(problem);
        }
        return text.toString();
    }

    /**
     * The name of the definition the problems are in.
     *
     * @return the name given to the loader, e.g. a file name
     */
    public String source() {
        return source;
    }

    /**
     * Every problem, each {@code "field.path: message"}, in the order found.
     *
     * @return the problems; never empty
     */
    public List<String> problems() {
        return problems;
    }
}
