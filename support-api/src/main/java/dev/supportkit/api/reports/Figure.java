package dev.supportkit.api.reports;

import java.util.Objects;

/**
 * One named figure a proposal rests on.
 *
 * @param name  what it is, e.g. {@code requests} or {@code failures}
 * @param value its value, as text
 */
public record Figure(String name, String value) {
    /**
     * Checks the parts.
     *
     * @param name  the name
     * @param value the value
     */
    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
