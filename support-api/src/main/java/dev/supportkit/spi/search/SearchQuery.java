package dev.supportkit.spi.search;

import dev.supportkit.api.TenantId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A search over one tenant's documents.
 *
 * @param tenant          the tenant
 * @param text            the words to look for, in Russian or English; any of them may match, documents
 *                        matching more (and in their titles) rank higher
 * @param systemModel     only documents that apply to this model (or to every model), if present
 * @param kinds           only these kinds; empty means every kind
 * @param customerVisibleOnly whether to leave internal documents out (for a customer reader)
 * @param limit           at most this many hits, 1 to 1000
 */
public record SearchQuery(TenantId tenant, String text, Optional<String> systemModel, Set<DocumentKind> kinds,
                          boolean customerVisibleOnly, int limit) {
    /**
     * Checks the parts.
     *
     * @param tenant              the tenant
     * @param text                the words to look for
     * @param systemModel         only documents for this model, if present
     * @param kinds               only these kinds; empty means every kind
     * @param customerVisibleOnly whether to leave internal documents out
     * @param limit               at most this many hits, 1 to 1000
     */
    public SearchQuery {
        Objects.requireNonNull(tenant, "tenant");
        text = text == null ? "" : text;
        systemModel = systemModel == null ? Optional.empty() : systemModel;
        kinds = kinds == null ? Set.of() : Set.copyOf(kinds);
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, was " + limit);
        }
    }
}
