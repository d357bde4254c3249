package dev.supportkit.api.resolution;

import java.util.Optional;

/**
 * One cause of equipment failures in a tenant's cause catalogue (06.024, C/03.6). Causes form a hierarchy:
 * a cause names the code of the cause it refines, e.g. {@code power.psu} under {@code power}.
 *
 * @param code   the cause's code: 1 to 64 of {@code a-z}, {@code 0-9}, '.', '_' and '-'; unique in the catalogue
 * @param title  what the cause is, for people (one line, at most 200 characters)
 * @param parent the code of the cause it refines, or empty for a top-level cause
 */
public record FailureCause(String code, String title, Optional<String> parent) {
    /**
     * Normalises an absent parent to empty.
     *
     * @param code   the cause's code
     * @param title  what the cause is
     * @param parent the code of the cause it refines, or empty
     */
    public FailureCause {
        parent = parent == null ? Optional.empty() : parent;
    }
}
