package dev.supportkit.storage.jdbc;

import dev.supportkit.api.Role;
import dev.supportkit.api.journal.LaborFunction;
import dev.supportkit.api.journal.Visibility;
import java.util.function.ToIntFunction;

/**
 * The journal's actor role, labour function and visibility as small numbers in {@code sk_journal} (a journal
 * row is written for every change; the names took some 40 bytes of each). The numbers are fixed here and never
 * reused: a labour function's is its code from the standard read as digits ({@code A/01.3} is 1013,
 * {@code D/02.7} 4027); a role's and a visibility's are listed below. 0, or any number not listed, reads as
 * unknown (null), as an unknown name did, so that verification reports the entry.
 */
final class JournalCodes {
    /** What an unknown name is converted to. */
    static final int UNKNOWN = 0;

    private JournalCodes() {
    }

    /** @return the number of a role */
    static int role(Role role) {
        return switch (role) {
            case FIRST_LINE_OPERATOR -> 1;
            case INTAKE_LEAD -> 2;
            case SECOND_LINE_ENGINEER -> 3;
            case GROUP_LEAD -> 4;
            case CUSTOMER_REPRESENTATIVE -> 5;
            case AUDITOR -> 6;
            case ADMINISTRATOR -> 7;
            case SYSTEM -> 8;
        };
    }

    /** @return the role of a number, or null when none has it */
    static Role role(int code) {
        return of(Role.values(), JournalCodes::role, code);
    }

    /** @return the number of a visibility */
    static int visibility(Visibility visibility) {
        return switch (visibility) {
            case INTERNAL -> 1;
            case CUSTOMER_VISIBLE -> 2;
        };
    }

    /** @return the visibility of a number, or null when none has it */
    static Visibility visibility(int code) {
        return of(Visibility.values(), JournalCodes::visibility, code);
    }

    /** {@code A/01.3} is 1013: the letter's place, the two digits, the level. */
    static int function(LaborFunction function) {
        String code = function.code();
        return (code.charAt(0) - 'A' + 1) * 1000 + Integer.parseInt(code.substring(2, 4)) * 10
                + (code.charAt(5) - '0');
    }

    /** @return the labour function of a number, or null when none has it */
    static LaborFunction function(int code) {
        return of(LaborFunction.values(), JournalCodes::function, code);
    }

    /** The constant whose number is {@code code}, or null. */
    private static <E> E of(E[] constants, ToIntFunction<E> number, int code) {
        for (E constant : constants) {
            if (number.applyAsInt(constant) == code) {
                return constant;
            }
        }
        return null;
    }

    /**
     * The number of a stored name, for the conversion of rows written before schema version 14.
     *
     * @param kind  "role", "function" or "visibility"
     * @param name  the stored name, or null
     * @return its number, {@link #UNKNOWN} for a name the code does not know
     */
    static int ofName(String kind, String name) {
        if (name == null) {
            return UNKNOWN;
        }
        try {
            return switch (kind) {
                case "role" -> role(Role.valueOf(name));
                case "function" -> function(LaborFunction.ofCode(name));
                case "visibility" -> visibility(Visibility.valueOf(name));
                default -> throw new IllegalArgumentException(kind);
            };
        } catch (IllegalArgumentException e) { // not a name this code knows
            return UNKNOWN;
        }
    }
}
