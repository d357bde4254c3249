package dev.supportkit.spi.search;

import dev.supportkit.api.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * A document as the index sees it. The text fields may be in Russian, English or both; an index must
 * find a word in any of its grammatical forms in either language.
 *
 * @param tenant          the tenant
 * @param kind            article or FAQ entry
 * @param id              the document id, unique per tenant and kind
 * @param title           the title (an article's problem, a FAQ question); weighs most
 * @param body            the rest of the searchable text (symptoms, solution steps, the answer)
 * @param systemModels    the system models it applies to; empty when it applies to every model
 * @param customerVisible whether customers may read it; internal documents are found only by staff
 */
public record IndexedDocument(TenantId tenant, DocumentKind kind, String id, String title, String body,
                              Set<String> systemModels, boolean customerVisible) {
    /**
     * Checks the required parts and copies the model set.
     *
     * @param tenant          the tenant
     * @param kind            article or FAQ entry
     * @param id              the document id
     * @param title           the title
     * @param body            the rest of the searchable text
     * @param systemModels    the system models it applies to
     * @param customerVisible whether customers may read it
     */
    public IndexedDocument {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        body = body == null ? "" : body;
        systemModels = systemModels == null ? Set.of() : Set.copyOf(systemModels);
    }
}
