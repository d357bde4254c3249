package dev.supportkit.api;

import java.util.Optional;

/**
 * Who a person is in the support process. The four staff roles follow the generalised labour
 * functions of professional standard 06.024 (A to D, with their qualification levels); then the
 * customer's side, the people who watch or run the service, and the engine's own automated actions.
 */
public enum Role {
    /** First-line operator: takes and registers contacts, answers typical questions (A, level 3). */
    FIRST_LINE_OPERATOR('A', 3),
    /** Lead of the intake group: non-typical problems, controls execution, summaries (B, level 6). */
    INTAKE_LEAD('B', 6),
    /** Second-line engineer: installation, configuration and problems in operation (C, level 6). */
    SECOND_LINE_ENGINEER('C', 6),
    /** Lead of a second-line group: organises the group's work and controls its quality (D, level 7). */
    GROUP_LEAD('D', 7),
    /** A customer's responsible representative: sees only their own organisation's requests. */
    CUSTOMER_REPRESENTATIVE(null, 0),
    /** Reads everything in the tenant, changes nothing; verifies journals. */
    AUDITOR(null, 0),
    /** Maintains the directory (customers, sites, systems, groups, specialists). */
    ADMINISTRATOR(null, 0),
    /**
     * The engine itself, for actions nobody performs by hand (a deadline passing). Holds no
     * permission: no service call is accepted from it.
     */
    SYSTEM(null, 0);

    private final Character functionCode;
    private final int qualificationLevel;

    Role(Character functionCode, int qualificationLevel) {
        this.functionCode = functionCode;
        this.qualificationLevel = qualificationLevel;
    }

    /**
     * The letter of the standard's generalised labour function this role performs.
     *
     * @return A, B, C or D for staff roles; empty for the others
     */
    public Optional<Character> functionCode() {
        return Optional.ofNullable(functionCode);
    }

    /**
     * The qualification level the standard requires for this role.
     *
     * @return 3, 6 or 7 for staff roles; 0 for the others
     */
    public int qualificationLevel() {
        return qualificationLevel;
    }

    /**
     * Returns true for the four support-staff roles A to D.
     *
     * @return true for the four support-staff roles A to D
     */
    public boolean isStaff() {
        return functionCode != null;
    }
}
