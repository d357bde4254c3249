package dev.supportkit.api.directory;

import java.util.Optional;

/**
 * Common shape of the directory's reference data, so a storage provider can keep all of it in one
 * place. Implemented only by the directory records of this package.
 */
public interface DirectoryEntry {
    /**
     * Returns the entry's identifier text, unique per entry type within a tenant.
     *
     * @return the entry's identifier text, unique per entry type within a tenant
     */
    String entryId();

    /**
     * Returns the customer organisation the entry belongs to, if it belongs to one.
     *
     * @return the customer organisation the entry belongs to, if it belongs to one; empty by default
     */
    default Optional<OrganizationId> owner() {
        return Optional.empty();
    }
}
