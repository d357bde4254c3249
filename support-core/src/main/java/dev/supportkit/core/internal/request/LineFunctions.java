package dev.supportkit.core.internal.request;

import dev.supportkit.api.Role;
import dev.supportkit.api.directory.SupportLine;
import dev.supportkit.api.journal.LaborFunction;

/**
 * Which labour function of the standard an action performs, depending on who acts or which line
 * holds the request.
 */
public final class LineFunctions {
    private LineFunctions() {
    }

    /**
     * Talking with the customer about the problem: first line handles the contact (A/01.3), the
     * intake lead clarifies a non-typical problem (B/01.6), second line discusses it with the
     * responsible representative (C/03.6).
     *
     * @param line the line that holds the request
     * @return the function
     */
    public static LaborFunction dialogue(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> LaborFunction.A_01_3;
            case INTAKE_LEAD -> LaborFunction.B_01_6;
            case SECOND_LINE, VENDOR -> LaborFunction.C_03_6;
        };
    }

    /**
     * Removing the problem: a typical solution at first line (A/02.3), remote instruction by the
     * intake lead (B/01.6), removal in operation at second line (C/03.6).
     *
     * @param line the line that holds the request
     * @return the function
     */
    public static LaborFunction solution(SupportLine line) {
        return switch (line) {
            case FIRST_LINE -> LaborFunction.A_02_3;
            case INTAKE_LEAD -> LaborFunction.B_01_6;
            case SECOND_LINE, VENDOR -> LaborFunction.C_03_6;
        };
    }

    /**
     * Redirecting a request: first line (A/02.3), intake lead (B/01.6), second-line engineer handing
     * back (C/03.6), group lead organising the group's work (D/01.7).
     *
     * @param role the acting role (a staff role)
     * @return the function
     */
    public static LaborFunction redirect(Role role) {
        return switch (role) {
            case FIRST_LINE_OPERATOR -> LaborFunction.A_02_3;
            case INTAKE_LEAD -> LaborFunction.B_01_6;
            case SECOND_LINE_ENGINEER -> LaborFunction.C_03_6;
            default -> LaborFunction.D_01_7;
        };
    }
}
