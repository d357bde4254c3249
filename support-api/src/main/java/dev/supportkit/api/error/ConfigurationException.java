package dev.supportkit.api.error;

import java.util.List;

/**
 * The engine could not be built: lists every configuration problem found, all at once.
 */
public class ConfigurationException extends SupportException {
    private static final long serialVersionUID = 1L;
    /** @serial problems */
    private final List<String> problems;

    /**
     * Creates the exception.
     *
     * @param problems every problem found; must not be empty
     */
    public ConfigurationException(List<String> problems) {
        super("SupportKit configuration is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns every configuration problem, each naming the key and the rule.
     *
     * @return every configuration problem, each naming the key and the rule
     */
    public List<String> problems() {
        return problems;
    }
}
