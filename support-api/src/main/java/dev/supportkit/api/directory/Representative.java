package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * A customer's responsible representative: the person who reports problems, answers questions
 * and signs off the results together with the engineer.
 *
 * @param id           identifier
 * @param organization the organisation they represent; required
 * @param fullName     the person's name; required, at most 200 characters
 * @param email        e-mail address; at least one of e-mail and phone is required
 * @param phone        phone number in international form, e.g. +74951234567
 */
public record Representative(RepresentativeId id, OrganizationId organization, String fullName, String email,
                             String phone) implements IdentifiedEntry {
    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(organization);
    }
}
