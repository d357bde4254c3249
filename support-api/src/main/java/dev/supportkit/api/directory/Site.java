package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * A place where a customer's equipment is installed and where engineers may visit.
 *
 * @param id           identifier
 * @param organization the owning customer organisation; required
 * @param name         short name, e.g. "Head office"; required
 * @param address      postal address for visits; required
 */
public record Site(SiteId id, OrganizationId organization, String name, String address) implements IdentifiedEntry {
    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(organization);
    }
}
