package dev.supportkit.api.request;

import dev.supportkit.api.directory.SpecialistId;
import java.util.Objects;
import java.util.Optional;

/**
 * Which assignee a queue asks for: any, none ("unassigned"), the acting specialist ("mine") or one
 * named specialist. "Mine" is resolved against the actor when the query runs, so one query object can
 * serve every operator.
 *
 * @param kind       which of the four
 * @param specialist the specialist, for {@link Kind#SPECIALIST} only
 */
public record AssigneeFilter(Kind kind, Optional<SpecialistId> specialist) {
    /** The four kinds of assignee filter. */
    public enum Kind {
        /** Every request, assigned or not. */
        ANY,
        /** Only requests nobody is assigned to. */
        UNASSIGNED,
        /** Only requests assigned to the actor who runs the query. */
        MINE,
        /** Only requests assigned to one named specialist. */
        SPECIALIST
    }

    private static final AssigneeFilter ANY = new AssigneeFilter(Kind.ANY, Optional.empty());
    private static final AssigneeFilter UNASSIGNED = new AssigneeFilter(Kind.UNASSIGNED, Optional.empty());
    private static final AssigneeFilter MINE = new AssigneeFilter(Kind.MINE, Optional.empty());

    /**
     * Checks that a specialist is named exactly when the kind needs one.
     *
     * @param kind       which of the four
     * @param specialist the specialist, for {@link Kind#SPECIALIST} only
     */
    public AssigneeFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(specialist, "specialist");
        if ((kind == Kind.SPECIALIST) != specialist.isPresent()) {
            throw new IllegalArgumentException("a specialist is named exactly for kind SPECIALIST");
        }
    }

    /**
     * Returns the filter that lets every request through.
     *
     * @return the filter matching any assignee or none
     */
    public static AssigneeFilter any() {
        return ANY;
    }

    /**
     * Returns the filter for requests nobody is assigned to.
     *
     * @return the filter for unassigned requests
     */
    public static AssigneeFilter unassigned() {
        return UNASSIGNED;
    }

    /**
     * Returns the filter for the acting specialist's requests.
     *
     * @return the filter for requests assigned to whoever runs the query
     */
    public static AssigneeFilter mine() {
        return MINE;
    }

    /**
     * Returns the filter for one specialist's requests.
     *
     * @param specialist the specialist
     * @return the filter for requests assigned to that specialist
     */
    public static AssigneeFilter of(SpecialistId specialist) {
        return new AssigneeFilter(Kind.SPECIALIST, Optional.of(Objects.requireNonNull(specialist, "specialist")));
    }
}
