package dev.supportkit.api.journal;

import java.util.Arrays;

/**
 * The labour functions of professional standard 06.024. Every journal entry names the one it
 * performs, so each recorded action can be traced back to the standard.
 */
public enum LaborFunction {
    /** Handle customer contacts: questionnaire, registration, emergency detection, event journal. */
    A_01_3("A/01.3", "Handle customer contacts"),
    /** Instruct customers on typical problems; redirect to second line or the intake lead. */
    A_02_3("A/02.3", "Instruct customers on typical problems"),
    /** Instruct customers on non-typical problems; clarify details; redirect to second line. */
    B_01_6("B/01.6", "Instruct customers on non-typical problems"),
    /** Control the execution of requests; inform the customer on every channel. */
    B_02_6("B/02.6", "Control the execution of requests"),
    /** Process information about the work on contacts: summaries and recommendations. */
    B_03_6("B/03.6", "Process information about the work on contacts"),
    /** Consult customers on agreed deadlines of installation, commissioning and set-up works. */
    C_01_6("C/01.6", "Consult on agreed installation and commissioning dates"),
    /** Remove problems of initial configuration, remotely or on site. */
    C_02_6("C/02.6", "Remove problems of initial configuration"),
    /** Remove a problem that arose in operation; joint sign-off; failure statistics. */
    C_03_6("C/03.6", "Remove a problem that arose in operation"),
    /** Organise the group's work on requests: executors, deadlines, work plans, vendors. */
    D_01_7("D/01.7", "Organise the group's work on requests"),
    /** Control the quality of the group's work: reports, proposals, evaluations. */
    D_02_7("D/02.7", "Control the quality of the group's work");

    private final String code;
    private final String title;

    LaborFunction(String code, String title) {
        this.code = code;
        this.title = title;
    }

    /**
     * Returns the code as the standard writes it, e.g. {@code A/01.3}.
     *
     * @return the code as the standard writes it, e.g. {@code A/01.3}
     */
    public String code() {
        return code;
    }

    /**
     * Returns the function's name in English.
     *
     * @return the function's name in English
     */
    public String title() {
        return title;
    }

    /**
     * Finds a function by its code.
     *
     * @param code e.g. {@code C/03.6}
     * @return the function
     * @throws IllegalArgumentException when no function has that code
     */
    public static LaborFunction ofCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown labour function code '" + code + "'"));
    }

    @Override
    public String toString() {
        return code;
    }
}
