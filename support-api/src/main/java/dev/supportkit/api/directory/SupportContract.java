package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * A customer organisation's support contract: the service-level policy its requests get and,
 * optionally, the business calendar their deadlines are counted in instead of the policy's.
 *
 * @param organization the customer organisation (one contract per organisation)
 * @param number       the contract number; required
 * @param slaPolicy    the name of a configured SLA policy ({@code supportkit.sla.policies.<name>})
 * @param calendar     a business calendar id overriding the policy's, or null
 */
public record SupportContract(OrganizationId organization, String number, String slaPolicy, String calendar)
        implements DirectoryEntry {
    @Override
    public String entryId() {
        return organization == null ? null : organization.value();
    }

    @Override
    public Optional<OrganizationId> owner() {
        return Optional.ofNullable(organization);
    }
}
