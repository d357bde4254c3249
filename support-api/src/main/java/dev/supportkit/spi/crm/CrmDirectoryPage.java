package dev.supportkit.spi.crm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a CRM's directory: contacts with their companies (a company without contacts appears once
 * with empty contact parts).
 *
 * @param parties the companies and contacts of this page, each with its CRM ids
 * @param next    the cursor of the next page, empty on the last page
 */
public record CrmDirectoryPage(List<CrmParty> parties, Optional<String> next) {
    /**
     * Copies the parts.
     *
     * @param parties the parties
     * @param next    the next cursor
     */
    public CrmDirectoryPage {
        parties = List.copyOf(Objects.requireNonNull(parties, "parties"));
        next = next == null ? Optional.empty() : next;
    }
}
