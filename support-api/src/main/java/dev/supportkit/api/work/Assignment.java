package dev.supportkit.api.work;

import dev.supportkit.api.directory.GroupId;
import dev.supportkit.api.directory.SpecialistId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who works a request next: a specialist of its line (or nobody), and at second line possibly another
 * group. Build one with {@link #to(SpecialistId, String)}, {@link #toGroup(GroupId, SpecialistId, String)}
 * or {@link #unassign(String)}.
 *
 * @param assignee the specialist, or empty to leave the request unassigned
 * @param group    at second line, the group to move the request to; empty to keep its group
 * @param reason   why, for the journal (required, at most 1,000 characters)
 */
public record Assignment(Optional<SpecialistId> assignee, Optional<GroupId> group, String reason) {
    /**
     * Checks that the optional parts are present as optionals.
     *
     * @param assignee the specialist, or empty
     * @param group    the group to move to, or empty
     * @param reason   why
     */
    public Assignment {
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(group, "group");
    }

    /**
     * Assigns the request to a specialist of its line (and group).
     *
     * @param specialist the specialist
     * @param reason     why
     * @return the assignment
     */
    public static Assignment to(SpecialistId specialist, String reason) {
        return new Assignment(Optional.ofNullable(specialist), Optional.empty(), reason);
    }

    /**
     * Moves a second-line request to another group, to one of its specialists or to nobody yet.
     *
     * @param group      the group
     * @param specialist a specialist of that group, or null to leave it unassigned there
     * @param reason     why
     * @return the assignment
     */
    public static Assignment toGroup(GroupId group, SpecialistId specialist, String reason) {
        return new Assignment(Optional.ofNullable(specialist), Optional.ofNullable(group), reason);
    }

    /**
     * Takes the request from whoever has it; it stays at its line and group.
     *
     * @param reason why
     * @return the assignment
     */
    public static Assignment unassign(String reason) {
        return new Assignment(Optional.empty(), Optional.empty(), reason);
    }
}
