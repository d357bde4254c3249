package dev.supportkit.api.directory;

import dev.supportkit.api.Role;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A member of the support staff.
 *
 * @param id       identifier; the same text as the {@code Actor} id the person acts with
 * @param fullName the person's name; required
 * @param role     one of the four staff roles; required
 * @param group    the group they belong to; may be null
 * @param skills   what the person is good at, as free text compared ignoring case: supported-system models
 *                 (e.g. {@code "NT-PBX 300"}), categories, languages (e.g. {@code "en"}); null reads as empty.
 *                 Routing inside a group prefers specialists whose skills name the request's system model.
 *                 Kept in the given order; at most 50, each non-blank and at most 100 characters (checked
 *                 when saved)
 */
public record Specialist(SpecialistId id, String fullName, Role role, GroupId group, Set<String> skills)
        implements IdentifiedEntry {

    /**
     * Copies the skills into an unmodifiable set in their given order; null becomes empty.
     *
     * @param id       identifier
     * @param fullName the person's name
     * @param role     one of the four staff roles
     * @param group    the group they belong to; may be null
     * @param skills   what the person is good at; may be null
     */
    public Specialist {
        skills = skills == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(skills));
    }

    /**
     * A specialist without skills (the shape before skills existed).
     *
     * @param id       identifier
     * @param fullName the person's name
     * @param role     one of the four staff roles
     * @param group    the group they belong to; may be null
     */
    public Specialist(SpecialistId id, String fullName, Role role, GroupId group) {
        this(id, fullName, role, group, Set.of());
    }

    /**
     * Whether one of the skills equals the given text, ignoring case and surrounding spaces.
     *
     * @param skill the skill looked for, e.g. a system model; null or blank never matches
     * @return true when the specialist has it
     */
    public boolean hasSkill(String skill) {
        if (skill == null || skill.isBlank()) {
            return false;
        }
        String wanted = skill.strip();
        return skills.stream().anyMatch(s -> s != null && s.strip().equalsIgnoreCase(wanted));
    }
}
