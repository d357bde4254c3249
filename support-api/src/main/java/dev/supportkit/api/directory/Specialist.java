package dev.supportkit.api.directory;

import dev.supportkit.api.Role;
import java.util.Optional;

/**
 * A member of the support staff.
 *
 * @param id       identifier; the same text as the {@code Actor} id the person acts with
 * @param fullName the person's name; required
 * @param role     one of the four staff roles; required
 * @param group    the group they belong to; may be null
 */
public record Specialist(SpecialistId id, String fullName, Role role, GroupId group) implements DirectoryEntry {
    @Override
    public String entryId() {
        return id == null ? null : id.value();
    }

    @Override
    public Optional<OrganizationId> owner() {
        return Optional.empty();
    }
}
