package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * A customer organisation served under a support contract.
 *
 * @param id         identifier, chosen by the embedding application (e.g. its CRM id)
 * @param name       the organisation's name; required, at most 200 characters
 * @param taxNumber  the organisation's tax number (ИНН) or other registration number; may be null
 */
public record Organization(OrganizationId id, String name, String taxNumber) implements IdentifiedEntry {
    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(id);
    }
}
