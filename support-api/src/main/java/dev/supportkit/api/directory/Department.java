package dev.supportkit.api.directory;

import java.util.List;

/**
 * A department that does works the support service agrees with it (C/01.6): installation, commissioning,
 * field service and so on. Its people agree to proposed works on its behalf; messages to the department go
 * to the contact points of the delivery preferences saved under its id.
 *
 * @param id     identifier
 * @param name   the department's name; required, at most 200 characters
 * @param kind   what it does, e.g. {@code installation}; required, at most 64 characters
 * @param people the specialists who agree on its behalf; at least one, each a specialist in the directory
 */
public record Department(DepartmentId id, String name, String kind, List<SpecialistId> people)
        implements IdentifiedEntry {
    /**
     * Copies the list.
     *
     * @param id     identifier
     * @param name   its name
     * @param kind   what it does
     * @param people who agree on its behalf
     */
    public Department {
        people = people == null ? List.of() : List.copyOf(people);
    }
}
